package dev.stele.http;

import java.util.Objects;

/**
 * What a route does to the registry, declared with the route: a read is answered by whichever
 * node receives it, from its own state; a write is decided by the leader, so a follower forwards
 * it (../shared/API.md §2.2 step 3). POST alone is ambiguous (registering writes, a lookup or a
 * compatibility test reads), which is why every route says which it is rather than the method
 * deciding.
 *
 * @param operation for a write, Confluent's name of the operation as its forwarding errors spell
 *     it ("Error while forwarding register schema request to the leader"); null for a read
 */
record Effect(String operation) {
  /** A read: never forwarded. */
  static final Effect READS = new Effect(null);

  /** A write that a follower forwards to the leader; {@code operation} names it in errors. */
  static Effect writes(String operation) {
    return new Effect(Objects.requireNonNull(operation, "operation"));
  }

  boolean isWrite() {
    return operation != null;
  }

  @Override
  public String toString() {
    return isWrite() ? "a write (" + operation + ")" : "a read";
  }

  /** The 50003 message of a write the leader could not be reached for. */
  String forwardingFailed() {
    return "Error while forwarding " + operation + " request to the leader";
  }
}
