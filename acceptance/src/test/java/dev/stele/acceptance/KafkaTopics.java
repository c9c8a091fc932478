package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The topics of the tests that send records through a testkit broker, and reading them back. */
final class KafkaTopics {
  private KafkaTopics() {}

  /** Creates one-partition topics: the testkit's brokers do not create topics on first use. */
  static void create(String bootstrap, String... names) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      List<NewTopic> topics = new ArrayList<>();
      for (String name : names) {
        topics.add(new NewTopic(name, 1, (short) 1));
      }
      admin.createTopics(topics).all().get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the topics " + List.of(names) + ": " + e, e);
    }
  }

  /**
   * Reads {@code count} records of {@code topic} from its start, in the new group
   * {@code java-<topic>}, with the given deserializers on the registry at {@code registryUrl}
   * ({@code extra} settings last), and asserts that many arrived.
   */
  static List<ConsumerRecord<Object, Object>> consume(String bootstrap, String registryUrl,
      String topic, Class<?> keyDeserializer, Class<?> valueDeserializer,
      Map<String, Object> extra, int count) {
    Map<String, Object> configs = new HashMap<>();
    configs.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    configs.put(ConsumerConfig.GROUP_ID_CONFIG, "java-" + topic);
    configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    configs.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, keyDeserializer.getName());
    configs.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer.getName());
    configs.put("schema.registry.url", registryUrl);
    configs.putAll(extra);
    List<ConsumerRecord<Object, Object>> records = new ArrayList<>();
    try (KafkaConsumer<Object, Object> consumer = new KafkaConsumer<>(configs)) {
      consumer.subscribe(List.of(topic));
      // A hang guard, not a speed target: a loaded machine may take a while to assign partitions.
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    assertThat(records).as("records read from " + topic).hasSize(count);
    return records;
  }

  /**
   * Every committed record of {@code topic}'s partition 0, from its start to its end when asked,
   * as strings: what a registry wrote into its schemas topic.
   */
  static List<ConsumerRecord<String, String>> readCommitted(String bootstrap, String topic) {
    Map<String, Object> configs = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(configs)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos(); // a hang guard
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }
}
