package dev.stele.registry.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the REST layer needs to know about a node's place in its cluster. */
public interface Leadership {
  /** Whether writes are decided here (on the embedded store: always). */
  boolean leads();

  /** The node writes go to, this one included; empty while no leader is known. */
  Optional<NodeIdentity> leader();

  /** Where this node serves its peers; empty where it has none (the embedded store). */
  default Optional<NodeIdentity> self() {
    return Optional.empty();
  }

  /**
   * Every member of the cluster as of the last election; empty when this node was not told
   * them. See {@link LeaderElector#members}.
   */
  default List<NodeIdentity> members() {
    return List.of();
  }

  /**
   * Ready to serve: the log has been replayed up to its end as of the start, an election result
   * is known, and a leader's writer is running.
   */
  boolean ready();

  /**
   * How long a write may wait for a leader (none known, or this node elected and still taking
   * the log over) before it is answered 50004; zero where there is always one.
   */
  default Duration leaderWait() {
    return Duration.ZERO;
  }

  /**
   * A write is about to be decided on this node; {@link #writeDone} follows once it is answered.
   * Call it before asking {@link #leads}: a hand-over waits for the writes counted here, so none
   * is cut off when leadership moves.
   */
  default void writeStarted() {}

  default void writeDone() {}

  /** The embedded store's node: it always leads and is ready once opened. */
  Leadership ALONE = new Leadership() {
    @Override
    public boolean leads() {
      return true;
    }

    @Override
    public Optional<NodeIdentity> leader() {
      return Optional.empty();
    }

    @Override
    public boolean ready() {
      return true;
    }
  };
}
