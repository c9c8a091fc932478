package dev.stele.registry.cluster;

import java.util.List;
import java.util.Optional;

/**
 * Chooses one leader among the nodes of a registry cluster (the Kafka store's nodes, by
 * {@code schema.registry.group.id}). Only the leader writes to the log; the others forward
 * writes to it. The embedded store has no elector: its one node always leads.
 *
 * <p>An election result is advice, not a lock: two nodes may briefly both believe they lead
 * (a paused process, a network partition). What keeps the log consistent is the fencing the log
 * itself enforces when a node becomes its writer (Kafka's transactional producer epochs).
 */
public interface LeaderElector extends AutoCloseable {

  /** Told of every change of leader, from one thread at a time, in the order they happened. */
  interface Listener {
    /** This node now leads. */
    void elected();

    /** Another node leads. */
    void following(NodeIdentity leader);

    /** No node is known to lead (no eligible member, an election under way, Kafka away). */
    void leaderUnknown();
  }

  /** Joins the election as {@code self}; results go to {@code listener}. Called once. */
  void start(NodeIdentity self, Listener listener);

  /**
   * Gives up leading before leaving (a stop, not a crash): this node stops being eligible and
   * the others elect a leader while this one still learns the result, so it can forward the
   * writes it still receives. Does not wait; {@link Listener} tells the outcome.
   */
  default void resign() {}

  /** The leader as last learned; empty while none is known. */
  Optional<NodeIdentity> leader();

  /**
   * Every member of the last election, itself included, as the election told it; empty when it
   * was not told (no election, or, on Kafka, an assignment from an older Stele run by another
   * member, which names only the winner).
   */
  default List<NodeIdentity> members() {
    return List.of();
  }

  /** Leaves the election (so another node is chosen promptly) and releases its resources. */
  @Override
  void close();
}
