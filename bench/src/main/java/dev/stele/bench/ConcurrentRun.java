package dev.stele.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs tasks 0..n-1 from {@code clients} concurrent clients, each one request at a time (a closed loop, like
 * Confluent's performance tool and like producers registering at start-up). Bounded twice: by the
 * count, and by a deadline after which workers stop taking tasks, so a slow server ends the run
 * with a partial count rather than hanging it.
 */
final class ConcurrentRun {
  record Outcome(int ok, int failed, String firstFailure, double seconds, Latencies latencies) {
    double perSecond() {
      return ok / seconds;
    }

    String summary(String what) {
      String line = String.format(Locale.ROOT, "  %d ok, %d failed in %.2f s: %.0f %s/s%n  %s",
          ok, failed, seconds, perSecond(), what, latencies.summary());
      return failed == 0 ? line : line + "\n  first failure: " + firstFailure;
    }
  }

  private ConcurrentRun() {}

  /**
   * Each of the {@code clients} is a chain: when its answer arrives (on the HTTP client's event
   * loop) it records the latency and sends its next task from there. No thread per client, so
   * the load generator's own CPU stays small beside the server's on a machine they share.
   */
  static Outcome run(int n, int clients, Duration deadline,
      IntFunction<CompletableFuture<Http.Response>> task) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    List<Latencies> perClient = new ArrayList<>();
    CountDownLatch finished = new CountDownLatch(clients);
    long start = System.nanoTime();
    long stopAt = start + deadline.toNanos();
    for (int c = 0; c < clients; c++) {
      Latencies mine = new Latencies();
      perClient.add(mine);
      new Object() {
        void step() {
          int i = next.getAndIncrement();
          if (i >= n || System.nanoTime() >= stopAt) {
            finished.countDown();
            return;
          }
          long t0 = System.nanoTime();
          task.apply(i).thenAccept(response -> {
            mine.record(System.nanoTime() - t0);
            if (response.ok()) {
              ok.incrementAndGet();
              step();
            } else {
              failed.incrementAndGet();
              firstFailure.compareAndSet(null, "task " + i + ": HTTP " + response.status() + " " + response.body());
              // A failure may come back at once (connection refused): go on from another
              // thread rather than deeper down this stack.
              CompletableFuture.runAsync(this::step);
            }
          });
        }
      }.step();
    }
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Outcome(ok.get(), failed.get(), firstFailure.get(), seconds, Latencies.merge(perClient));
  }
}
