package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.kafka.KafkaCluster;
import dev.stele.testkit.server.KafkaServers;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Samples items 2 and 3 end to end: Debian python3-confluent-kafka's legacy AvroProducer and
 * AvroConsumer send the sample's records through a real broker, with a Stele server that keeps
 * its schemas in Kafka ({@code kafkastore.bootstrap.servers}) on the same broker. The script
 * checks the registry's state as it goes; this class checks the lines the sample says the
 * consumers print, in order.
 */
class KafkaSamplesAcceptanceTest {
  @TempDir static Path work;
  @AutoClose private static KafkaCluster kafka;

  @BeforeAll
  static void startKafka() {
    Python.requireModules("confluent_kafka", "confluent_kafka.avro", "avro", "requests");
    kafka = KafkaCluster.start(1);
    // The sample's topics have one partition.
    KafkaTopics.create(kafka.bootstrapServers(), "peter-avro2", "peter-avro3");
  }

  @Test
  void avroProducerAndConsumerWithEvolutionThroughKafka() throws Exception {
    try (ServerProcess server = start("evolution", Map.of())) {
      // samples/README.md item 2: what each consumer prints, in this order.
      assertThat(samples("evolution", server)).containsSubsequence(
          "ok versions after the v1 producer: [1]",
          "v1 consumer (python-groupid01):",
          "{'name': 'Peter', 'class': 1}",
          "ok versions after the v2 producer: [1, 2]",
          "v2 consumer (python-groupid02):",
          "{'first_name': None, 'last_name': None, 'class': 1}",
          "{'first_name': 'Peter', 'last_name': 'Parker', 'class': 1}",
          "ok ids in the messages are versions 1 and 2:");
      assertSchemasInTopic("_schemas", "peter-avro2-value");
      server.stop();
    }
  }

  @Test
  void backwardWalkThroughThroughKafka() throws Exception {
    try (ServerProcess server = start("backward", Map.of("schema.compatibility.level", "backward",
        "kafkastore.topic", "_schemas_backward", "schema.registry.group.id", "backward"))) {
      // samples/README.md item 3: v1 records read with the v2 reader get age = 1.
      assertThat(samples("backward", server)).containsSubsequence(
          "ok the server's level: {'compatibilityLevel': 'BACKWARD'}",
          "ok versions: [1, 2]",
          "v2 consumer:",
          "{'name': 'Peter', 'class': 1, 'age': 1}",
          "{'name': 'Peter', 'class': 1, 'age': 20}",
          "ok adding a field without default under BACKWARD is refused with 409: True",
          "ok versions after the refusal: [1, 2]",
          "ok removing a field without default under FORWARD is refused with 409: True",
          "ok removing a field without default under BACKWARD is accepted: True");
      assertSchemasInTopic("_schemas_backward", "peter-avro3-value");
      server.stop();
    }
  }

  private static ServerProcess start(String name, Map<String, String> extra)
      throws IOException, InterruptedException {
    ServerProcess server = KafkaServers.start(work.resolve(name), kafka.bootstrapServers(), extra);
    KafkaServers.awaitOneLeader(List.of(server));
    return server;
  }

  /** The schemas really are in Kafka: the schema topic holds a SCHEMA record for each version. */
  private static void assertSchemasInTopic(String topic, String subject) {
    List<String> keys = KafkaTopics.readCommitted(kafka.bootstrapServers(), topic).stream()
        .map(ConsumerRecord::key).toList();
    assertThat(keys).as("keys in %s", topic).contains(
        "{\"keytype\":\"SCHEMA\",\"subject\":\"" + subject + "\",\"version\":1,\"magic\":1}",
        "{\"keytype\":\"SCHEMA\",\"subject\":\"" + subject + "\",\"version\":2,\"magic\":1}");
  }

  /** Runs avro_kafka_samples.py {@code mode} against {@code server}; its output once it passed. */
  private static String samples(String mode, ServerProcess server) throws IOException {
    return Python.script("avro_kafka_samples.py", mode, server.url(), kafka.bootstrapServers(),
            Dirs.samples().toString())
        .assertPassed("avro_kafka_samples.py " + mode, "avro_kafka_samples " + mode, server);
  }
}
