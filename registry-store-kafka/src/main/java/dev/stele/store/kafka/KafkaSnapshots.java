package dev.stele.store.kafka;

import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SnapshotKeeper;
import dev.stele.registry.state.SnapshotMark;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A node's snapshot of its state on the schema topic and the key topic (decision 0016): the
 * core's {@link SnapshotKeeper} with what only the Kafka store knows, the topics' ids, the
 * {@link SnapshotCheck} of a snapshot against both topics, and the mark of the last record read
 * of each.
 *
 * <p>Assumption: {@link #afterPoll} and {@link #close} are called by the reader's thread, or once
 * it has stopped; {@link #restore} before it starts. A snapshot is due when the schema topic has
 * moved on since the last one (the keeper counts its offsets); key records read meanwhile are
 * in it too, and a node that only ever reads key records waits for the next schema record (a
 * leader writes one, its NOOP, when it takes over).
 */
final class KafkaSnapshots {
  private final KafkaStoreConfig config;
  private final SnapshotKeeper keeper;
  private String topicId = "";
  /** Where the state stood on the key topic at the start: what a mark says until a key record is read. */
  private SnapshotCheck.TopicMark keysAtStart;

  KafkaSnapshots(KafkaStoreConfig config) {
    this.config = config;
    this.keeper = new SnapshotKeeper(config.snapshots(), config.topic(),
        "the schema topic '" + config.topic() + "'");
  }

  /** Refuses a folder this node cannot write to, at start rather than at the first snapshot. */
  void checkFolder() {
    keeper.checkFolder();
  }

  /** Where the reader starts on each topic: every record below is in the state already. */
  record Resume(long schemas, long keys) {
    static final Resume START = new Resume(0, 0);
  }

  /**
   * Loads the snapshot into {@code empty} if there is one and it fits the schema topic and the
   * key topic.
   *
   * @return the offsets to read the topics from: the snapshot's, or 0 for a full replay
   */
  Resume restore(RegistryState empty, Admin admin) {
    this.topicId = SnapshotCheck.topicId(admin, config.topic(), config.initTimeout());
    String keysTopicId = SnapshotCheck.topicId(admin, config.keysTopic(), config.initTimeout());
    this.keysAtStart = SnapshotCheck.TopicMark.none(config.keysTopic(), keysTopicId);
    SnapshotCheck check = new SnapshotCheck(config, config.initTimeout());
    Optional<SnapshotMark> loaded = keeper.restore(empty,
        mark -> check.mismatch(mark, admin, topicId, keysTopicId));
    if (loaded.isEmpty() || loaded.get().next() == 0) {
      return Resume.START;
    }
    keysAtStart = SnapshotCheck.TopicMark.keysOf(loaded.get());
    return new Resume(loaded.get().next(), keysAtStart.next());
  }

  /** Asks for a snapshot at the next poll (after a full replay, so the next start is quick). */
  void writeSoon() {
    keeper.writeSoon();
  }

  /**
   * After each poll of the reader, with the last record it read of each topic (null: none since
   * the start): starts a snapshot when one is due, there is something new, and none is being
   * written.
   */
  void afterPoll(ConsumerRecord<byte[], byte[]> last, ConsumerRecord<byte[], byte[]> keysLast) {
    if (last != null) {
      keeper.offer(last.offset(), () -> mark(last, keysLast));
    }
  }

  /** Waits for a snapshot being written, writes a last one when something is newer, and stops. */
  void close(ConsumerRecord<byte[], byte[]> last, ConsumerRecord<byte[], byte[]> keysLast) {
    keeper.close(last == null ? -1 : last.offset(), () -> mark(last, keysLast));
  }

  /** The mark after {@code last}; on the key topic after {@code keysLast}, else where the start left it. */
  private SnapshotMark mark(ConsumerRecord<byte[], byte[]> last, ConsumerRecord<byte[], byte[]> keysLast) {
    SnapshotCheck.TopicMark keys = keysLast == null ? keysAtStart
        : SnapshotCheck.TopicMark.after(keysAtStart.topicId(), keysLast);
    return SnapshotCheck.mark(config.topic(), topicId, last, keys);
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
