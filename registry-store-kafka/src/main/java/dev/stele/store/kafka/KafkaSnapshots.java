package dev.stele.store.kafka;

import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SnapshotKeeper;
import java.nio.file.Path;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A node's snapshot of its state on the schema topic (decision 0016): the core's
 * {@link SnapshotKeeper} with what only the Kafka store knows, the topic's id and the
 * {@link SnapshotCheck} of a snapshot against the topic, and the mark of the last record read.
 *
 * <p>Assumption: {@link #afterPoll} and {@link #close} are called by the reader's thread, or once
 * it has stopped; {@link #restore} before it starts.
 */
final class KafkaSnapshots {
  private final KafkaStoreConfig config;
  private final SnapshotKeeper keeper;
  private String topicId = "";

  KafkaSnapshots(KafkaStoreConfig config) {
    this.config = config;
    this.keeper = new SnapshotKeeper(config.snapshots(), config.topic(),
        "the schema topic '" + config.topic() + "'");
  }

  /** Refuses a folder this node cannot write to, at start rather than at the first snapshot. */
  void checkFolder() {
    keeper.checkFolder();
  }

  /**
   * Loads the snapshot into {@code empty} if there is one and it fits the topic.
   *
   * @return the offset to read the topic from: the snapshot's, or 0 for a full replay
   */
  long restore(RegistryState empty, Admin admin) {
    this.topicId = SnapshotCheck.topicId(admin, config.topic(), config.initTimeout());
    SnapshotCheck check = new SnapshotCheck(config, config.initTimeout());
    return keeper.restore(empty, mark -> check.mismatch(mark, admin, topicId));
  }

  /** Asks for a snapshot at the next poll (after a full replay, so the next start is quick). */
  void writeSoon() {
    keeper.writeSoon();
  }

  /**
   * After each poll of the reader, with the last record it read (null: none since the start):
   * starts a snapshot when one is due, there is something new, and none is being written.
   */
  void afterPoll(ConsumerRecord<byte[], byte[]> last) {
    if (last != null) {
      keeper.offer(last.offset(), () -> SnapshotCheck.mark(config.topic(), topicId, last));
    }
  }

  /** Waits for a snapshot being written, writes a last one when something is newer, and stops. */
  void close(ConsumerRecord<byte[], byte[]> last) {
    keeper.close(last == null ? -1 : last.offset(),
        () -> SnapshotCheck.mark(config.topic(), topicId, last));
  }

  /** The snapshot's file, for tests and the start-up line. */
  Path path() {
    return keeper.path();
  }

  /** The offset the newest snapshot written or loaded resumes at; -1: none. */
  long writtenNext() {
    return keeper.writtenNext();
  }
}
