package dev.stele.http;

import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import java.util.Optional;

/** A ready follower's view of its cluster: {@code leaderId} leads, this node does not. */
record Following(NodeIdentity leaderId) implements Leadership {
  @Override
  public boolean leads() {
    return false;
  }

  @Override
  public Optional<NodeIdentity> leader() {
    return Optional.of(leaderId);
  }

  @Override
  public boolean ready() {
    return true;
  }
}
