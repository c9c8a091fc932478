package dev.stele.http;

import static dev.stele.http.Access.global;
import static dev.stele.http.Effect.READS;
import static dev.stele.http.auth.Operation.ADMIN;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stele.http.ops.Operations;
import dev.stele.registry.cluster.Leadership;
import java.io.IOException;

/**
 * {@code GET /v1/cluster}: what this node knows of its cluster, for the console's cluster page:
 * the store, this node and the leader, readiness, and the log and table sizes this node's
 * metrics already gauge. Stele's own. It names hosts, so it needs the admin right on the global
 * scope. Answered by the node asked, never forwarded: each node tells its own view (a follower's
 * offset may trail the leader's).
 */
final class ClusterRoutes {
  static final String PATH = "/v1/cluster";
  /** The gauges SteleServer registers, under the names this answer gives them. */
  private static final String[][] GAUGES = {
      {"logOffset", "stele_log_offset"}, {"logLagRecords", "stele_log_lag_records"},
      {"subjects", "stele_subjects"}, {"versions", "stele_versions"}, {"schemas", "stele_schemas"}};

  private final ServerInfo info;
  private final Leadership leadership;
  private final Operations operations;

  /** operations: null where no metrics are kept (tests), leaving the sizes out. */
  ClusterRoutes(ServerInfo info, Leadership leadership, Operations operations) {
    this.info = info;
    this.leadership = leadership;
    this.operations = operations;
  }

  void declare(RouteTable routes) {
    routes.get(PATH, READS, global(ADMIN), call -> call.ok(Json.render(this::describe)));
  }

  private void describe(JsonGenerator out) throws IOException {
    out.writeStartObject();
    // The Kafka store names its cluster; the embedded store belongs to none.
    out.writeStringField("store", info.kafkaClusterId().isEmpty() ? "embedded" : "kafka");
    out.writeStringField("kafkaClusterId", info.kafkaClusterId());
    out.writeStringField("groupId", info.schemaRegistryGroupId());
    out.writeStringField("version", info.version());
    out.writeStringField("commitId", info.commitId());
    out.writeObjectFieldStart("node");
    out.writeBooleanField("leader", leadership.leads());
    out.writeBooleanField("ready", leadership.ready());
    out.writeEndObject();
    String leaderUrl = leadership.leader().map(l -> l.url()).orElse(null);
    out.writeStringField("leaderUrl", leaderUrl);
    if (operations != null) {
      for (String[] gauge : GAUGES) {
        Double value = operations.gaugeValue(gauge[1]);
        if (value != null) {
          out.writeNumberField(gauge[0], value.longValue());
        }
      }
    }
    out.writeEndObject();
  }
}
