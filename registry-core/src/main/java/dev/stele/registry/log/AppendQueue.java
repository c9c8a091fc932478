package dev.stele.registry.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The appends waiting for a store's one writer thread. Group commit comes from {@link #takeAll}:
 * while one batch is being made durable, every append that arrives piles up here and goes into
 * the next batch together.
 *
 * <p>Assumption: a single taker (the {@link BatchWriter} thread) and any number of offering
 * threads, all under this queue's monitor. The {@link Admission} is asked under that monitor
 * too, so a store that makes its admission refuse and then {@link #drain}s leaves no append
 * behind: one offered before the change is drained, one offered after it is refused.
 */
public final class AppendQueue {

  /** Whether an append may be queued now; asked under the queue's monitor. */
  @FunctionalInterface
  public interface Admission {
    /** @return null to queue the append, else why it is refused (nothing is stored) */
    String admit();
  }

  private final ArrayDeque<PendingAppend> pending = new ArrayDeque<>();
  private final Admission admission;
  private String closed; // why appends are refused for good; null while open

  /** A queue that takes every append until closed. */
  public AppendQueue() {
    this(() -> null);
  }

  /** A queue that also asks {@code admission} before taking an append. */
  public AppendQueue(Admission admission) {
    this.admission = admission;
  }

  /** A queue that refuses every append with {@code reason}: a store not open, not the writer. */
  public static AppendQueue refusing(String reason) {
    AppendQueue queue = new AppendQueue();
    queue.close(reason);
    return queue;
  }

  /**
   * The front half of every store's {@code append}: checks, encodes on the caller's thread and
   * queues. The future fails at once with {@link IllegalArgumentException} for no records, or
   * with a {@link LogException} when the records cannot be encoded or the queue refuses them.
   */
  public CompletableFuture<Long> append(List<RegistryRecord> records) {
    if (records.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("no records to append"));
    }
    String refusal = closedReason(); // a closed queue need not cost an encoding
    if (refusal != null) {
      return CompletableFuture.failedFuture(new LogException(refusal));
    }
    PendingAppend append;
    try {
      append = PendingAppend.encode(records);
    } catch (LogException e) {
      return CompletableFuture.failedFuture(e);
    }
    refusal = offer(append);
    return refusal == null ? append.future()
        : CompletableFuture.failedFuture(new LogException(refusal));
  }

  /** @return null when the append was queued, else why it was refused (nothing was stored) */
  public synchronized String offer(PendingAppend append) {
    if (closed != null) {
      return closed;
    }
    String refusal = admission.admit();
    if (refusal != null) {
      return refusal;
    }
    pending.add(append);
    notifyAll();
    return null;
  }

  /** Blocks until something is pending and returns all of it; null once closed or interrupted. */
  public List<PendingAppend> takeAll() {
    return take(Gather.NONE);
  }

  /**
   * Blocks until something is pending; then, as {@code gather} says, waits until the queue holds
   * what was queued at the call plus {@code gather.more()} appends, or {@code gather.atMost()} has
   * passed since the first was there, and returns all of it; null once closed or interrupted.
   * The wait is timed from when the queue is both non-empty and asked, so appends that queued
   * earlier (during the previous commit) never cut short the wait for the ones coming back.
   */
  public synchronized List<PendingAppend> take(Gather gather) {
    int wanted = pending.size() + gather.more();
    try {
      while (pending.isEmpty() && closed == null) {
        wait();
      }
      long deadline = System.nanoTime() + gather.atMost().toNanos();
      long left;
      while (closed == null && pending.size() < wanted
          && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    return closed != null ? null : drain();
  }

  /** Hands back every append queued and not yet taken, for the caller to fail. */
  public synchronized List<PendingAppend> drain() {
    List<PendingAppend> left = new ArrayList<>(pending);
    pending.clear();
    return left;
  }

  /**
   * Refuses appends for good with {@code reason} (the first reason given stays) and hands back
   * those never taken, for the caller to fail; the taker's next {@link #takeAll} returns null.
   */
  public synchronized List<PendingAppend> close(String reason) {
    if (closed == null) {
      closed = reason;
    }
    notifyAll();
    return drain();
  }

  private synchronized String closedReason() {
    return closed;
  }
}
