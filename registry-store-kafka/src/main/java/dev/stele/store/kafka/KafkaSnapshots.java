package dev.stele.store.kafka;

import dev.stele.registry.log.LogException;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SnapshotFile;
import dev.stele.registry.state.SnapshotMark;
import dev.stele.registry.state.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's snapshot of its state on the schema topic (decision 0016): loaded at start when
 * {@link SnapshotCheck} finds it fits the topic, so the reader resumes after it; written now and
 * then from a copy of the state taken on the reader's thread (so it is the state at exactly the
 * last record read), on a thread of its own, and once more on a clean shutdown.
 *
 * <p>Assumption: {@link #afterPoll} and {@link #close} are called by the reader's thread, or once
 * it has stopped; {@link #restore} before it starts.
 */
final class KafkaSnapshots {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSnapshots.class);

  private final KafkaStoreConfig config;
  private final SnapshotFile file;
  private final long intervalNanos;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "stele-snapshot-writer");
    thread.setDaemon(true);
    return thread;
  });
  private RegistryState state;
  private String topicId = "";
  /** The offset the newest snapshot on disk resumes at; -1: none. */
  private volatile long writtenNext = -1;
  private long lastStart = System.nanoTime();
  private volatile boolean soon;
  private Future<?> inFlight;

  KafkaSnapshots(KafkaStoreConfig config) {
    this.config = config;
    this.file = new SnapshotFile(config.snapshots().file(config.topic()));
    this.intervalNanos = config.snapshots().interval().toNanos();
  }

  /** Refuses a folder this node cannot write to, at start rather than at the first snapshot. */
  void checkFolder() {
    Path dir = file.path().getParent();
    try {
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, "write-check", ".tmp"));
    } catch (IOException | RuntimeException e) {
      throw new LogException("cannot write state snapshots to " + dir + " ("
          + KafkaStoreConfig.SNAPSHOT_DIR + "): " + e + "; name a writable folder, or set "
          + KafkaStoreConfig.SNAPSHOT_ENABLED + "=false to replay the whole topic at every start");
    }
  }

  /**
   * Loads the snapshot into {@code empty} if there is one and it fits the topic.
   *
   * @return the offset to read the topic from: the snapshot's, or 0 for a full replay
   */
  long restore(RegistryState empty, Admin admin) {
    this.state = empty;
    this.topicId = SnapshotCheck.topicId(admin, config.topic(), config.initTimeout());
    if (!file.exists()) {
      LOG.info("No state snapshot at {}: replaying the schema topic '{}' from its start",
          file.path(), config.topic());
      return 0;
    }
    long started = System.nanoTime();
    Optional<String> refused;
    SnapshotMark mark = null;
    try (SnapshotReader reader = file.open()) {
      mark = reader.mark();
      refused = new SnapshotCheck(config, config.initTimeout()).mismatch(mark, admin, topicId);
      if (refused.isEmpty()) {
        reader.restoreInto(empty);
      }
    } catch (IOException e) {
      empty.clear();
      refused = Optional.of(e.getMessage());
    } catch (RuntimeException e) {
      // Kafka did not answer the check: the snapshot may be fine, so it stays for the next start.
      empty.clear();
      LOG.warn("Cannot check the state snapshot {} against the schema topic '{}': {}; replaying"
          + " the topic from its start", file.path(), config.topic(), e.getMessage());
      soon = true;
      return 0;
    }
    if (refused.isPresent()) {
      LOG.warn("Not using the state snapshot {}: {}; it is deleted and the schema topic '{}' is"
          + " replayed from its start", file.path(), refused.get(), config.topic());
      try {
        file.delete();
      } catch (IOException e) {
        LOG.warn("Cannot delete {}: {}", file.path(), e.toString());
      }
      soon = true;
      return 0;
    }
    writtenNext = mark.next();
    LOG.info("Loaded the state snapshot {} ({} subjects, {} schemas) in {} ms; reading the schema"
        + " topic '{}' from offset {}", file.path(), empty.subjectCount(), empty.schemaCount(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), config.topic(), mark.next());
    return mark.next();
  }

  /** Asks for a snapshot at the next poll (after a full replay, so the next start is quick). */
  void writeSoon() {
    soon = true;
  }

  /**
   * After each poll of the reader, with the last record it read (null: none since the start):
   * starts a snapshot when one is due, there is something new, and none is being written.
   */
  void afterPoll(ConsumerRecord<byte[], byte[]> last) {
    if (last == null || last.offset() + 1 <= writtenNext || state == null) {
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
    RegistryState copy = state.copy(); // on the reader's thread: exactly the state up to last
    SnapshotMark mark = SnapshotCheck.mark(config.topic(), topicId, last);
    inFlight = writer.submit(() -> write(copy, mark));
  }

  /** Waits for a snapshot being written, writes a last one when something is newer, and stops. */
  void close(ConsumerRecord<byte[], byte[]> last) {
    try {
      if (inFlight != null) {
        inFlight.get();
      }
      if (state != null && last != null && last.offset() + 1 > writtenNext) {
        write(state.copy(), SnapshotCheck.mark(config.topic(), topicId, last));
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
      LOG.warn("Cannot write the state snapshot {}: {}; the next start replays more of the topic",
          file.path(), e.toString());
    }
  }

  /** The snapshot's file, for tests and the start-up line. */
  Path path() {
    return file.path();
  }

  /** The offset the newest snapshot written or loaded resumes at; -1: none. */
  long writtenNext() {
    return writtenNext;
  }
}
