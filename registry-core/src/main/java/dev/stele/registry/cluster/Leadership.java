package dev.stele.registry.cluster;

import java.util.Optional;

/** What the REST layer needs to know about a node's place in its cluster. */
public interface Leadership {
  /** Whether writes are decided here (on the embedded store: always). */
  boolean leads();

  /** The node writes go to, this one included; empty while no leader is known. */
  Optional<NodeIdentity> leader();

  /**
   * Ready to serve: the log has been replayed up to its end as of the start, an election result
   * is known, and a leader's writer is running.
   */
  boolean ready();

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
