package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent 8.5's server behaviours that live in the record log, on the real server process
 * across a restart (issue #13): a reference resolved in the referrer's context, and the config
 * fields validateNewSchemas, validateRules and compatibilityPolicy, written as Confluent's CONFIG
 * record writes them and honoured after the replay.
 */
class Confluent85ParityAcceptanceTest {
  private static final String ADDRESS =
      "{\"type\":\"record\",\"name\":\"Address\",\"fields\":[{\"name\":\"street\",\"type\":\"string\"}]}";
  private static final String ORDER = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":"
      + "[{\"name\":\"to\",\"type\":\"Address\"}]}";
  private static final String ORDER_WITH_COUNT = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":"
      + "[{\"name\":\"to\",\"type\":\"Address\"},{\"name\":\"n\",\"type\":\"int\",\"default\":0}]}";
  private static final String BAD_DEFAULT = "{\"type\":\"record\",\"name\":\"X\",\"fields\":"
      + "[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}";
  private static final List<Map<String, Object>> TO_ADDRESS =
      List.of(Map.of("name", "Address", "subject", "address-value", "version", 1));

  @TempDir Path work;

  @Test
  void contextReferencesAndTheNewConfigFieldsSurviveARestart() throws IOException {
    try (ServerProcess server = ServerProcess.start(work, Map.of())) {
      Http http = new Http(server.url());
      http.ok("PUT", "/config/lax-value", Map.of("validateNewSchemas", false, "validateRules", true,
          "compatibilityPolicy", "strict"));
      http.ok("POST", "/subjects/:.ctx:address-value/versions", Map.of("schema", ADDRESS));
      int order = http.ok("POST", "/subjects/:.ctx:order-value/versions",
          Map.of("schema", ORDER, "references", TO_ADDRESS)).get("id").asInt();

      server.stop();
      server.restart();

      JsonNode config = http.ok("GET", "/config/lax-value", null);
      assertThat(config.toString()).isEqualTo("{\"validateNewSchemas\":false,\"validateRules\":true,"
          + "\"compatibilityLevel\":\"BACKWARD\",\"compatibilityPolicy\":\"STRICT\"}");
      // Honoured after the replay: that subject takes a default of the wrong type, others do not.
      assertThat(http.post("/subjects/lax-value/versions", Map.of("schema", BAD_DEFAULT)).status())
          .isEqualTo(200);
      assertThat(http.post("/subjects/strict-value/versions", Map.of("schema", BAD_DEFAULT)).status())
          .isEqualTo(422);
      assertThat(http.put("/config/lax-value", Map.of("compatibilityPolicy", "LOGICAL")).status())
          .isEqualTo(422);

      assertThat(http.ok("GET", "/subjects/:.ctx:address-value/versions/1/referencedby", null).toString())
          .isEqualTo("[" + order + "]");
      // The check parses the stored version 1, whose reference is read in its context.
      assertThat(http.ok("POST", "/subjects/:.ctx:order-value/versions",
          Map.of("schema", ORDER_WITH_COUNT, "references", TO_ADDRESS)).get("id").asInt())
          .isNotEqualTo(order);
      JsonNode first = http.ok("GET", "/subjects/:.ctx:order-value/versions/1?referenceFormat=qualified", null);
      assertThat(first.get("references").get(0).get("subject").asText()).isEqualTo(":.ctx:address-value");
      assertThat(first.get("ts").asLong()).isPositive();
      assertThat(first.get("deleted").asBoolean()).isFalse();
      server.stop();
    }
  }
}
