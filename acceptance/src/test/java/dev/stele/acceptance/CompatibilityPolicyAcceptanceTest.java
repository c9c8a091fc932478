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
 * Confluent 8.5's {@code compatibilityPolicy} on the server process (issue #13): LENIENT widens
 * what JSON Schema counts compatible, for the subject whose config says so and after a restart;
 * Avro under LENIENT is checked as STRICT; LOGICAL is refused with its reason. Every kind LENIENT
 * adds has its own row in format-jsonschema's {@code LenientPolicyTest}; these are one of each
 * family (open model, closed model, additional properties).
 */
class CompatibilityPolicyAcceptanceTest {
  private static final String OPEN = "{\"type\":\"object\"}";
  /** Writer, then a reader that only LENIENT accepts, with the kind STRICT reports. */
  private static final List<List<String>> LENIENT_ONLY = List.of(
      List.of(OPEN, "{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"string\"}}}",
          "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"),
      List.of("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"additionalProperties\":false}",
          "{\"type\":\"object\",\"additionalProperties\":false}",
          "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"),
      List.of(OPEN, "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}",
          "ADDITIONAL_PROPERTIES_NARROWED"));
  private static final String AVRO_A = "{\"type\":\"record\",\"name\":\"R\",\"fields\":"
      + "[{\"name\":\"a\",\"type\":\"string\"}]}";
  /** AVRO_A with a field b without a default: BACKWARD refuses it under any policy. */
  private static final String AVRO_A_B = AVRO_A.replace("}]}", "},{\"name\":\"b\",\"type\":\"string\"}]}");

  @TempDir Path work;

  @Test
  void lenientSubjectsAcceptWhatStrictOnesRefuseAcrossARestart() throws IOException {
    try (ServerProcess server = ServerProcess.start(work, Map.of())) {
      Http http = new Http(server.url());
      for (int i = 0; i < LENIENT_ONLY.size(); i++) {
        http.ok("PUT", "/config/lenient-" + i, Map.of("compatibilityPolicy", "LENIENT"));
        for (String subject : List.of("strict-" + i, "lenient-" + i)) {
          http.ok("POST", "/subjects/" + subject + "/versions", json(LENIENT_ONLY.get(i).get(0)));
        }
      }
      http.ok("PUT", "/config/avro-lenient", Map.of("compatibilityPolicy", "lenient"));
      http.ok("POST", "/subjects/avro-lenient/versions", Map.of("schema", AVRO_A));

      server.stop();
      server.restart();

      assertThat(http.ok("GET", "/config/lenient-0", null).toString())
          .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\",\"compatibilityPolicy\":\"LENIENT\"}");
      for (int i = 0; i < LENIENT_ONLY.size(); i++) {
        Map<String, Object> update = json(LENIENT_ONLY.get(i).get(1));
        Http.Response strict = http.post("/subjects/strict-" + i + "/versions", update);
        assertThat(strict.status()).as("strict %d", i).isEqualTo(409);
        assertThat(strict.body().get("message").asText()).contains(LENIENT_ONLY.get(i).get(2));
        // The verbose check judges under the subject's policy as the registration does.
        JsonNode verdict = http.ok("POST", "/compatibility/subjects/lenient-" + i
            + "/versions/latest?verbose=true", update);
        assertThat(verdict.get("is_compatible").asBoolean()).as("lenient check %d", i).isTrue();
        assertThat(http.ok("POST", "/subjects/lenient-" + i + "/versions", update).get("id").asInt())
            .isPositive();
      }
      // LENIENT is STRICT for Avro, as in Confluent: a field without a default stays refused.
      assertThat(http.post("/subjects/avro-lenient/versions", Map.of("schema", AVRO_A_B)).status())
          .isEqualTo(409);

      Http.Response logical = http.put("/config/lenient-0", Map.of("compatibilityPolicy", "LOGICAL"));
      assertThat(logical.status()).isEqualTo(422);
      assertThat(logical.body().get("message").asText())
          .contains("LOGICAL is not supported").contains("logical-type checks are not built");
      server.stop();
    }
  }

  private static Map<String, Object> json(String schema) {
    return Map.of("schema", schema, "schemaType", "JSON");
  }
}
