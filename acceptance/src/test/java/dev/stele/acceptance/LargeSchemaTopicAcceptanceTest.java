package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.testkit.kafka.KafkaBrokers;
import dev.stele.testkit.server.KafkaServers;
import dev.stele.testkit.server.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A Stele process started on a {@code _schemas} topic that already holds many schemas (100,000 by
 * default, {@code -Dstele.large.schemas=N} to change), written straight into Kafka the way a
 * Confluent registry writes them (API.md §3.2: its key and value JSON, byte for byte; half the
 * values in the pre-7.9 form without {@code schemaType}). The server must replay them all, become
 * ready, serve the stored ids and versions, and give a new schema the id after the highest one.
 * The time to ready is printed; its 10 s target is measured by bench/KAFKA.cluster().sh, not asserted here.
 */
@Isolated // alone: it replays 100,000 records with both cores, and prints the time it took.
class LargeSchemaTopicAcceptanceTest {
  private static final int SCHEMAS = Integer.getInteger("stele.large.schemas", 100_000);
  private static final int VERSIONS_PER_SUBJECT = 4;
  /** One record carries an id far above the others, as an IMPORT would: the next id goes above it. */
  private static final int HIGH_ID_AT = SCHEMAS / 2;
  private static final int HIGH_ID = SCHEMAS + 5_000;

  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);
  @TempDir static Path work;

  static String subject(int i) {
    return "big-" + i / VERSIONS_PER_SUBJECT + "-value";
  }

  static int version(int i) {
    return i % VERSIONS_PER_SUBJECT + 1;
  }

  static int id(int i) {
    return i == HIGH_ID_AT ? HIGH_ID : i + 1;
  }

  /**
   * A distinct Avro record schema per index, in the canonical form a registry stores: one record
   * per subject, each version adding a field with a default, so the versions are compatible.
   */
  static String schema(int i) {
    StringBuilder text = new StringBuilder("{\"type\":\"record\",\"name\":\"Big"
        + i / VERSIONS_PER_SUBJECT + "\",\"fields\":[");
    for (int f = 1; f <= i % VERSIONS_PER_SUBJECT + 1; f++) {
      text.append(f == 1 ? "" : ",").append("{\"name\":\"f").append(f)
          .append("\",\"type\":\"int\",\"default\":0}");
    }
    return text.append("]}").toString();
  }

  @Test
  void restartsOnATopicOfManySchemas() throws Exception {
    long written = writeSchemaTopic();
    long launched = System.nanoTime();
    try (ServerProcess server = KafkaServers.start(work.resolve("large"), KAFKA.bootstrapServers(),
        Map.of())) {
      long listening = System.nanoTime();
      KafkaServers.awaitOneLeader(List.of(server));
      long ready = System.nanoTime();
      System.out.printf("Topic of %,d schemas written in %d ms; the server answered after %d ms and"
              + " was ready after %d ms (time to ready, from launching its JVM)%n", SCHEMAS,
          written, TimeUnit.NANOSECONDS.toMillis(listening - launched),
          TimeUnit.NANOSECONDS.toMillis(ready - launched));

      Http http = new Http(server.url());
      assertThat(http.ok("GET", "/subjects", null)).as("subjects")
          .hasSize(SCHEMAS / VERSIONS_PER_SUBJECT);
      for (int i = 0; i < SCHEMAS; i += Math.max(1, SCHEMAS / 97)) {
        assertStored(http, i);
      }
      assertStored(http, HIGH_ID_AT);
      assertStored(http, SCHEMAS - 1);

      // The same schema in another subject keeps its id; a new one gets the next above the highest.
      assertThat(http.ok("POST", "/subjects/copy-value/versions", Map.of("schema", schema(7)))
          .get("id").asInt()).as("id of a stored schema registered again").isEqualTo(id(7));
      assertThat(http.ok("POST", "/subjects/new-value/versions", Map.of("schema", schema(SCHEMAS)))
          .get("id").asInt()).as("id of a new schema").isEqualTo(HIGH_ID + 1);
      String fifth = schema(VERSIONS_PER_SUBJECT - 1).replace("]}",
          ",{\"name\":\"f5\",\"type\":\"int\",\"default\":0}]}");
      assertThat(http.ok("POST", "/subjects/" + subject(0) + "/versions", Map.of("schema", fifth))
          .get("id").asInt()).as("id of a new version").isEqualTo(HIGH_ID + 2);
      JsonNode latest = http.ok("GET", "/subjects/" + subject(0) + "/versions/latest", null);
      assertThat(latest.get("version").asInt()).as("version after the stored ones")
          .isEqualTo(VERSIONS_PER_SUBJECT + 1);
      server.stop();
    }
  }

  private static void assertStored(Http http, int i) throws Exception {
    JsonNode version = http.ok("GET", "/subjects/" + subject(i) + "/versions/" + version(i), null);
    assertThat(version.get("id").asInt()).as("id of %s version %d", subject(i), version(i))
        .isEqualTo(id(i));
    assertThat(version.get("schema").asText()).isEqualTo(schema(i));
    JsonNode byId = http.ok("GET", "/schemas/ids/" + id(i), null);
    assertThat(byId.get("schema").asText()).as("schema of id %d", id(i)).isEqualTo(schema(i));
  }

  /**
   * Creates {@code _schemas} (one partition, compacted, as the registry would) and writes every
   * schema record into it with a plain producer; returns the milliseconds it took.
   */
  private static long writeSchemaTopic() throws Exception {
    long begun = System.nanoTime();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        KAFKA.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("_schemas", 1, (short) 1)
          .configs(Map.of("cleanup.policy", "compact")))).all().get(2, TimeUnit.MINUTES);
    }
    Map<String, Object> configs = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    AtomicReference<Exception> failed = new AtomicReference<>();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(configs)) {
      for (int i = 0; i < SCHEMAS; i++) {
        String key = "{\"keytype\":\"SCHEMA\",\"subject\":\"" + subject(i) + "\",\"version\":"
            + version(i) + ",\"magic\":1}";
        String value = "{\"subject\":\"" + subject(i) + "\",\"version\":" + version(i)
            + ",\"id\":" + id(i) + (i % 2 == 0 ? ",\"schemaType\":\"AVRO\"" : "")
            + ",\"schema\":" + Http.JSON.writeValueAsString(schema(i)) + ",\"deleted\":false}";
        producer.send(new ProducerRecord<>("_schemas", 0, key.getBytes(StandardCharsets.UTF_8),
            value.getBytes(StandardCharsets.UTF_8)), (metadata, e) -> {
              if (e != null) {
                failed.compareAndSet(null, e);
              }
            });
      }
      producer.flush();
    }
    assertThat(failed.get()).as("a failed send").isNull();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun);
  }
}
