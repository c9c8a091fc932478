package dev.stele.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The fixture itself, on three nodes: replication works, a node can crash and come back. */
class KafkaClusterTest {

  @Test
  void threeNodesReplicateSurviveAKillAndLeaveNoProcessBehind() throws Exception {
    List<ProcessHandle> before = children();
    List<ProcessHandle> brokers;
    try (KafkaCluster cluster = KafkaCluster.start(3)) {
      assertThat(cluster.size()).isEqualTo(3);
      assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
      brokers = children().stream().filter(p -> !before.contains(p)).toList();
      assertThat(brokers).hasSize(3);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("t", 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
        assertThat(describe(admin, "t").partitions().get(0).replicas()).hasSize(3);
      }
      try (KafkaProducer<String, String> producer = producer(cluster)) {
        producer.send(new ProducerRecord<>("t", 0, "k", "before")).get(30, TimeUnit.SECONDS);
        cluster.kill(1);
        assertThat(cluster.isRunning(1)).isFalse();
        producer.send(new ProducerRecord<>("t", 0, "k", "while one is down")).get(60, TimeUnit.SECONDS);
        cluster.restart(1);
        assertThat(cluster.isRunning(1)).isTrue();
        producer.send(new ProducerRecord<>("t", 0, "k", "after")).get(30, TimeUnit.SECONDS);
      }
      assertThat(readAll(cluster.bootstrapServers(), 3))
          .containsExactly("before", "while one is down", "after");
    }
    for (ProcessHandle broker : brokers) {
      assertThat(broker.isAlive()).as("broker %s after close", broker.pid()).isFalse();
    }
  }

  /**
   * The topic as the cluster describes it. A broker that has not yet received the new topic's
   * metadata answers UnknownTopicOrPartition (seen on a loaded machine), so that is asked again,
   * for 30 s at most.
   */
  private static TopicDescription describe(Admin admin, String topic) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static List<ProcessHandle> children() {
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
  }

  private static KafkaProducer<String, String> producer(KafkaCluster cluster) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
  }

  private static List<String> readAll(String bootstrap, int count) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(Set.of(new TopicPartition("t", 0)));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
