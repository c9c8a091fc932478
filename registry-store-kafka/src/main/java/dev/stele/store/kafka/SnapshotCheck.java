package dev.stele.store.kafka;

import dev.stele.registry.state.SnapshotMark;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a snapshot must agree on with the schema topic before a node trusts it (decision 0016):
 * the same topic (its name and id: a topic deleted and created again has another id), a log that
 * still holds the snapshot's last record (the log start offset has not passed it, the end is not
 * before it) and that record unchanged (same key and value digests, same leader epoch). The mark
 * records these facts when a snapshot is written; {@link #mismatch} compares them with the topic.
 */
final class SnapshotCheck {
  static final String TOPIC_ID = "kafka.topicId";
  static final String PARTITION = "kafka.partition";
  static final String KEY_SHA256 = "kafka.keySha256";
  static final String VALUE_SHA256 = "kafka.valueSha256";
  static final String LEADER_EPOCH = "kafka.leaderEpoch";

  private final KafkaStoreConfig config;
  private final Duration timeout;

  SnapshotCheck(KafkaStoreConfig config, Duration timeout) {
    this.config = config;
    this.timeout = timeout;
  }

  /** The mark of a state that holds every record up to and including {@code last}. */
  static SnapshotMark mark(String topic, String topicId, ConsumerRecord<byte[], byte[]> last) {
    Map<String, String> checks = new HashMap<>(facts(last));
    checks.put(TOPIC_ID, topicId);
    return new SnapshotMark(topic, last.offset() + 1, checks);
  }

  /** Why {@code mark} does not fit the topic as it is now; empty when it does. */
  Optional<String> mismatch(SnapshotMark mark, Admin admin, String topicId) {
    if (!mark.log().equals(config.topic())) {
      return Optional.of("it was taken of topic '" + mark.log() + "', not '" + config.topic() + "'");
    }
    if (!mark.check(TOPIC_ID).equals(topicId)) {
      return Optional.of("it was taken of another topic of that name (topic id " + mark.check(TOPIC_ID)
          + ", now " + topicId + "): the topic was deleted and created again");
    }
    if (!mark.check(PARTITION).equals("0")) {
      return Optional.of("it names partition '" + mark.check(PARTITION) + "', not 0");
    }
    long last = mark.next() - 1;
    if (last < 0) {
      return Optional.of("it holds no record to check against the topic");
    }
    TopicPartition partition = new TopicPartition(config.topic(), 0);
    long start = offset(admin, partition, OffsetSpec.earliest());
    long end = offset(admin, partition, OffsetSpec.latest());
    if (mark.next() > end) {
      return Optional.of("it reaches offset " + mark.next() + " but the topic ends at " + end
          + " (the topic lost records, or the snapshot is of another one)");
    }
    if (start > last) {
      return Optional.of("the topic's log starts at offset " + start + ", past the snapshot's last"
          + " record at " + last);
    }
    Optional<ConsumerRecord<byte[], byte[]>> record = read(partition, last);
    if (record.isEmpty() || record.get().offset() != last) {
      return Optional.of("the record at offset " + last + " is no longer in the topic (compacted away?)");
    }
    Map<String, String> now = facts(record.get());
    for (Map.Entry<String, String> fact : now.entrySet()) {
      if (!fact.getValue().equals(mark.check(fact.getKey()))) {
        return Optional.of("the record at offset " + last + " differs from the one the snapshot"
            + " was taken after (" + fact.getKey() + " " + mark.check(fact.getKey()) + ", now "
            + fact.getValue() + ")");
      }
    }
    return Optional.empty();
  }

  /** The record's own facts: partition, digests of key and value, leader epoch. */
  private static Map<String, String> facts(ConsumerRecord<byte[], byte[]> record) {
    return Map.of(PARTITION, String.valueOf(record.partition()),
        KEY_SHA256, sha256(record.key()),
        VALUE_SHA256, sha256(record.value()),
        LEADER_EPOCH, record.leaderEpoch().map(String::valueOf).orElse(""));
  }

  private Optional<ConsumerRecord<byte[], byte[]>> read(TopicPartition partition, long offset) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        ClientSettings.snapshotCheck(config), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seek(partition, offset);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          return Optional.of(records.records(partition).get(0));
        }
      }
      return Optional.empty();
    }
  }

  private long offset(Admin admin, TopicPartition partition, OffsetSpec spec) {
    try {
      return admin.listOffsets(Map.of(partition, spec)).partitionResult(partition)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot learn the offsets of " + partition + ": "
          + Failures.reasons(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The topic's id, "" when Kafka does not say (an old broker, no Describe right). */
  static String topicId(Admin admin, String topic, Duration timeout) {
    try {
      return admin.describeTopics(List.of(topic)).allTopicNames()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic).topicId().toString();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  static String sha256(byte[] bytes) {
    if (bytes == null) {
      return "null";
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
