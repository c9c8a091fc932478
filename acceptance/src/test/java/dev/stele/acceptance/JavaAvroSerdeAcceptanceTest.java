package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AutoClose;
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
  @AutoClose private static RegistryAndKafka env;

  @BeforeAll
  static void start() throws IOException {
    Python.requireModules("confluent_kafka", "confluent_kafka.avro", "avro", "requests");
    env = RegistryAndKafka.start(work.resolve("serde-avro"), "py-to-java", "java-to-py");
  }

  @Test
  void javaDeserializerReadsWhatPythonsAvroProducerWrote() throws IOException {
    env.python("avro_serde_interop", "produce", "py-to-java");

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
    Map<String, Object> configs = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName(),
        "schema.registry.url", env.url());
    try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(configs)) {
      producer.send(new ProducerRecord<>("java-to-py", "k1", reading("s-1", 21.5, 1, List.of("a"), null))).get();
      producer.send(new ProducerRecord<>("java-to-py", "k2",
          reading("s-2", -3.25, 1L << 40, List.of(), "cold"))).get();
      producer.send(new ProducerRecord<>("java-to-py", "k3",
          reading("s-\u00e9", 0.0, -7, List.of("x", "y"), null))).get();
    }
    assertThat(env.python("avro_serde_interop", "consume", "java-to-py")).contains(
        "ok AvroConsumer decodes what the Java serializer wrote",
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
    return KafkaTopics.consume(env.bootstrapServers(), env.url(), topic,
        KafkaAvroDeserializer.class, KafkaAvroDeserializer.class, Map.of(), count);
  }
}
