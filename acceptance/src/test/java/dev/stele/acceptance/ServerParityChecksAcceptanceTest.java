package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rest of issue #13's server list, on the real server process, each as Confluent 8.5 answers:
 * rule sets validated on register and on {@code PUT /config} (42210), a lookup that inherits the
 * latest version's metadata and rules, {@code DELETE /config} refused in READONLY (42205),
 * {@code GET /config} without {@code defaultToGlobal} not reading {@code :.__GLOBAL:}, and a
 * lookup with an empty schema string (40403, 40401 for a subject without versions).
 */
class ServerParityChecksAcceptanceTest {
  private static final String STRING = "{\"type\":\"string\"}";

  @TempDir Path work;

  @Test
  void theServerLeftoversOfIssue13() throws IOException {
    try (ServerProcess server = ServerProcess.start(work, Map.of())) {
      Http http = new Http(server.url());
      // Rule sets: a rule without a name, a migration rule in a domain mode, duplicate names.
      assertError(http.post("/subjects/r-value/versions", Map.of("schema", STRING, "ruleSet",
          Map.of("domainRules", List.of(Map.of("type", "CEL", "mode", "WRITE", "expr", "true"))))),
          422, 42210, "Missing rule name");
      assertError(http.post("/subjects/r-value/versions", Map.of("schema", STRING, "ruleSet",
          Map.of("migrationRules", List.of(Map.of("name", "m", "type", "JSONATA", "mode", "WRITE"))))),
          422, 42210, "Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN");
      assertError(http.put("/config/r-value", Map.of("defaultRuleSet", Map.of("domainRules",
          List.of(Map.of("name", "a", "type", "CEL"), Map.of("name", "a", "type", "CEL"))))),
          422, 42210, "Found rule with duplicate name 'a'");
      assertError(http.put("/config", Map.of("overrideRuleSet", Map.of("domainRules",
          List.of(Map.of("name", "1a", "type", "CEL"))))),
          422, 42210, "Illegal initial character in rule name: 1a");

      // A lookup inherits the latest version's metadata, as a registration would.
      int id = http.ok("POST", "/subjects/m-value/versions", Map.of("schema", STRING,
          "metadata", Map.of("properties", Map.of("owner", "me")))).get("id").asInt();
      assertThat(http.ok("POST", "/subjects/m-value", Map.of("schema", STRING)).get("id").asInt())
          .isEqualTo(id);

      // A lookup with an empty schema string finds nothing.
      assertError(http.post("/subjects/m-value", Map.of("schema", "")), 404, 40403,
          "Schema not found");
      assertError(http.post("/subjects/nobody-value", Map.of("schema", "")), 404, 40401,
          "Subject 'nobody-value' not found.");

      // GET /config without defaultToGlobal: the global scope's own config, not :.__GLOBAL:'s.
      http.ok("PUT", "/config/:.__GLOBAL:", Map.of("compatibility", "NONE"));
      assertThat(http.ok("GET", "/config", null).get("compatibilityLevel").asText())
          .isEqualTo("BACKWARD");
      assertThat(http.ok("GET", "/config?defaultToGlobal=true", null).get("compatibilityLevel")
          .asText()).isEqualTo("NONE");

      // DELETE /config is a write: refused in READONLY, for the global scope and a subject.
      http.ok("PUT", "/config", Map.of("compatibility", "FULL"));
      http.ok("PUT", "/config/c-value", Map.of("compatibility", "FULL"));
      http.ok("PUT", "/mode", Map.of("mode", "READONLY"));
      assertThat(http.delete("/config/c-value").body().get("error_code").asInt()).isEqualTo(42205);
      assertThat(http.delete("/config").body().get("error_code").asInt()).isEqualTo(42205);
      http.ok("PUT", "/mode", Map.of("mode", "READWRITE"));
      assertThat(http.ok("GET", "/config", null).get("compatibilityLevel").asText()).isEqualTo("FULL");
      assertThat(http.delete("/config/c-value").status()).isEqualTo(200);
      server.stop();
    }
  }

  private static void assertError(Http.Response response, int status, int code, String message) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.body().get("error_code").asInt()).as(response.text()).isEqualTo(code);
    assertThat(response.body().get("message").asText()).isEqualTo(message);
  }
}
