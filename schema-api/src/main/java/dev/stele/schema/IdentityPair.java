package dev.stele.schema;

/**
 * Two objects compared by identity, the key of a checker's memory of the pairs of schema nodes
 * it has compared: two equal nodes at different places in a schema are different pairs (their
 * answers carry different locations), and identity is also far cheaper to hash than structure.
 */
public record IdentityPair<A, B>(A first, B second) {
  @Override
  public boolean equals(Object other) {
    return other instanceof IdentityPair<?, ?> that && that.first == first && that.second == second;
  }

  @Override
  public int hashCode() {
    return 31 * System.identityHashCode(first) + System.identityHashCode(second);
  }
}
