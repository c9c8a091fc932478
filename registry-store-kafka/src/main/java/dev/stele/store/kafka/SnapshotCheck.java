package dev.stele.store.kafka;

import dev.stele.registry.state.SnapshotMark;
import java.time.Duration;
import java.util.HashMap;
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
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a snapshot must agree on with the schema topic and the key topic before a node trusts it
 * (decision 0016): the same topics (their names and ids: a topic deleted and created again has
 * another id), logs that still hold the snapshot's last record of each (the log start offset has
 * not passed it, the end is not before it) and that record unchanged (same key and value digests,
 * same leader epoch). The mark records these facts when a snapshot is written, the key topic's
 * under {@value #KEYS}; {@link #mismatch} compares them with the topics.
 */
final class SnapshotCheck {
  static final String TOPIC_ID = "kafka.topicId";
  static final String PARTITION = "kafka.partition";
  static final String KEY_SHA256 = "kafka.keySha256";
  static final String VALUE_SHA256 = "kafka.valueSha256";
  static final String LEADER_EPOCH = "kafka.leaderEpoch";
  /** The prefix of the key topic's facts; its name and where to resume are under it too. */
  static final String KEYS = "keys.";
  static final String KEYS_TOPIC = KEYS + "topic";
  static final String KEYS_NEXT = KEYS + "next";

  private final KafkaStoreConfig config;
  private final Duration timeout;

  SnapshotCheck(KafkaStoreConfig config, Duration timeout) {
    this.config = config;
    this.timeout = timeout;
  }

  /**
   * The mark of a state that holds every schema record up to and including {@code last}, and the
   * key topic's records as {@code keys} says.
   */
  static SnapshotMark mark(String topic, String topicId, ConsumerRecord<byte[], byte[]> last,
      TopicMark keys) {
    Map<String, String> checks = new HashMap<>(facts(last));
    checks.put(TOPIC_ID, topicId);
    checks.put(KEYS_TOPIC, keys.topic());
    checks.put(KEYS + TOPIC_ID, keys.topicId());
    checks.put(KEYS_NEXT, String.valueOf(keys.next()));
    keys.facts().forEach((name, value) -> checks.put(KEYS + name, value));
    return new SnapshotMark(topic, last.offset() + 1, checks);
  }

  /**
   * Where a snapshot stands on one topic: the offset to resume at and, when it is past a record,
   * that record's facts.
   */
  record TopicMark(String topic, String topicId, long next, Map<String, String> facts) {
    static TopicMark none(String topic, String topicId) {
      return new TopicMark(topic, topicId, 0, Map.of());
    }

    static TopicMark after(String topicId, ConsumerRecord<byte[], byte[]> last) {
      return new TopicMark(last.topic(), topicId, last.offset() + 1, SnapshotCheck.facts(last));
    }

    /** The key topic's part of {@code mark}; null when it has none (taken by an older release). */
    static TopicMark keysOf(SnapshotMark mark) {
      if (!mark.checks().containsKey(KEYS_TOPIC)) {
        return null;
      }
      Map<String, String> facts = new HashMap<>();
      for (String name : List.of(PARTITION, KEY_SHA256, VALUE_SHA256, LEADER_EPOCH)) {
        if (mark.checks().containsKey(KEYS + name)) {
          facts.put(name, mark.check(KEYS + name));
        }
      }
      return new TopicMark(mark.check(KEYS_TOPIC), mark.check(KEYS + TOPIC_ID),
          Long.parseLong(mark.check(KEYS_NEXT)), facts);
    }
  }

  /** Why {@code mark} does not fit the topics as they are now; empty when it does. */
  Optional<String> mismatch(SnapshotMark mark, Admin admin, String topicId, String keysTopicId) {
    if (!mark.log().equals(config.topic())) {
      return Optional.of("it was taken of topic '" + mark.log() + "', not '" + config.topic() + "'");
    }
    if (!mark.check(TOPIC_ID).equals(topicId)) {
      return Optional.of("it was taken of another topic of that name (topic id " + mark.check(TOPIC_ID)
          + ", now " + topicId + "): the topic was deleted and created again");
    }
    if (mark.next() < 1) {
      return Optional.of("it holds no record to check against the topic");
    }
    Optional<String> schemas = recordMismatch(admin, config.topic(), mark.next(), mark.checks());
    if (schemas.isPresent()) {
      return schemas;
    }
    TopicMark keys;
    try {
      keys = TopicMark.keysOf(mark);
    } catch (NumberFormatException e) {
      return Optional.of("its key topic offset is not a number");
    }
    if (keys == null) {
      return Optional.of("it was taken before this node read the DEK registry's key topic");
    }
    if (!keys.topic().equals(config.keysTopic())) {
      return Optional.of("it was taken with key topic '" + keys.topic() + "', not '"
          + config.keysTopic() + "'");
    }
    if (!keys.topicId().equals(keysTopicId)) {
      return Optional.of("it was taken of another key topic of that name (topic id "
          + keys.topicId() + ", now " + keysTopicId + "): the topic was deleted and created again");
    }
    // Nothing read of the key topic yet: reading it from its start is right whatever it holds.
    return keys.next() == 0 ? Optional.empty()
        : recordMismatch(admin, keys.topic(), keys.next(), keys.facts());
  }

  /**
   * Whether {@code topic} still holds, at {@code next - 1}, the record whose {@code facts} the
   * snapshot noted, and nothing of it below {@code next} is gone.
   */
  private Optional<String> recordMismatch(Admin admin, String topic, long next,
      Map<String, String> facts) {
    String partitionNoted = facts.getOrDefault(PARTITION, "");
    if (!partitionNoted.equals("0")) {
      return Optional.of("it names partition '" + partitionNoted + "' of '" + topic + "', not 0");
    }
    long last = next - 1;
    TopicPartition partition = new TopicPartition(topic, 0);
    long start = offset(admin, partition, OffsetSpec.earliest());
    long end = offset(admin, partition, OffsetSpec.latest());
    if (next > end) {
      return Optional.of("it reaches offset " + next + " of '" + topic + "' but the topic ends at "
          + end + " (the topic lost records, or the snapshot is of another one)");
    }
    if (start > last) {
      return Optional.of("the log of '" + topic + "' starts at offset " + start + ", past the"
          + " snapshot's last record at " + last);
    }
    Optional<ConsumerRecord<byte[], byte[]>> record = read(partition, last);
    if (record.isEmpty() || record.get().offset() != last) {
      return Optional.of("the record at offset " + last + " of '" + topic + "' is no longer in the"
          + " topic (compacted away?)");
    }
    return SnapshotMark.difference("the record at offset " + last + " of '" + topic + "'", facts,
        facts(record.get()));
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

  /**
   * The topic's id, "" when Kafka does not say (an old broker, no Describe right). A topic
   * created a moment ago may be unknown to the broker asked for a little while: asked again.
   */
  static String topicId(Admin admin, String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        try {
          return admin.describeTopics(List.of(topic)).allTopicNames()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic).topicId().toString();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
              || System.nanoTime() > deadline) {
            return "";
          }
          Thread.sleep(50);
        }
      }
    } catch (TimeoutException | RuntimeException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  static String sha256(byte[] bytes) {
    return SnapshotMark.sha256(bytes);
  }
}
