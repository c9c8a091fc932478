package dev.stele.store.kafka;

import dev.stele.registry.cluster.NodeIdentity;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The election, as a consumer group's partition assignor. Kafka picks one member to run
 * {@link #assign}; it gives partition 0 of the subscribed topic to the eligible member with the
 * smallest URL, as the Confluent registry elects, and tells every member who won, and who took
 * part, in its assignment's user data. Each member's identity travels in its subscription's user data, with
 * whether it leads now: when the election is sticky ({@code leader.election.sticky}, read by the
 * member Kafka picks to assign) an eligible member that leads keeps leading, as in Confluent's
 * {@code SchemaRegistryCoordinator}.
 *
 * <p>Kafka creates the assignor itself, from its class name; the {@link KafkaLeaderElector} that
 * owns the consumer reaches it through the config entry {@link #MEMBER}.
 */
public final class LeaderAssignor implements ConsumerPartitionAssignor, Configurable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderAssignor.class);
  /** Config entry holding the {@link Member} this assignor speaks for. */
  static final String MEMBER = "stele.election.member";

  /** The elector's side: who this member is, and what each election decided. */
  interface Member {
    NodeIdentity self();

    void assigned(Optional<NodeIdentity> leader);

    /**
     * Told before each {@link #assigned}: every member of that election, as its assignment names
     * them (an assignment from a Stele that did not name them: known only to the member that ran
     * it, empty on the others).
     */
    default void members(List<NodeIdentity> members) {}

    /** Whether this member leads now (sent in its identity's {@code "leader"} field). */
    default boolean leads() {
      return false;
    }

    /** Elections this member called on a leader gone (its identity's {@code "elections"}). */
    default int electionsCalled() {
      return 0;
    }

    /** Whether an election this member runs keeps a current leader that is still eligible. */
    default boolean sticky() {
      return false;
    }
  }

  /** An election's outcome: the winner's member id (null: none) and the error code. */
  record Outcome(String leaderMemberId, NodeIdentity leader, int error) {}

  private Member member;
  /**
   * The members of the election this member just ran, until its result arrives: Kafka calls
   * {@link #assign} on one member only, then {@link #onAssignment} on all, on the poll thread.
   */
  private List<NodeIdentity> ran;

  @Override
  public void configure(Map<String, ?> configs) {
    Object value = configs.get(MEMBER);
    if (!(value instanceof Member m)) {
      throw new IllegalArgumentException(MEMBER + " must hold the elector's member");
    }
    this.member = m;
  }

  @Override
  public String name() {
    return "stele-leader";
  }

  @Override
  public ByteBuffer subscriptionUserData(Set<String> topics) {
    ran = null; // a new join: an election run for a join that failed is not this one's
    return MemberIdentity.encode(member.self(), member.leads(), member.electionsCalled());
  }

  @Override
  public GroupAssignment assign(Cluster metadata, GroupSubscription group) {
    Map<String, NodeIdentity> members = new HashMap<>();
    Set<String> leading = new HashSet<>();
    List<String> topics = new ArrayList<>();
    group.groupSubscription().forEach((memberId, subscription) -> {
      subscription.topics().stream().filter(t -> !topics.contains(t)).forEach(topics::add);
      try {
        members.put(memberId, MemberIdentity.decode(subscription.userData()));
        if (member.sticky() && MemberIdentity.claimsLeadership(subscription.userData())) {
          leading.add(memberId);
        }
      } catch (IllegalArgumentException e) {
        LOG.warn("Group member {} sent no readable identity; it cannot lead: {}", memberId,
            e.getMessage());
      }
    });
    Outcome outcome = choose(members, leading);
    ran = members.values().stream().sorted(Comparator.comparing(NodeIdentity::url)).toList();
    ByteBuffer data = MemberIdentity.assignment(outcome.leaderMemberId(), outcome.leader(),
        outcome.error(), ran);
    List<TopicPartition> owned = topics.stream().map(t -> new TopicPartition(t, 0)).toList();
    Map<String, Assignment> assignments = new HashMap<>();
    for (String memberId : group.groupSubscription().keySet()) {
      boolean leads = memberId.equals(outcome.leaderMemberId());
      assignments.put(memberId, new Assignment(leads ? owned : List.of(), data.duplicate()));
    }
    return new GroupAssignment(assignments);
  }

  /** The election without stickiness: the eligible member with the smallest URL wins. */
  static Outcome choose(Map<String, NodeIdentity> members) {
    return choose(members, Set.of());
  }

  /**
   * The pure election. The one eligible member of {@code leading} (members that say they lead;
   * empty unless the election is sticky) keeps leading, so a member joining or coming back does
   * not move leadership (each move costs a takeover). Otherwise, or when several say they lead
   * (two partitions of the group merging), the eligible member with the smallest URL wins. Two
   * members with one URL mean a misconfiguration (forwarding could not tell them apart): nobody
   * leads then.
   */
  static Outcome choose(Map<String, NodeIdentity> members, Set<String> leading) {
    TreeMap<String, String> byUrl = new TreeMap<>();
    for (Map.Entry<String, NodeIdentity> entry : members.entrySet()) {
      String url = entry.getValue().url();
      if (byUrl.put(url, entry.getKey()) != null) {
        LOG.error("Two members of the registry group advertise {}: no leader is elected until"
            + " host.name or the listener of one of them is changed", url);
        return new Outcome(null, null, MemberIdentity.DUPLICATE_URLS);
      }
    }
    List<String> current = leading.stream()
        .filter(id -> members.containsKey(id) && members.get(id).eligible()).sorted().toList();
    if (current.size() == 1) {
      return new Outcome(current.get(0), members.get(current.get(0)), MemberIdentity.NO_ERROR);
    }
    if (current.size() > 1) {
      LOG.warn("Several members say they lead ({}): electing by the smallest URL", current.stream()
          .map(id -> members.get(id).url()).toList());
    }
    for (Map.Entry<String, String> entry : byUrl.entrySet()) {
      NodeIdentity identity = members.get(entry.getValue());
      if (identity.eligible()) {
        return new Outcome(entry.getValue(), identity, MemberIdentity.NO_ERROR);
      }
    }
    return new Outcome(null, null, MemberIdentity.NO_ERROR);
  }

  @Override
  public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
    Optional<NodeIdentity> leader;
    try {
      leader = MemberIdentity.leaderOf(assignment.userData());
    } catch (IllegalArgumentException e) {
      LOG.warn("Unreadable election result (generation {}): {}", metadata.generationId(),
          e.getMessage());
      leader = Optional.empty();
    }
    List<NodeIdentity> named;
    try {
      named = MemberIdentity.membersOf(assignment.userData());
    } catch (IllegalArgumentException e) {
      named = List.of();
    }
    // An assignment from a Stele that names no members: only the one that ran it knows them.
    member.members(!named.isEmpty() ? named : ran == null ? List.of() : ran);
    ran = null;
    member.assigned(leader);
  }
}
