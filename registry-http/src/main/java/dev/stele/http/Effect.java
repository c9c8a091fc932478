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
 * @param resendable a write whose forwarding may be sent again after it was cut with no answer
 *     (the leader stopped or crashed, it may have applied it): applying it twice leaves the same
 *     state and gives the same answer as applying it once. Each route that says so states why.
 */
record Effect(String operation, boolean resendable) {
  /** A read: never forwarded. */
  static final Effect READS = new Effect(null, false);

  /**
   * A write that a follower forwards to the leader; {@code operation} names it in errors. A
   * forwarding cut with no answer is answered 50003: the write may have landed, and sending it
   * again could apply it twice or answer an error for what succeeded (a second delete's 404).
   */
  static Effect writes(String operation) {
    return new Effect(Objects.requireNonNull(operation, "operation"), false);
  }

  /**
   * A write sent again to the (next) leader when its forwarding was cut with no answer, within
   * the leader wait: only for writes whose repetition is harmless and answered alike (see the
   * route's comment).
   */
  static Effect resendableWrites(String operation) {
    return new Effect(Objects.requireNonNull(operation, "operation"), true);
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
