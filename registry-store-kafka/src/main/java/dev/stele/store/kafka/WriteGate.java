package dev.stele.store.kafka;

import dev.stele.registry.log.AppendQueue;

/**
 * When the Kafka writer refuses appends, with the reason to give their callers: while the outcome
 * of an earlier write is unknown ({@link #refuse} until {@link #accept}), while a confirmed write
 * has not been read back (each such write {@link #hold}s the gate until it is), and once this
 * node has been fenced. After an outcome is settled or a held write read back, the first append
 * offered is refused too: it may have been decided on a state that lacked that write.
 *
 * <p>Assumption: the gate is its {@link AppendQueue}'s admission, asked under the queue's
 * monitor, and it never calls the queue back (lock order: queue, then gate). The writer thread
 * refuses, then drains the queue, so an append offered around a refusal is either drained or
 * refused. Holds are released from whichever thread completes a read-back wait.
 */
final class WriteGate implements AppendQueue.Admission {
  private String refusal; // why appends are refused now; null: accepted
  private String refuseOnce; // refuse the next append only, with this reason
  private int holds; // confirmed writes not read back in time and still not read back
  private String holdReason;

  @Override
  public synchronized String admit() {
    if (refusal != null) {
      return refusal;
    }
    if (holds > 0) {
      return holdReason;
    }
    String once = refuseOnce;
    refuseOnce = null;
    return once;
  }

  /** Refuses appends from now on, until {@link #accept}. */
  synchronized void refuse(String reason) {
    refusal = reason;
  }

  /**
   * Accepts appends again.
   *
   * @param firstRefusal when not null, the first append offered is still refused, with this reason
   */
  synchronized void accept(String firstRefusal) {
    refusal = null;
    refuseOnce = firstRefusal;
  }

  /**
   * Refuses appends until as many {@link #release}s: a write that is stored but not read back
   * means the core may decide on a state that lacks it. Appends already queued were decided on
   * the core's pending state, which has it, and stay queued.
   */
  synchronized void hold(String reason) {
    holds++;
    holdReason = reason;
  }

  /** Ends one {@link #hold}; after the last one the first append offered is still refused. */
  synchronized void release(String firstRefusal) {
    if (holds > 0 && --holds == 0 && refusal == null) {
      refuseOnce = firstRefusal;
    }
  }
}
