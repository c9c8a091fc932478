package dev.stele.registry.state;

import dev.stele.registry.log.LogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's snapshot of its state on one log, for either store (decision 0016): loaded at start
 * when the store's {@link Check} finds it fits the log, so the store reads on after it; written
 * now and then from a copy of the state taken on the thread that applies records (so it is the
 * state at exactly the last record applied), on a thread of its own, and once more on a clean
 * shutdown. The store brings what only it knows: how to check a mark against its log, and the
 * mark of its last record.
 *
 * <p>Assumption: {@link #offer} and {@link #close} are called by the one thread that applies the
 * log's records to the state, or once it has stopped; {@link #restore} before it starts.
 */
public final class SnapshotKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotKeeper.class);

  /** A store's check of a snapshot's mark against its log as it is now. */
  @FunctionalInterface
  public interface Check {
    /**
     * Why {@code mark} does not fit the log; empty when it does.
     *
     * @throws RuntimeException when the log cannot answer now: the snapshot may be fine, so it is
     *     kept for the next start and the log replayed
     */
    Optional<String> mismatch(SnapshotMark mark);
  }

  private final SnapshotFile file;
  private final String logName;
  private final long intervalNanos;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "stele-snapshot-writer");
    thread.setDaemon(true);
    return thread;
  });
  private RegistryState state;
  /** The offset the newest snapshot on disk resumes at; -1: none. */
  private volatile long writtenNext = -1;
  private long lastStart = System.nanoTime();
  private volatile boolean soon;
  private Future<?> inFlight;

  /**
   * @param fileName the log's name as a file name ({@code <fileName>.snapshot} in the folder)
   * @param logName the log in words, for the log lines ("the schema topic '_schemas'")
   */
  public SnapshotKeeper(SnapshotSettings settings, String fileName, String logName) {
    this.file = new SnapshotFile(settings.file(fileName));
    this.logName = logName;
    this.intervalNanos = settings.interval().toNanos();
  }

  /** Refuses a folder this node cannot write to, at start rather than at the first snapshot. */
  public void checkFolder() {
    Path dir = file.path().getParent();
    try {
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, "write-check", ".tmp"));
    } catch (IOException | RuntimeException e) {
      throw new LogException("cannot write state snapshots to " + dir + " (" + SnapshotSettings.DIR
          + "): " + e + "; name a writable folder, or set " + SnapshotSettings.ENABLED
          + "=false to replay the whole log at every start");
    }
  }

  /**
   * Loads the snapshot into {@code empty} if there is one and {@code check} finds it fits the log;
   * one that does not is deleted, one that cannot be checked now is kept.
   *
   * @return the mark of the snapshot loaded (read the log from its {@code next}), or empty for a
   *     full replay from the log's start
   */
  public Optional<SnapshotMark> restore(RegistryState empty, Check check) {
    this.state = empty;
    if (!file.exists()) {
      LOG.info("No state snapshot at {}: replaying {} from its start", file.path(), logName);
      return Optional.empty();
    }
    long started = System.nanoTime();
    Optional<String> refused;
    SnapshotMark mark = null;
    try (SnapshotReader reader = file.open()) {
      mark = reader.mark();
      refused = check.mismatch(mark);
      if (refused.isEmpty()) {
        reader.restoreInto(empty);
      }
    } catch (IOException e) {
      empty.clear();
      refused = Optional.of(e.getMessage());
    } catch (RuntimeException e) {
      empty.clear();
      LOG.warn("Cannot check the state snapshot {} against {}: {}; replaying it from its start",
          file.path(), logName, e.getMessage());
      soon = true;
      return Optional.empty();
    }
    if (refused.isPresent()) {
      LOG.warn("Not using the state snapshot {}: {}; it is deleted and {} is replayed from its"
          + " start", file.path(), refused.get(), logName);
      try {
        file.delete();
      } catch (IOException e) {
        LOG.warn("Cannot delete {}: {}", file.path(), e.toString());
      }
      soon = true;
      return Optional.empty();
    }
    writtenNext = mark.next();
    LOG.info("Loaded the state snapshot {} ({} subjects, {} schemas) in {} ms; reading {} from"
        + " offset {}", file.path(), empty.subjectCount(), empty.schemaCount(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logName, mark.next());
    return Optional.of(mark);
  }

  /** Asks for a snapshot at the next offer (after a full replay, so the next start is quick). */
  public void writeSoon() {
    soon = true;
  }

  /**
   * After records were applied, with the offset of the last one (-1: none since the start) and
   * its mark: starts a snapshot when one is due, there is something new, and none is being
   * written. The mark is made only then.
   */
  public void offer(long lastOffset, Supplier<SnapshotMark> mark) {
    if (lastOffset < 0 || lastOffset + 1 <= writtenNext || state == null) {
      return;
    }
    if (!soon && System.nanoTime() - lastStart < intervalNanos) {
      return;
    }
    if (inFlight != null && !inFlight.isDone()) {
      return;
    }
    soon = false;
    lastStart = System.nanoTime();
    RegistryState copy = state.copy(); // on the applying thread: exactly the state up to last
    SnapshotMark at = mark.get();
    inFlight = writer.submit(() -> write(copy, at));
  }

  /** Waits for a snapshot being written, writes a last one when something is newer, and stops. */
  public void close(long lastOffset, Supplier<SnapshotMark> mark) {
    try {
      if (inFlight != null) {
        inFlight.get();
      }
      if (state != null && lastOffset >= 0 && lastOffset + 1 > writtenNext) {
        write(state.copy(), mark.get());
      }
    } catch (Exception e) {
      LOG.warn("No state snapshot on closing: {}", e.toString());
    } finally {
      writer.shutdown();
    }
  }

  private void write(RegistryState copy, SnapshotMark mark) {
    long started = System.nanoTime();
    try {
      file.write(copy, mark);
      writtenNext = mark.next();
      LOG.info("Wrote the state snapshot {} up to offset {} ({} schemas, {} MB) in {} ms",
          file.path(), mark.next(), copy.schemaCount(), Files.size(file.path()) >> 20,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot write the state snapshot {}: {}; the next start replays more of {}",
          file.path(), e.toString(), logName);
    }
  }

  /** The snapshot's file, for tests and the start-up line. */
  public Path path() {
    return file.path();
  }

  /** The offset the newest snapshot written or loaded resumes at; -1: none. */
  public long writtenNext() {
    return writtenNext;
  }
}
