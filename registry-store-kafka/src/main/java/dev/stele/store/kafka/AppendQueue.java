package dev.stele.store.kafka;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The appends waiting for the writer thread. Group commit comes from {@link #takeAll}: while one
 * transaction is being committed, every append that arrives piles up here and goes into the next
 * transaction together. Assumes a single taker (the writer thread).
 *
 * <p>The queue can refuse appends, with the reason to give their callers: while the outcome of
 * an earlier write is unknown, while a confirmed write has not been read back (each such write
 * holds the queue until it is), and for good once this node has been fenced or closed.
 */
final class AppendQueue {
  private final ArrayDeque<PendingAppend> pending = new ArrayDeque<>();
  private String refusal; // why appends are refused now; null: accepted
  private String refuseOnce; // refuse the next append only, with this reason
  private int holds; // confirmed writes not read back in time and still not read back
  private String holdReason;
  private boolean closed;

  /** @return null when the append was queued, else why it was refused (nothing was stored) */
  synchronized String offer(PendingAppend append) {
    if (refusal != null) {
      return refusal;
    }
    if (holds > 0) {
      return holdReason;
    }
    if (refuseOnce != null) {
      String reason = refuseOnce;
      refuseOnce = null;
      return reason;
    }
    pending.add(append);
    notifyAll();
    return null;
  }

  /** Blocks until something is pending and returns all of it; null once closed. */
  synchronized List<PendingAppend> takeAll() {
    while (pending.isEmpty() && !closed) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    if (closed) {
      return null;
    }
    List<PendingAppend> batch = new ArrayList<>(pending);
    pending.clear();
    return batch;
  }

  /** Refuses appends from now on (until {@link #accept}); hands back those queued, to fail. */
  synchronized List<PendingAppend> refuse(String reason) {
    if (!closed) {
      refusal = reason;
    }
    return drain();
  }

  /**
   * Accepts appends again.
   *
   * @param firstRefusal when not null, the first append offered is still refused, with this reason
   */
  synchronized void accept(String firstRefusal) {
    if (!closed) {
      refusal = null;
      refuseOnce = firstRefusal;
    }
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
    if (holds > 0 && --holds == 0 && !closed && refusal == null) {
      refuseOnce = firstRefusal;
    }
  }

  /** Refuses further appends for good and hands back those never taken, for the caller to fail. */
  synchronized List<PendingAppend> close(String reason) {
    closed = true;
    refusal = reason;
    notifyAll();
    return drain();
  }

  private List<PendingAppend> drain() {
    List<PendingAppend> left = new ArrayList<>(pending);
    pending.clear();
    return left;
  }
}
