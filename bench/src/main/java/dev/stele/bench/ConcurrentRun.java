package dev.stele.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs tasks 0..n-1 on {@code clients} threads, each one request at a time (a closed loop, like
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

  static Outcome run(int n, int clients, Duration deadline, IntFunction<Http.Response> task) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    List<Latencies> perWorker = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    long stopAt = start + deadline.toNanos();
    for (int w = 0; w < clients; w++) {
      Latencies mine = new Latencies();
      perWorker.add(mine);
      workers.add(new Thread(() -> {
        for (int i = next.getAndIncrement(); i < n && System.nanoTime() < stopAt; i = next.getAndIncrement()) {
          long t0 = System.nanoTime();
          Http.Response response = task.apply(i);
          mine.record(System.nanoTime() - t0);
          if (response.ok()) {
            ok.incrementAndGet();
          } else {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, "task " + i + ": HTTP " + response.status() + " " + response.body());
          }
        }
      }, "client-" + w));
    }
    workers.forEach(Thread::start);
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Outcome(ok.get(), failed.get(), firstFailure.get(), seconds, Latencies.merge(perWorker));
  }
}
