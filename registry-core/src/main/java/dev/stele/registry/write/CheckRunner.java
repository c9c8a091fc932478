package dev.stele.registry.write;

import dev.stele.registry.model.ErrorCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs registrations' compatibility checks off the writer thread, each under a time budget.
 * A check over budget is answered at once (42201, naming the setting) and its thread is
 * interrupted; the registration does not go on to the writer, which would only run the same
 * check again. The budget counts from when the check starts, not while it waits for a thread,
 * so a burst of checks does not fail innocent ones.
 *
 * <p>Assumption: the format libraries do not stop when interrupted (Avro's checker never looks),
 * so an abandoned check keeps its thread until it ends; the shape limits that {@code SchemaParser}
 * applies before parsing are what bound that time. At least two threads, so one slow check never
 * leaves the others waiting.
 */
public final class CheckRunner implements AutoCloseable {
  public static final String SETTING = "stele.compatibility.check.timeout.ms";

  private final Duration budget;
  private final ExecutorService threads;
  private final ScheduledThreadPoolExecutor expiries = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "stele-check-expiry");
    t.setDaemon(true);
    return t;
  });

  public CheckRunner(int threads, Duration budget) {
    this.budget = budget;
    this.threads = Executors.newFixedThreadPool(Math.max(2, threads), r -> {
      Thread t = new Thread(r, "stele-check");
      t.setDaemon(true);
      return t;
    });
    expiries.setRemoveOnCancelPolicy(true);
  }

  /** Completes when {@code check} has run, or exceptionally once it is over budget. */
  public CompletableFuture<Void> run(Runnable check) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      threads.execute(() -> {
        Thread self = Thread.currentThread();
        // Guards the interrupt so that it reaches this check and never the thread's next one.
        AtomicBoolean finished = new AtomicBoolean();
        ScheduledFuture<?> expiry = expiries.schedule(() -> {
          if (done.completeExceptionally(ErrorCode.INVALID_SCHEMA.exception("The compatibility check took"
              + " longer than " + budget.toMillis() + " ms; the setting " + SETTING + " raises it"))) {
            synchronized (finished) {
              if (!finished.get()) {
                self.interrupt();
              }
            }
          }
        }, budget.toMillis(), TimeUnit.MILLISECONDS);
        try {
          check.run();
          done.complete(null);
        } catch (Throwable e) {
          done.completeExceptionally(e);
        } finally {
          expiry.cancel(false);
          synchronized (finished) {
            finished.set(true);
          }
          Thread.interrupted(); // an interrupt that reached this check ends with it
        }
      });
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(ErrorCode.INTERNAL.exception("The registry is shutting down"));
    }
    return done;
  }

  @Override
  public void close() {
    expiries.shutdownNow();
    threads.shutdownNow();
  }
}
