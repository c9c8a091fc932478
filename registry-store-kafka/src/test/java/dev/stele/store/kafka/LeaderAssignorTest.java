package dev.stele.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.cluster.NodeIdentity;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupAssignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The election rule and its wire form, without a broker. */
class LeaderAssignorTest {
  private static NodeIdentity node(String host, int port, boolean eligible) {
    return new NodeIdentity("http", host, port, eligible);
  }

  @Test
  void theEligibleMemberWithTheSmallestUrlWins() {
    var outcome = LeaderAssignor.choose(Map.of(
        "m-c", node("10.0.0.3", 8081, true),
        "m-a", node("10.0.0.1", 8081, false),
        "m-b", node("10.0.0.2", 8081, true)));
    assertThat(outcome.leaderMemberId()).isEqualTo("m-b");
    assertThat(outcome.leader().url()).isEqualTo("http://10.0.0.2:8081");
    assertThat(outcome.error()).isEqualTo(MemberIdentity.NO_ERROR);
  }

  @Test
  void theUrlNotTheMemberIdDecides() {
    var outcome = LeaderAssignor.choose(Map.of(
        "a", node("host-b", 8081, true), "z", node("host-a", 9000, true)));
    assertThat(outcome.leaderMemberId()).isEqualTo("z");
  }

  @Test
  void noEligibleMemberMeansNoLeader() {
    var outcome = LeaderAssignor.choose(Map.of("a", node("h", 1, false), "b", node("h", 2, false)));
    assertThat(outcome.leaderMemberId()).isNull();
    assertThat(outcome.leader()).isNull();
  }

  @Test
  void twoMembersWithOneUrlMeanNoLeaderAndAnError() {
    var outcome = LeaderAssignor.choose(Map.of("a", node("h", 1, true), "b", node("h", 1, true)));
    assertThat(outcome.leaderMemberId()).isNull();
    assertThat(outcome.error()).isEqualTo(MemberIdentity.DUPLICATE_URLS);
  }

  @Test
  void stickyKeepsTheCurrentLeaderWhenASmallerUrlJoins() {
    Map<String, NodeIdentity> members = Map.of(
        "returning", node("10.0.0.1", 8081, true), "current", node("10.0.0.2", 8081, true));
    assertThat(LeaderAssignor.choose(members, Set.of("current")).leaderMemberId())
        .isEqualTo("current");
    // Not sticky (Confluent's default): the smallest URL takes leadership back.
    assertThat(LeaderAssignor.choose(members).leaderMemberId()).isEqualTo("returning");
  }

  @Test
  void stickyFallsBackToTheSmallestUrlWhenTheClaimCannotStand() {
    Map<String, NodeIdentity> members = Map.of("a", node("10.0.0.1", 8081, true),
        "b", node("10.0.0.2", 8081, true), "c", node("10.0.0.3", 8081, false));
    // Two claims (two halves of a group merging): neither is kept.
    assertThat(LeaderAssignor.choose(members, Set.of("a", "b")).leaderMemberId()).isEqualTo("a");
    assertThat(LeaderAssignor.choose(members, Set.of("b", "c")).leaderMemberId()).isEqualTo("b");
    // A claim from a member that turned ineligible (a resigning leader) is not kept.
    assertThat(LeaderAssignor.choose(members, Set.of("c")).leaderMemberId()).isEqualTo("a");
    // A claimant that left the group does not count.
    assertThat(LeaderAssignor.choose(members, Set.of("gone")).leaderMemberId()).isEqualTo("a");
    // Duplicate URLs still mean no leader.
    assertThat(LeaderAssignor.choose(Map.of("a", node("h", 1, true), "b", node("h", 1, true)),
        Set.of("a")).error()).isEqualTo(MemberIdentity.DUPLICATE_URLS);
  }

