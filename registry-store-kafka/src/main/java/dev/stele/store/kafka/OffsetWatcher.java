package dev.stele.store.kafka;

import dev.stele.registry.log.LogException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Lets a writer wait until this node's reader has delivered its record. The reader reports its
 * position (every record below it has been delivered to the sink); a waiter for offset {@code o}
 * is released once the position passes {@code o}.
 *
 * <p>Assumption: only the reader thread advances, and positions never go back (the reader reads
 * one partition from the start and never seeks). Futures are completed outside the lock, so a
 * waiter's continuation cannot block the reader's bookkeeping.
 */
final class OffsetWatcher {
  private final TreeMap<Long, List<CompletableFuture<Void>>> waiting = new TreeMap<>();
  private long position; // guarded by this
  private LogException failure; // guarded by this: set once closed

  /** Completes once every record up to and including {@code offset} has been delivered. */
  CompletableFuture<Void> whenDelivered(long offset) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    synchronized (this) {
      if (failure == null && offset >= position) {
        waiting.computeIfAbsent(offset, o -> new ArrayList<>()).add(future);
        return future;
      }
    }
    if (offset < position()) {
      future.complete(null);
    } else {
      future.completeExceptionally(failure());
    }
    return future;
  }

  /** The reader has delivered every record below {@code newPosition}. */
  void advanceTo(long newPosition) {
    List<CompletableFuture<Void>> released = new ArrayList<>();
    synchronized (this) {
      if (newPosition <= position) {
        return;
      }
      position = newPosition;
      Map<Long, List<CompletableFuture<Void>>> passed = waiting.headMap(newPosition);
      passed.values().forEach(released::addAll);
      passed.clear();
    }
    released.forEach(f -> f.complete(null));
  }

  synchronized long position() {
    return position;
  }

  /** Fails every waiter, now and later: the reader stopped. */
  void close(LogException reason) {
    List<CompletableFuture<Void>> failed = new ArrayList<>();
    synchronized (this) {
      failure = reason;
      waiting.values().forEach(failed::addAll);
      waiting.clear();
    }
    failed.forEach(f -> f.completeExceptionally(reason));
  }

  private synchronized LogException failure() {
    return failure;
  }
}
