package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.testkit.kafka.KafkaBrokers;
import dev.stele.testkit.server.KafkaServers;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema tags and GUIDs on the real server process (Confluent 8.5 parity, #13): tagging registers
 * a new version, {@code findTags} finds it, a GUID reads the schema, and all of it is the same
 * after a restart, on the embedded store and on a Kafka {@code _schemas} topic, whose SCHEMA
 * records carry no GUID (Confluent 8.5 derives it from the content, as Stele does).
 */
class SchemaTagsAndGuidsAcceptanceTest {
  private static final String USER =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"acme\",\"fields\":[{\"name\":\"email\",\"type\":\"string\"}]}";
  private static final String USER_PII =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"acme\",\"fields\":[{\"name\":\"email\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]}]}";

  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);
  @TempDir Path work;

  @Test
  void tagsAndGuidsOnTheEmbeddedStoreSurviveARestart() throws Exception {
    try (ServerProcess server = ServerProcess.start(Files.createDirectories(work.resolve("embedded")), Map.of())) {
      Http http = new Http(server.url());
      Map<String, String> before = tagAndRead(http);
      server.stop();
      server.restart();
      assertThat(read(http)).isEqualTo(before);
      server.stop();
    }
  }

  @Test
  void onKafkaTheSchemaRecordIsConfluents85FormAndTheGuidIsDerivedAgainAfterARestart() throws Exception {
    String topic = "_schemas_tags";
    try (ServerProcess server = KafkaServers.start(Files.createDirectories(work.resolve("kafka")),
        KAFKA.bootstrapServers(), Map.of("kafkastore.topic", topic))) {
      KafkaServers.awaitOneLeader(List.of(server));
      Http http = new Http(server.url());
      Map<String, String> before = tagAndRead(http);

      List<JsonNode> schemaValues = schemaRecordValues(topic);
      assertThat(schemaValues).hasSize(2);
      JsonNode tagged = schemaValues.get(1);
      assertThat(tagged.has("guid")).as("8.5 writes no guid into the record: %s", tagged).isFalse();
      assertThat(tagged.get("schemaType").asText()).isEqualTo("AVRO");
      assertThat(tagged.get("schema").asText()).isEqualTo(USER_PII);
      assertThat(tagged.get("metadata").toString()).isEqualTo("{\"properties\":{\"confluent:version\":\"2\"}}");

      server.stop();
      server.restart();
      KafkaServers.awaitOneLeader(List.of(server));
      assertThat(read(http)).isEqualTo(before);
      server.stop();
    }
  }

  /** Registers, tags version 1, checks the answers; returns what {@link #read} sees. */
  private static Map<String, String> tagAndRead(Http http) throws IOException {
    JsonNode registered = http.ok("POST", "/subjects/users-value/versions", Map.of("schema", USER));
    assertThat(registered.get("guid").asText()).isEqualTo(md5Guid(USER, ""));

    JsonNode tagged = http.ok("POST", "/subjects/users-value/versions/1/tags", "{\"newVersion\":2,\"tagsToAdd\":["
        + "{\"schemaEntity\":{\"entityPath\":\"acme.User.email\",\"entityType\":\"sr_field\"},\"tags\":[\"PII\"]}]}");
    assertThat(tagged.get("version").asInt()).isEqualTo(2);
    assertThat(tagged.get("schema").asText()).isEqualTo(USER_PII);
    // MD5 over the text, then a 1 byte and the metadata's property name and value.
    assertThat(tagged.get("guid").asText()).isEqualTo(md5Guid(USER_PII, "\u0001confluent:version2"));

    Http.Response refused = http.post("/subjects/users-value/versions/1/tags",
        "{\"tagsToAdd\":[{\"schemaEntity\":{\"entityPath\":\"acme.User.nope\",\"entityType\":\"sr_field\"},\"tags\":[\"X\"]}]}");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().get("error_code").asInt()).isEqualTo(42201);
    return read(http);
  }

  /** What a client sees of the tagged version: tags found, and the schema and ids by GUID. */
  private static Map<String, String> read(Http http) throws IOException {
    JsonNode latest = http.ok("GET", "/subjects/users-value/versions/latest?findTags=PII", null);
    assertThat(latest.get("schemaTags").toString()).isEqualTo(
        "[{\"schemaEntity\":{\"entityPath\":\"acme.User.email\",\"entityType\":\"sr_field\"},\"tags\":[\"PII\"]}]");
    String guid = latest.get("guid").asText();
    JsonNode byGuid = http.ok("GET", "/schemas/guids/" + guid, null);
    assertThat(byGuid.get("schema").asText()).isEqualTo(USER_PII);
    JsonNode ids = http.ok("GET", "/schemas/guids/" + guid + "/ids", null);
    assertThat(ids.toString()).isEqualTo("[{\"context\":\".\",\"id\":" + latest.get("id").asInt() + "}]");
    return Map.of("latest", latest.toString(), "byGuid", byGuid.toString(), "ids", ids.toString(),
        "versions", http.ok("GET", "/subjects/users-value/versions", null).toString());
  }

  /** The GUID of a text and the metadata bytes after it, computed here apart from the server. */
  private static String md5Guid(String schema, String metadataBytes) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    md.update(schema.getBytes(StandardCharsets.UTF_8));
    md.update(metadataBytes.getBytes(StandardCharsets.UTF_8));
    ByteBuffer digest = ByteBuffer.wrap(md.digest());
    return new UUID(digest.getLong(), digest.getLong()).toString();
  }

  /** The values of the topic's SCHEMA records, in log order. */
  private static List<JsonNode> schemaRecordValues(String topic) throws IOException {
    List<JsonNode> values = new ArrayList<>();
    for (ConsumerRecord<String, String> record : KafkaTopics.readCommitted(KAFKA.bootstrapServers(), topic)) {
      if (record.key() != null && record.key().contains("\"keytype\":\"SCHEMA\"") && record.value() != null) {
        values.add(Http.JSON.readTree(record.value()));
      }
    }
    return values;
  }
}
