package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import dev.stele.testkit.kafka.KafkaCluster;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stele's Java Avro serdes and Debian python3-confluent-kafka's legacy AvroProducer/AvroConsumer
 * exchanging records through a real Kafka broker and a real Stele server: each side reads what
 * the other wrote, and the Python script checks our bytes equal its MessageSerializer's.
 */
class JavaAvroSerdeAcceptanceTest {
  static final Schema READING = new Schema.Parser().parse("""
      {"type": "record", "name": "Reading", "namespace": "acme.sensors",
       "fields": [{"name": "sensor", "type": "string"},
                  {"name": "celsius", "type": "double"},
                  {"name": "count", "type": "long"},
                  {"name": "tags", "type": {"type": "array", "items": "string"}},
                  {"name": "note", "type": ["null", "string"], "default": null}]}""");

  @TempDir static Path work;
  private static ServerProcess server;
  private static KafkaCluster kafka;

  @BeforeAll
  static void start() throws IOException {
    Python.requireModules("confluent_kafka", "confluent_kafka.avro", "avro", "requests");
    server = ServerProcess.start(Files.createDirectories(work.resolve("serde-avro")), Map.of());
    kafka = KafkaCluster.start(1);
    // The fixture's brokers do not create topics on first use.
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("py-to-java", 1, (short) 1), new NewTopic("java-to-py", 1, (short) 1)))
          .all().get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the test topics: " + e, e);
    }
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void javaDeserializerReadsWhatPythonsAvroProducerWrote() throws IOException {
    assertPassed(Python.script("avro_serde_interop.py", "produce", server.url(), kafka.bootstrapServers(),
        "py-to-java"), "produce");

    List<ConsumerRecord<Object, Object>> records = consume("py-to-java", 3);
    assertThat(records).extracting(ConsumerRecord::key).containsExactly("k1", "k2", "k3");
    GenericRecord first = (GenericRecord) records.get(0).value();
    GenericRecord second = (GenericRecord) records.get(1).value();
    GenericRecord third = (GenericRecord) records.get(2).value();
    assertThat(first.getSchema().getFullName()).isEqualTo("acme.sensors.Reading");
    assertThat(first.get("sensor").toString()).isEqualTo("s-1");
    assertThat(first.get("celsius")).isEqualTo(21.5);
    assertThat(first.get("note")).isNull();
    assertThat(second.get("count")).isEqualTo(1L << 40);
    assertThat(second.get("note").toString()).isEqualTo("cold");
    assertThat(third.get("sensor").toString()).isEqualTo("s-\u00e9");
    assertThat(third.get("tags").toString()).isEqualTo("[x, y]");
  }

  @Test
  void pythonsAvroConsumerReadsWhatTheJavaSerializerWrote() throws Exception {
    Map<String, Object> configs = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName(),
        "schema.registry.url", server.url());
    try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(configs)) {
      producer.send(new ProducerRecord<>("java-to-py", "k1", reading("s-1", 21.5, 1, List.of("a"), null))).get();
      producer.send(new ProducerRecord<>("java-to-py", "k2",
          reading("s-2", -3.25, 1L << 40, List.of(), "cold"))).get();
      producer.send(new ProducerRecord<>("java-to-py", "k3",
          reading("s-\u00e9", 0.0, -7, List.of("x", "y"), null))).get();
    }
    Python.Result result = Python.script("avro_serde_interop.py", "consume", server.url(),
        kafka.bootstrapServers(), "java-to-py");
    assertPassed(result, "consume");
    assertThat(result.output()).contains("ok AvroConsumer decodes what the Java serializer wrote",
        "ok Java's bytes for value of k3 equal MessageSerializer's", "ok Java's bytes for key k3 equal");
  }

  private static GenericRecord reading(String sensor, double celsius, long count, List<String> tags, String note) {
    GenericRecord record = new GenericData.Record(READING);
    record.put("sensor", sensor);
    record.put("celsius", celsius);
    record.put("count", count);
    record.put("tags", tags);
    record.put("note", note);
    return record;
  }

  private static List<ConsumerRecord<Object, Object>> consume(String topic, int count) {
    Map<String, Object> configs = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "java-" + topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class.getName(),
        "schema.registry.url", server.url());
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

  private static void assertPassed(Python.Result result, String mode) {
    assertThat(result.exitCode())
        .as("avro_serde_interop.py %s exit code; its output:%n%s%n%s", mode, result.output(), server.logTail())
        .isZero();
    assertThat(result.output()).contains("avro_serde_interop " + mode + ": all checks passed");
  }
}
