package dev.stele.http;

import static dev.stele.http.Access.global;
import static dev.stele.http.Effect.READS;
import static dev.stele.http.auth.Operation.ADMIN;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stele.http.ClusterInstances.Answer;
import dev.stele.http.ClusterInstances.Instance;
import dev.stele.http.ClusterInstances.Roster;
import dev.stele.http.ops.Operations;
import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.io.IOException;

/**
 * {@code GET /v1/cluster}: what this node knows of its cluster, for the console's cluster page:
 * the store, this node and the leader, readiness, the log and table sizes this node's metrics
 * already gauge, and every instance with its role and what it says of itself
 * ({@link ClusterInstances}). Stele's own. It names hosts, so it needs the admin right on the
 * global scope. Answered by the node asked (a follower's offset may trail the leader's); a
 * request a peer sent ({@link Forwarder#FORWARDED}) gets this node's own view only, so that
 * gathering the instances never asks further than one hop.
 */
final class ClusterRoutes {
  static final String PATH = "/v1/cluster";
  private static final String LOG_OFFSET = "stele_log_offset";
  /** The gauges SteleServer registers, under the names this answer gives them. */
  private static final String[][] GAUGES = {
      {"logOffset", LOG_OFFSET}, {"logLagRecords", "stele_log_lag_records"},
      {"subjects", "stele_subjects"}, {"versions", "stele_versions"}, {"schemas", "stele_schemas"}};

  private final ServerInfo info;
  private final Leadership leadership;
  private final Operations operations;
  private final ClusterInstances instances;

  /** operations: null where no metrics are kept (tests), leaving the sizes out. */
  ClusterRoutes(ServerInfo info, Leadership leadership, Operations operations,
      Forwarder forwarder) {
    this.info = info;
    this.leadership = leadership;
    this.operations = operations;
    this.instances = new ClusterInstances(leadership, forwarder);
  }

  void declare(RouteTable routes) {
    routes.get(PATH, READS, global(ADMIN), this::answer);
  }

  private void answer(Call call) {
    String origin = origin(call.context().request());
    if (call.context().request().getHeader(Forwarder.FORWARDED) != null) {
      Roster known = instances.known(origin);
      call.ok(Json.render(out -> describe(out, origin, leaderUrl -> writeRoster(out, known, leaderUrl))));
      return;
    }
    call.okLater(instances.gather(call.context(), origin, this::logOffset)
        .map(answer -> Json.render(out -> describe(out, origin,
            leaderUrl -> writeAnswer(out, answer, leaderUrl)))));
  }

  /** Writes the instances part, given the leader's URL that tells each one's role. */
  @FunctionalInterface
  private interface InstancesPart {
    void write(String leaderUrl) throws IOException;
  }

  private void describe(JsonGenerator out, String origin, InstancesPart instancesPart)
      throws IOException {
    out.writeStartObject();
    // The Kafka store names its cluster; the embedded store belongs to none.
    out.writeStringField("store", info.kafkaClusterId().isEmpty() ? "embedded" : "kafka");
    out.writeStringField("kafkaClusterId", info.kafkaClusterId());
    out.writeStringField("groupId", info.schemaRegistryGroupId());
    out.writeStringField("version", info.version());
    out.writeStringField("commitId", info.commitId());
    out.writeObjectFieldStart("node");
    out.writeStringField("url", leadership.self().map(NodeIdentity::url).orElse(origin));
    out.writeBooleanField("leader", leadership.leads());
    out.writeBooleanField("ready", leadership.ready());
    out.writeEndObject();
    // Null on the embedded store, as ever: it has no leader to forward to.
    out.writeStringField("leaderUrl", leadership.leader().map(NodeIdentity::url).orElse(null));
    String leaderUrl = leaderUrl(origin);
    if (operations != null) {
      for (String[] gauge : GAUGES) {
        Double value = operations.gaugeValue(gauge[1]);
        if (value != null) {
          out.writeNumberField(gauge[0], value.longValue());
        }
      }
    }
    instancesPart.write(leaderUrl);
    out.writeEndObject();
  }

  /** Everyone asked: each instance with what it said. */
  private static void writeAnswer(JsonGenerator out, Answer answer, String leaderUrl)
      throws IOException {
    out.writeArrayFieldStart("instances");
    for (Instance instance : answer.instances()) {
      writeInstance(out, instance, leaderUrl);
    }
    writeCompleteness(out, answer.complete(), answer.problem());
  }

  /** A peer's question: the members this node knows by itself, nobody asked. */
  private static void writeRoster(JsonGenerator out, Roster roster, String leaderUrl)
      throws IOException {
    out.writeArrayFieldStart("instances");
    for (ClusterInstances.Member member : roster.members()) {
      out.writeStartObject();
      writeMember(out, member, leaderUrl);
      out.writeEndObject();
    }
    writeCompleteness(out, roster.complete(), roster.problem());
  }

  private static void writeInstance(JsonGenerator out, Instance instance, String leaderUrl)
      throws IOException {
    out.writeStartObject();
    writeMember(out, instance.member(), leaderUrl);
    out.writeBooleanField("self", instance.self());
    out.writeBooleanField("reachable", instance.reachable());
    if (instance.ready() != null) {
      out.writeBooleanField("ready", instance.ready());
    }
    if (instance.logOffset() != null) {
      out.writeNumberField("logOffset", instance.logOffset());
    }
    if (instance.problem() != null) {
      out.writeStringField("problem", instance.problem());
    }
    out.writeEndObject();
  }

  private static void writeMember(JsonGenerator out, ClusterInstances.Member member,
      String leaderUrl) throws IOException {
    out.writeStringField("url", member.url());
    out.writeStringField("role", member.url().equals(leaderUrl) ? "leader" : "follower");
    out.writeBooleanField("leaderEligible", member.eligible());
  }

  /** Closes the instances array and says whether it lists every member, and if not, why. */
  private static void writeCompleteness(JsonGenerator out, boolean complete, String problem)
      throws IOException {
    out.writeEndArray();
    out.writeBooleanField("instancesComplete", complete);
    out.writeStringField("instancesProblem", problem);
  }

  /** The leader's URL for the roles; the embedded store's node leads, at the URL it was reached at. */
  private String leaderUrl(String origin) {
    return leadership.leader().map(NodeIdentity::url)
        .orElse(leadership.leads() && leadership.self().isEmpty() ? origin : null);
  }

  private Long logOffset() {
    Double value = operations == null ? null : operations.gaugeValue(LOG_OFFSET);
    return value == null ? null : value.longValue();
  }

  /** The URL this node was reached at: how the embedded store's one instance is named. */
  private static String origin(HttpServerRequest request) {
    HostAndPort authority = request.authority();
    if (authority == null) {
      return request.scheme() + "://" + request.localAddress().hostAddress() + ":"
          + request.localAddress().port();
    }
    return request.scheme() + "://" + authority.host()
        + (authority.port() > 0 ? ":" + authority.port() : "");
  }
}