  @Test
  void aStickyAssignorReadsWhoLeadsFromTheSubscriptions() {
    AtomicReference<Optional<NodeIdentity>> learned = new AtomicReference<>();
    LeaderAssignor sticky = assignor(node("127.0.0.1", 8083, true), learned, true);
    LeaderAssignor plain = assignor(node("127.0.0.1", 8083, true), learned, false);
    GroupSubscription group = new GroupSubscription(Map.of(
        "small", new Subscription(List.of("_schemas"),
            MemberIdentity.encode(node("127.0.0.1", 8081, true), false, 0)),
        "leading", new Subscription(List.of("_schemas"),
            MemberIdentity.encode(node("127.0.0.1", 8082, true), true, 0))));
    assertThat(sticky.assign(Cluster.empty(), group).groupAssignment().get("leading")
        .partitions()).containsExactly(new TopicPartition("_schemas", 0));
    assertThat(plain.assign(Cluster.empty(), group).groupAssignment().get("small")
        .partitions()).containsExactly(new TopicPartition("_schemas", 0));
    String json = new String(MemberIdentity.encode(node("h", 1, true), true, 2).array(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(json).contains("\"leader\":true").contains("\"elections\":2");
    // The count changes the member's metadata only: the identity read back is the same.
    assertThat(MemberIdentity.decode(MemberIdentity.encode(node("h", 1, true), false, 7)))
        .isEqualTo(node("h", 1, true));
  }

  @Test
  void everyMemberLearnsTheWinnerAndOnlyTheWinnerGetsThePartition() {
    AtomicReference<Optional<NodeIdentity>> learned = new AtomicReference<>();
    NodeIdentity self = node("127.0.0.1", 8082, true);
    LeaderAssignor assignor = assignor(self, learned);
    ByteBuffer mine = assignor.subscriptionUserData(java.util.Set.of("_schemas"));
    ByteBuffer other = MemberIdentity.encode(node("127.0.0.1", 8081, true));
    ByteBuffer never = MemberIdentity.encode(node("127.0.0.1", 8080, false));
    GroupAssignment result = assignor.assign(Cluster.empty(), new GroupSubscription(Map.of(
        "me", new Subscription(List.of("_schemas"), mine),
        "other", new Subscription(List.of("_schemas"), other),
        "never", new Subscription(List.of("_schemas"), never),
        "garbled", new Subscription(List.of("_schemas"), ByteBuffer.wrap(new byte[] {1, 2})))));

    Map<String, Assignment> assignments = result.groupAssignment();
    assertThat(assignments.keySet()).containsExactlyInAnyOrder("me", "other", "never", "garbled");
    assertThat(assignments.get("other").partitions())
        .containsExactly(new TopicPartition("_schemas", 0));
    assertThat(assignments.get("me").partitions()).isEmpty();
    assertThat(assignments.get("never").partitions()).isEmpty();

    assignor.onAssignment(assignments.get("me"), new ConsumerGroupMetadata("g"));
    assertThat(learned.get()).contains(node("127.0.0.1", 8081, true));
    // The winner's identity is readable from any member's assignment, the loser's included.
    assertThat(MemberIdentity.leaderOf(assignments.get("garbled").userData()))
        .contains(node("127.0.0.1", 8081, true));
  }

  @Test
  void everyMemberLearnsEveryMemberFromTheAssignment() {
    List<List<NodeIdentity>> told = new java.util.ArrayList<>();
    NodeIdentity self = node("b-host", 8082, true);
    LeaderAssignor assignor = assignor(self, new AtomicReference<>(), false, told::add);
    ByteBuffer mine = assignor.subscriptionUserData(java.util.Set.of("_schemas"));
    GroupAssignment result = assignor.assign(Cluster.empty(), new GroupSubscription(Map.of(
        "me", new Subscription(List.of("_schemas"), mine),
        "other", new Subscription(List.of("_schemas"), MemberIdentity.encode(node("a-host", 8081, true))),
        "never", new Subscription(List.of("_schemas"), MemberIdentity.encode(node("c-host", 8083, false))),
        "garbled", new Subscription(List.of("_schemas"), ByteBuffer.wrap(new byte[] {1, 2})))));
    assignor.onAssignment(result.groupAssignment().get("me"), new ConsumerGroupMetadata("g"));
    List<NodeIdentity> all = List.of(node("a-host", 8081, true), self, node("c-host", 8083, false));
    assertThat(told.get(0)).as("by URL; an unreadable member has no identity to show")
        .containsExactlyElementsOf(all);

    // A member that did not run the election learns them from its assignment.
    List<List<NodeIdentity>> toldOther = new java.util.ArrayList<>();
    LeaderAssignor other = assignor(node("a-host", 8081, true), new AtomicReference<>(), false,
        toldOther::add);
    other.subscriptionUserData(java.util.Set.of("_schemas"));
    other.onAssignment(result.groupAssignment().get("other"), new ConsumerGroupMetadata("g"));
    assertThat(toldOther.get(0)).containsExactlyElementsOf(all);

    // An assignment that names no members (from a Stele before they were sent), run elsewhere:
    // this member only learns who won.
    Assignment bare = new Assignment(List.of(),
        MemberIdentity.assignment("other", node("a-host", 8081, true), MemberIdentity.NO_ERROR));
    assignor.subscriptionUserData(java.util.Set.of("_schemas"));
    assignor.onAssignment(bare, new ConsumerGroupMetadata("g"));
    assertThat(told.get(1)).isEmpty();

    // Such an election run here, for a join that then failed, is not the next one's.
    assignor.assign(Cluster.empty(), new GroupSubscription(Map.of(
        "me", new Subscription(List.of("_schemas"), mine))));
    assignor.subscriptionUserData(java.util.Set.of("_schemas"));
    assignor.onAssignment(bare, new ConsumerGroupMetadata("g"));
    assertThat(told.get(2)).isEmpty();
  }

  @Test
  void anAssignmentWithoutALeaderIsReportedAsNone() {
    AtomicReference<Optional<NodeIdentity>> learned = new AtomicReference<>();
    LeaderAssignor assignor = assignor(node("h", 1, true), learned);
    assignor.onAssignment(new Assignment(List.of(),
        MemberIdentity.assignment(null, null, MemberIdentity.DUPLICATE_URLS)),
        new ConsumerGroupMetadata("g"));
    assertThat(learned.get()).isEmpty();
    assignor.onAssignment(new Assignment(List.of(), ByteBuffer.wrap("nope".getBytes())),
        new ConsumerGroupMetadata("g"));
    assertThat(learned.get()).isEmpty();
  }

  @Test
  void identitiesUseTheConfluentFieldNames() {
    ByteBuffer data = MemberIdentity.encode(node("reg-1", 8081, true));
    String json = new String(data.array(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(json).contains("\"host\":\"reg-1\"", "\"port\":8081",
        "\"master_eligibility\":true", "\"scheme\":\"http\"");
    assertThat(MemberIdentity.decode(data)).isEqualTo(node("reg-1", 8081, true));
  }

  private static LeaderAssignor assignor(NodeIdentity self,
      AtomicReference<Optional<NodeIdentity>> learned) {
    return assignor(self, learned, false);
  }

  private static LeaderAssignor assignor(NodeIdentity self,
      AtomicReference<Optional<NodeIdentity>> learned, boolean sticky) {
    return assignor(self, learned, sticky, members -> { });
  }

  /** @param told gets the members of each election, as the elector does */
  private static LeaderAssignor assignor(NodeIdentity self,
      AtomicReference<Optional<NodeIdentity>> learned, boolean sticky,
      java.util.function.Consumer<List<NodeIdentity>> told) {
    LeaderAssignor assignor = new LeaderAssignor();
    assignor.configure(Map.of(LeaderAssignor.MEMBER, new LeaderAssignor.Member() {
      @Override
      public NodeIdentity self() {
        return self;
      }

      @Override
      public void assigned(Optional<NodeIdentity> leader) {
        learned.set(leader);
      }

      @Override
      public boolean sticky() {
        return sticky;
      }

      @Override
      public void members(List<NodeIdentity> members) {
        told.accept(members);
      }
    }));
    return assignor;
  }
}
