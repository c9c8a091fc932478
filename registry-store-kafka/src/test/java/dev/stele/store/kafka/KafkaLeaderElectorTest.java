package dev.stele.store.kafka;

import static dev.stele.store.kafka.Eventually.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.cluster.LeaderElector;
import dev.stele.registry.cluster.NodeIdentity;
import dev.stele.testkit.kafka.KafkaBrokers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The elector alone (no log, no node) in a real consumer group, one group per test. */
class KafkaLeaderElectorTest {
  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);

  private final List<KafkaLeaderElector> electors = new ArrayList<>();
  private KafkaStoreConfig config;
  private String group;

  /** What the elector told a member, in order. */
  private static final class Heard implements LeaderElector.Listener {
    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void elected() {
      events.add("elected");
    }

    @Override
    public synchronized void following(NodeIdentity leader) {
      events.add("following " + leader.url());
    }

    @Override
    public synchronized void leaderUnknown() {
      events.add("unknown");
    }

    synchronized String last() {
      return events.isEmpty() ? "" : events.get(events.size() - 1);
    }

    synchronized List<String> events() {
      return List.copyOf(events);
    }
  }

  private record Member(KafkaLeaderElector elector, NodeIdentity self, Heard heard) {}

  @BeforeEach
  void topic(TestInfo info) throws Exception {
    String name = info.getTestMethod().orElseThrow().getName();
    group = "group-" + name;
    config = KafkaStoreConfig.of(KAFKA.bootstrapServers(), "elect-" + name, group);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(config.topic(), 1, (short) 1)
          .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
    }
  }

  @AfterEach
  void leave() {
    electors.forEach(KafkaLeaderElector::close);
  }

  private Member join(int port, boolean eligible) {
    return join(port, eligible, new KafkaLeaderElector(config, group));
  }

  private Member join(int port, boolean eligible, KafkaLeaderElector elector) {
    electors.add(elector);
    NodeIdentity self = new NodeIdentity("http", "127.0.0.1", port, eligible);
    Heard heard = new Heard();
    elector.start(self, heard);
    return new Member(elector, self, heard);
  }

  @Test
  void theSmallestEligibleUrlIsElectedAndEveryMemberIsToldWhoLeads() throws Exception {
    Member never = join(2001, false); // the smallest URL, but it may not lead
    Member first = join(2002, true);
    Member second = join(2003, true);

    String following = "following " + first.self().url();
    awaitTrue("all three hear that 2002 leads", () -> first.heard().last().equals("elected")
        && second.heard().last().equals(following) && never.heard().last().equals(following));
    for (Member m : List.of(never, first, second)) {
      assertThat(m.elector().leader()).contains(first.self());
    }
    assertThat(never.heard().events()).doesNotContain("elected");
    assertThat(second.heard().events()).doesNotContain("elected");

    // The member Kafka had run the election (its group leader, not necessarily the winner)
    // names all three in every member's assignment.
    List<NodeIdentity> all = List.of(never.self(), first.self(), second.self());
    awaitTrue("every member knows every member", () -> List.of(never, first, second).stream()
        .allMatch(m -> m.elector().members().equals(all)));
  }

  @Test
  void whenTheLeaderLeavesTheNextEligibleMemberIsElected() throws Exception {
    Member never = join(2001, false);
    Member first = join(2002, true);
    Member second = join(2003, true);
    awaitTrue("2002 is elected", () -> first.heard().last().equals("elected")
        && second.elector().leader().equals(Optional.of(first.self())));

    first.elector().close(); // leaves the group at once: no session timeout to wait for

    awaitTrue("2003 is elected", () -> second.heard().last().equals("elected"));
    awaitTrue("the others hear of it", () -> never.heard().last()
        .equals("following " + second.self().url()));
    assertThat(second.elector().leader()).contains(second.self());
    assertThat(never.elector().leader()).contains(second.self());
    assertThat(never.heard().events()).doesNotContain("elected");
  }

  @Test
  void aGroupWithoutAnEligibleMemberHasNoLeader() throws Exception {
    Member never = join(2001, false);

    awaitTrue("the member hears there is no leader", () -> never.heard().last().equals("unknown"));
    assertThat(never.elector().leader()).isEmpty();
    assertThat(never.elector().self()).isEqualTo(never.self());
  }

  /**
   * Nothing listens on these members' ports, so each follower's probe finds the leader "gone"
   * while it is alive in the group (as a leader that one follower cannot reach would be). Each
   * follower calls one election; the leader rejoins it and, the election being sticky, keeps
   * leading; and the followers call no more (no storm of elections).
   */
  @Test
  void aLeaderAliveInTheGroupButRefusingConnectionsKeepsLeading() throws Exception {
    ElectionTiming timing = ElectionTiming.DEFAULTS;
    Member leader = join(2005, true, new KafkaLeaderElector(config, group, timing, true));
    awaitTrue("2005 is elected", () -> leader.heard().last().equals("elected"));
    Member second = join(2003, true, new KafkaLeaderElector(config, group, timing, true));
    Member third = join(2004, true, new KafkaLeaderElector(config, group, timing, true));
    List<Member> followers = List.of(second, third);

    awaitTrue("each follower's probe called an election and heard its result",
        () -> followers.stream().allMatch(f -> f.elector().electionsAnswered() >= 1));
    long[] probed = followers.stream().mapToLong(f -> f.elector().probesSent()).toArray();
    awaitTrue("ten more probes by each", () -> second.elector().probesSent() >= probed[0] + 10
        && third.elector().probesSent() >= probed[1] + 10);

    String following = "following " + leader.self().url();
    for (Member f : followers) {
      assertThat(f.elector().electionsCalled()).as("elections %s called", f.self().url())
          .isEqualTo(1);
      assertThat(f.heard().events()).containsOnly(following);
      assertThat(f.elector().leader()).contains(leader.self());
    }
    assertThat(leader.heard().events()).as("the leader never lost its leadership")
        .containsExactly("elected");
    assertThat(leader.elector().leads()).isTrue();
  }
}
