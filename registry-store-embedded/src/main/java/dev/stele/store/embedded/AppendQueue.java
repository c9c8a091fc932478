package dev.stele.store.embedded;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The appends waiting for the committer. Group commit comes from {@link #takeAll}: while one
 * transaction is being made durable, every append that arrives piles up here and goes into the
 * next transaction together. Assumes a single taker (the committer thread).
 */
final class AppendQueue {
  private final ArrayDeque<PendingAppend> pending = new ArrayDeque<>();
  private boolean closed;

  /** @return false when the queue is closed and the append was not taken */
  synchronized boolean offer(PendingAppend append) {
    if (closed) {
      return false;
    }
    pending.add(append);
    notifyAll();
    return true;
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

  /** Refuses further appends and hands back those never taken, for the caller to fail. */
  synchronized List<PendingAppend> close() {
    closed = true;
    List<PendingAppend> left = new ArrayList<>(pending);
    pending.clear();
    notifyAll();
    return left;
  }
}
