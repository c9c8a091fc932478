package dev.stele.registry.write;

import dev.stele.registry.log.AppendListener;
import dev.stele.registry.log.LogException;
import dev.stele.registry.log.RecordLog;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.NotStoredException;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.state.RegistryState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of a node. Commands run one at a time on its thread against a private
 * <em>pending</em> state, which is the durable state plus the records appended but not yet
 * durable. So a command sees every earlier write (versions and ids follow each other) without
 * waiting for it to be durable, and the log can commit many commands' records at once. Readers
 * only ever see the durable state, which the log's deliveries build.
 *
 * <p>Assumption: nothing but this writer appends to the log while it runs (true for the embedded
 * store; a Kafka leader holds that by fencing). When an append fails, the pending state may hold
 * records that never became durable; the next command first waits for appends in flight to
 * settle and starts again from a copy of the durable state.
 */
public final class Writer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Writer.class);

  private final RecordLog log;
  private final RegistryState durable;
  private volatile AppendListener appendListener = AppendListener.NONE;
  private final Duration timeout;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "stele-writer");
    t.setDaemon(true);
    return t;
  });
  /** Expires commands that waited too long for the writer; cancelled ones leave its queue. */
  private final ScheduledThreadPoolExecutor expiries = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "stele-writer-expiry");
    t.setDaemon(true);
    return t;
  });
  private RegistryState pending;
  private CompletableFuture<Long> lastAppend = CompletableFuture.completedFuture(-1L);
  private volatile boolean stale;
  /** False on a node that does not lead: its commands fail at once (the HTTP layer forwards). */
  private volatile boolean active;

  public Writer(RecordLog log, RegistryState durable, Duration timeout, boolean active) {
    this.log = log;
    this.durable = durable;
    this.timeout = timeout;
    this.pending = durable.copy();
    this.active = active;
    expiries.setRemoveOnCancelPolicy(true);
  }

  /**
   * Starts taking commands, from a pending state copied from the durable state: call it once the
   * log has made this node its writer and delivered everything earlier writers committed.
   * Runs on the writer thread, after the commands already queued (which fail: not active yet).
   */
  public CompletableFuture<Void> activate() {
    return CompletableFuture.runAsync(() -> {
      pending = durable.copy();
      lastAppend = CompletableFuture.completedFuture(durable.lastOffset());
      stale = false;
      active = true;
    }, thread);
  }

  public void onAppend(AppendListener listener) {
    appendListener = java.util.Objects.requireNonNull(listener, "listener");
  }

  /** Stops taking commands at once; appends in flight settle as the log decides. */
  public void deactivate() {
    active = false;
  }

  public boolean active() {
    return active;
  }

  /** What a command decided: the records to append and the answer once they are durable. */
  public record Decision<T>(List<RegistryRecord> records, T result) {
    public static <T> Decision<T> answer(T result) {
      return new Decision<>(List.of(), result);
    }
  }

  /**
   * Runs a command on the writer thread; completes once its records are durable and applied.
   *
   * <p>The answer is definite. A command still waiting for the writer when the timeout passes is
   * dropped and answered as not applied (it will not run). A command that has started waits for
   * the log, which settles every append it took: stored, not stored, or (Kafka only, when the
   * broker stopped answering mid-commit) unknown, and says which.
   */
  public <T> CompletableFuture<T> submit(Function<RegistryState, Decision<T>> command) {
    CompletableFuture<T> result = new CompletableFuture<>();
    // Whoever claims the command first decides its fate: the writer (it runs) or the expiry.
    AtomicBoolean claimed = new AtomicBoolean();
    ScheduledFuture<?> expiry = expiries.schedule(() -> {
      if (claimed.compareAndSet(false, true)) {
        result.completeExceptionally(ErrorCode.OPERATION_TIMEOUT.exception("Write operation timed out"
            + " after " + timeout.toMillis() + " ms waiting for earlier writes; it was not applied"));
      }
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    thread.execute(() -> {
      if (claimed.compareAndSet(false, true)) {
        expiry.cancel(false);
        run(command, result);
      }
    });
    return result.exceptionally(this::rethrowMapped);
  }

  private <T> void run(Function<RegistryState, Decision<T>> command, CompletableFuture<T> result) {
    try {
      if (!active) {
        // Not (or no longer, or not yet) the leader: nothing may be decided on this node.
        throw ErrorCode.UNKNOWN_LEADER.exception();
      }
      if (stale) {
        resync();
      }
      Decision<T> decision;
      try {
        decision = command.apply(pending);
      } catch (OutOfMemoryError e) {
        // Deciding only reads the pending state, so it is untouched: this command fails (the
        // edge answers 503) and the writer goes on with the next one.
        result.completeExceptionally(e);
        return;
      }
      // An answer without records may rest on records still in flight: give it when they land.
      CompletableFuture<Long> durableAt = lastAppend;
      if (!decision.records().isEmpty()) {
        long now = System.currentTimeMillis();
        for (RegistryRecord record : decision.records()) {
          pending.apply(record, -1, now);
        }
        long started = System.nanoTime();
        durableAt = log.append(decision.records());
        lastAppend = durableAt;
        AppendListener listener = appendListener;
        if (listener != AppendListener.NONE) {
          durableAt.whenComplete((offset, failure) ->
              listener.appended(System.nanoTime() - started, failure == null));
        }
      }
      durableAt.whenComplete((offset, failure) -> {
        if (failure == null) {
          result.complete(decision.result());
        } else {
          stale = true;
          result.completeExceptionally(failure);
        }
      });
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  private void resync() {
    try {
      lastAppend.handle((offset, failure) -> null).join();
    } catch (CompletionException e) {
      // settled either way; nothing to do
    }
    LOG.warn("Rebuilding the pending state from the durable state after a failed write");
    pending = durable.copy();
    lastAppend = CompletableFuture.completedFuture(durable.lastOffset());
    stale = false;
  }

  private <T> T rethrowMapped(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof RegistryException e) {
      throw e;
    }
    if (cause instanceof OutOfMemoryError e) {
      throw e; // the edge answers it 503, as any request that ran out of heap
    }
    if (cause instanceof LogException e && e.outcomeUnknown()) {
      LOG.warn("A write's outcome is unknown: {}", e.getMessage());
      throw ErrorCode.OPERATION_TIMEOUT.exception(
          "Write operation may or may not have been applied: " + e.getMessage());
    }
    // Not stored, and this node's writer term is over (the log says so, or it stopped writing):
    // another node may decide the same write, so the edge holds it for the next leader.
    if (cause instanceof LogException e && (e.termEnded() || !log.writing())) {
      LOG.info("A write was not stored: this node's term as the writer ended ({})", e.getMessage());
      throw new NotStoredException("Error while writing to the store: " + e.getMessage());
    }
    if (cause instanceof LogException) {
      LOG.error("Write to the store failed", cause);
      throw ErrorCode.STORE_ERROR.exception("Error while writing to the store: " + cause.getMessage());
    }
    LOG.error("Write failed", cause);
    throw ErrorCode.INTERNAL.exception("Error while processing the write");
  }

  @Override
  public void close() {
    expiries.shutdownNow();
    thread.shutdown();
  }
}
