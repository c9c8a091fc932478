package dev.stele.store.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What a read_committed reader finds in partition 0 of a topic, read by a plain consumer. */
final class TopicContents {
  private TopicContents() {}

  /**
   * Every committed record, in order, once there are at least {@code expected}: the broker
   * writes a transaction's commit markers after the commit returns, and only then may a
   * read_committed reader see its records.
   */
  static List<ConsumerRecord<byte[], byte[]>> committed(String bootstrapServers, String topic,
      int expected) throws InterruptedException {
    List<ConsumerRecord<byte[], byte[]>> records = committed(bootstrapServers, topic);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (records.size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
      records = committed(bootstrapServers, topic);
    }
    return records;
  }

  /** Every committed record, in order. */
  static List<ConsumerRecord<byte[], byte[]>> committed(String bootstrapServers, String topic) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of("bootstrap.servers", bootstrapServers, "isolation.level", "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(Set.of(partition));
      consumer.seekToBeginning(Set.of(partition));
      long end = consumer.endOffsets(Set.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }
}
