package dev.stele.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The instances of {@code GET /v1/cluster}. Each member knows every member from the election's
 * assignment; one whose assignment came from an older Stele (which names only the winner, as
 * Confluent's shape does) knows them only if it ran the election, and otherwise asks the leader.
 * Each listed member is then asked for its own
 * readiness and log offset, all at once, each within a short timeout. Peers are asked through
 * {@link Forwarder#ask}: the caller's credentials, this node's TLS, marked forwarded so that a
 * peer answers from what it knows itself and asks nobody in turn (no loops, one hop).
 *
 * <p>What cannot be learned is said, never failed: an unreachable leader or member, or a leader
 * that did not run the election either (Kafka picks which member runs it), leaves the answer
 * marked incomplete with the reason, and an unreachable member listed as such.
 */
final class ClusterInstances {
  /** Bounds the question to the leader; the members' questions follow it. */
  static final long LEADER_TIMEOUT_MILLIS = 2_000;
  static final long MEMBER_TIMEOUT_MILLIS = 1_500;

  /** A member of the cluster as the election sees it. */
  record Member(String url, boolean eligible) {}

  /**
   * The members known, whether they are all of them, and if not, why not; {@code failed}: the
   * member already asked in vain (the leader), not asked again.
   */
  record Roster(List<Member> members, boolean complete, String problem, String failed) {
    Roster(List<Member> members, boolean complete, String problem) {
      this(members, complete, problem, null);
    }
  }

  /**
   * A member with what it said of itself; {@code ready} and {@code logOffset} are null when it
   * could not be asked (then {@code problem} says why) or keeps no gauges.
   */
  record Instance(Member member, boolean self, boolean reachable, Boolean ready, Long logOffset,
      String problem) {}

  /** What this node answers: each instance, in URL order, and the roster's completeness. */
  record Answer(List<Instance> instances, boolean complete, String problem) {}

  private final Leadership leadership;
  private final Forwarder forwarder;

  ClusterInstances(Leadership leadership, Forwarder forwarder) {
    this.leadership = leadership;
    this.forwarder = forwarder;
  }

  /**
   * The members this node knows by itself, without asking anyone: every member when it ran the
   * last election; itself at {@code origin} (the URL it was reached at) on the embedded store;
   * otherwise itself and the leader.
   */
  Roster known(String origin) {
    List<NodeIdentity> ran = leadership.members();
    if (!ran.isEmpty()) {
      return new Roster(ran.stream().map(n -> new Member(n.url(), n.eligible())).toList(), true,
          null);
    }
    Optional<NodeIdentity> self = leadership.self();
    if (self.isEmpty()) {
      return new Roster(List.of(new Member(origin, true)), true, null);
    }
    Map<String, Member> known = new LinkedHashMap<>();
    add(known, self.get());
    leadership.leader().ifPresent(l -> add(known, l));
    String why = leadership.leader().isEmpty() ? "no leader is known yet"
        : "another member ran the last election: only it knows every member";
    return new Roster(sorted(known), false, why);
  }

  /** Every instance, asking the leader for the members if this node does not know them all. */
  Future<Answer> gather(RoutingContext ctx, String origin, Supplier<Long> ownOffset) {
    Roster own = known(origin);
    Optional<NodeIdentity> leader = leadership.leader();
    Future<Roster> roster;
    if (own.complete() || leader.isEmpty() || leader.equals(leadership.self())) {
      roster = Future.succeededFuture(own);
    } else {
      String url = leader.get().url();
      roster = forwarder.ask(ctx, url, ClusterRoutes.PATH, LEADER_TIMEOUT_MILLIS)
          .map(body -> fromLeader(body, own))
          .otherwise(e -> new Roster(own.members(), false,
              "the leader " + url + " could not be asked: " + e.getMessage(), url));
    }
    String selfUrl = leadership.self().map(NodeIdentity::url).orElse(origin);
    return roster.compose(r -> probeAll(ctx, r, selfUrl, ownOffset));
  }

  private Future<Answer> probeAll(RoutingContext ctx, Roster roster, String selfUrl,
      Supplier<Long> ownOffset) {
    List<Future<Instance>> asked = new ArrayList<>();
    for (Member member : roster.members()) {
      if (member.url().equals(selfUrl)) {
        asked.add(Future.succeededFuture(
            new Instance(member, true, true, leadership.ready(), ownOffset.get(), null)));
      } else if (member.url().equals(roster.failed())) {
        asked.add(Future.succeededFuture(new Instance(member, false, false, null, null,
            "could not be asked: see instancesProblem")));
      } else {
        asked.add(forwarder.ask(ctx, member.url(), ClusterRoutes.PATH, MEMBER_TIMEOUT_MILLIS)
            .map(body -> said(member, body))
            .otherwise(e -> new Instance(member, false, false, null, null,
                "could not be asked: " + e.getMessage())));
      }
    }
    return Future.all(asked).map(all -> new Answer(
        asked.stream().map(Future::result).toList(), roster.complete(), roster.problem()));
  }

  /** The leader's own roster: all members if it ran the election, else merged with ours. */
  private static Roster fromLeader(Buffer body, Roster own) {
    JsonNode answer = read(body);
    Map<String, Member> known = new LinkedHashMap<>();
    for (JsonNode instance : answer.path("instances")) {
      String url = instance.path("url").asText(null);
      if (url != null) {
        known.put(url, new Member(url, instance.path("leaderEligible").asBoolean(false)));
      }
    }
    if (answer.path("instancesComplete").asBoolean(false)) {
      return new Roster(sorted(known), true, null);
    }
    own.members().forEach(m -> known.putIfAbsent(m.url(), m));
    return new Roster(sorted(known), false, "neither this node nor the leader ran the last"
        + " election (Kafka picks the member that runs it): only the members they know are listed");
  }

  private static Instance said(Member member, Buffer body) {
    JsonNode answer = read(body);
    JsonNode ready = answer.at("/node/ready");
    JsonNode offset = answer.path("logOffset");
    return new Instance(member, false, true, ready.isBoolean() ? ready.asBoolean() : null,
        offset.isNumber() ? offset.asLong() : null, null);
  }

  private static JsonNode read(Buffer body) {
    try {
      return Json.MAPPER.readTree(body.getBytes());
    } catch (IOException e) {
      throw new IllegalStateException("not a cluster answer: " + e.getMessage(), e);
    }
  }

  private static void add(Map<String, Member> known, NodeIdentity node) {
    known.put(node.url(), new Member(node.url(), node.eligible()));
  }

  private static List<Member> sorted(Map<String, Member> known) {
    return known.values().stream().sorted(java.util.Comparator.comparing(Member::url)).toList();
  }
}
