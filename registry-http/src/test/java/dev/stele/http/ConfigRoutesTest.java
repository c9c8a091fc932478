package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /config} (../shared/conformance scenario config-global, config-subject, jackson-coercion). */
class ConfigRoutesTest extends HttpTestBase {

  @Test
  void globalConfigDefaultsToBackward() {
    assertJson(get("/config"), 200, "{\"compatibilityLevel\":\"BACKWARD\"}");
    assertJson(get("/config?defaultToGlobal=true"), 200, "{\"compatibilityLevel\":\"BACKWARD\"}");
  }

  @ParameterizedTest(name = "PUT /config {0}")
  @ValueSource(strings = {"NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE",
      "FULL", "FULL_TRANSITIVE"})
  void putEchoesTheRequestAndGetShowsTheLevel(String level) {
    assertJson(put("/config", "{\"compatibility\": \"" + level + "\"}"), 200, "{\"compatibility\":\"" + level + "\"}");
    assertJson(get("/config"), 200, "{\"compatibilityLevel\":\"" + level + "\"}");
  }

  @Test
  void putEchoesAsSentAndIgnoresUnknownKeys() {
    assertJson(put("/config", "{\"compatibility\": \"backward\"}"), 200, "{\"compatibility\":\"backward\"}");
    assertJson(put("/config", "{\"compatibility\": \"Full\", \"unknownKey\": 1}"), 200, "{\"compatibility\":\"Full\"}");
    assertJson(get("/config"), 200, "{\"compatibilityLevel\":\"FULL\"}");
    assertJson(put("/config", "{\"compatibility\": null}"), 200, "{}");
    assertJson(put("/config", "{\"compatibilityLevel\": \"FORWARD\"}"), 200, "{}");
    assertJson(put("/config", "{}"), 200, "{}");
    assertJson(put("/config", "{\"normalize\": true}"), 200, "{\"normalize\":true}");
    assertJson(put("/config", "{\"validateFields\": true}"), 200, "{\"validateFields\":true}");
    assertJson(put("/config", "{\"compatibilityGroup\": \"app.major\"}"), 200, "{\"compatibilityGroup\":\"app.major\"}");
    String merged = "{\"compatibilityGroup\":\"app.major\",\"compatibilityLevel\":\"FULL\",\"normalize\":true,\"validateFields\":true}";
    assertJson(get("/config"), 200, merged);
    assertJson(delete("/config"), 200, merged);
    assertJson(get("/config"), 200, "{\"compatibilityLevel\":\"BACKWARD\"}");
    assertJson(delete("/config"), 200, "{\"compatibilityLevel\":\"BACKWARD\"}");
  }

  /** The DEK registry's subject alias: kept, merged and answered like the other fields. */
  @Test
  void aliasForDeksIsKept() {
    assertJson(put("/config/s", "{\"aliasForDeks\": \"t\"}"), 200, "{\"aliasForDeks\":\"t\"}");
    assertJson(put("/config/s", "{\"compatibility\": \"NONE\"}"), 200, "{\"compatibility\":\"NONE\"}");
    Reply config = get("/config/s");
    assertJson(config, 200, "{\"aliasForDeks\":\"t\",\"compatibilityLevel\":\"NONE\"}");
    assertThat(config.body()).startsWith("{\"aliasForDeks\"");
  }

  /**
   * Confluent 8.5's fields: kept and answered in its order; as in Confluent, a scope's own config
   * answers whole, without the wider scopes' fields.
   */
  @Test
  void confluent85FieldsAreKeptAndAnswered() {
    assertJson(put("/config", "{\"validateRules\": true, \"compatibilityPolicy\": \"strict\"}"), 200,
        "{\"validateRules\":true,\"compatibilityPolicy\":\"strict\"}");
    Reply global = get("/config");
    assertThat(global.body()).isEqualTo(
        "{\"validateRules\":true,\"compatibilityLevel\":\"BACKWARD\",\"compatibilityPolicy\":\"STRICT\"}");
    assertJson(get("/config/s?defaultToGlobal=true"), 200,
        "{\"validateRules\":true,\"compatibilityLevel\":\"BACKWARD\",\"compatibilityPolicy\":\"STRICT\"}");
    assertJson(put("/config/s", "{\"validateNewSchemas\": false}"), 200, "{\"validateNewSchemas\":false}");
    assertJson(get("/config/s?defaultToGlobal=true"), 200,
        "{\"validateNewSchemas\":false,\"compatibilityLevel\":\"BACKWARD\"}");
  }

  /** LOGICAL's checks are not built: refused, rather than stored and not applied. */
  @Test
  void logicalAndUnknownPoliciesAreRefusedLenientIsStored() {
    assertError(put("/config/s", "{\"compatibilityPolicy\": \"logical\"}"), 422, 422,
        "compatibilityPolicy LOGICAL is not supported by Stele (STRICT and LENIENT are): its"
            + " Flink/Iceberg logical-type checks are not built, and a policy that is stored but not"
            + " applied would let schemas through that LOGICAL refuses");
    assertError(put("/config/s", "{\"compatibilityPolicy\": \"loose\"}"), 422, 422,
        "Invalid compatibilityPolicy 'loose': one of STRICT, LENIENT, LOGICAL");
    assertJson(get("/config"), 200, "{\"compatibilityLevel\":\"BACKWARD\"}");
    assertJson(put("/config", "{\"compatibilityPolicy\": \"lenient\"}"), 200,
        "{\"compatibilityPolicy\":\"lenient\"}");
    assertJson(get("/config"), 200,
        "{\"compatibilityLevel\":\"BACKWARD\",\"compatibilityPolicy\":\"LENIENT\"}");
  }

  /** validateNewSchemas=false registers without the checks for new schemas (Avro: defaults). */
  @Test
  void validateNewSchemasGatesTheChecksOnRegister() {
    String badDefault = "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"X\\\",\\\"fields\\\":"
        + "[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"int\\\",\\\"default\\\":\\\"x\\\"}]}\"}";
    assertError(post("/subjects/s/versions", badDefault), 422, 42201);
    assertError(post("/compatibility/subjects/s/versions", badDefault), 422, 42201);
    put("/config/s", "{\"validateNewSchemas\": false}");
    assertJson(post("/compatibility/subjects/s/versions", badDefault), 200, "{\"is_compatible\":true}");
    assertThat(post("/subjects/s/versions", badDefault).status()).isEqualTo(200);
  }

  @Test
  void badUpdates() {
    for (String level : new String[] {"\"NOPE\"", "\"\"", "5", "true"}) {
      assertError(put("/config", "{\"compatibility\": " + level + "}"), 422, 42203,
          "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive,"
              + " forward_transitive, and full_transitive");
    }
    assertError(put("/config", "{\"normalize\": \"yes\"}"), 400, 400);
    assertError(put("/config", "{"), 400, 400);
    assertError(put("/config", ""), 422, 422, "Invalid request body: the body is required");
    assertError(put("/config/s", "[]"), 400, 400);
  }

  @Test
  void subjectConfigAndDefaultToGlobal() {
    assertError(get("/config/s"), 404, 40408, "Subject 's' does not have subject-level compatibility configured");
    assertJson(get("/config/s?defaultToGlobal=true"), 200, "{\"compatibilityLevel\":\"BACKWARD\"}");
    assertJson(put("/config/s", "{\"compatibility\": \"FULL\"}"), 200, "{\"compatibility\":\"FULL\"}");
    assertJson(get("/config/s"), 200, "{\"compatibilityLevel\":\"FULL\"}");
    assertJson(put("/config/s", "{\"normalize\": \"true\", \"alias\": 5}"), 200, "{\"normalize\":true,\"alias\":\"5\"}");
    assertJson(get("/config/s"), 200, "{\"compatibilityLevel\":\"FULL\",\"normalize\":true,\"alias\":\"5\"}");
    assertJson(delete("/config/s"), 200, "{\"compatibilityLevel\":\"FULL\",\"normalize\":true,\"alias\":\"5\"}");
    assertError(get("/config/s"), 404, 40408);
    assertError(delete("/config/s"), 404, 40401, "Subject 's' not found.");
  }

  @Test
  void metadataInConfigIsCanonical() {
    assertJson(put("/config/s", "{\"compatibility\": \"FULL\", \"defaultMetadata\": {\"properties\": {\"a\": 1}}}"),
        200, "{\"compatibility\":\"FULL\",\"defaultMetadata\":{\"properties\":{\"a\":\"1\"}}}");
    assertJson(get("/config/s"), 200,
        "{\"compatibilityLevel\":\"FULL\",\"defaultMetadata\":{\"properties\":{\"a\":\"1\"}}}");
  }

  @Test
  void subjectConfigWithoutALevelShowsTheDefaultLevel() {
    put("/config", "{\"compatibility\": \"NONE\"}");
    assertJson(put("/config/s", "{\"normalize\": true}"), 200, "{\"normalize\":true}");
    assertJson(get("/config/s"), 200, "{\"compatibilityLevel\":\"BACKWARD\",\"normalize\":true}");
  }

  @Test
  void readOnlySubjectRefusesConfigChanges() {
    register("s", STRING);
    put("/mode/s", "{\"mode\": \"READONLY\"}");
    assertError(put("/config/s", "{\"compatibility\": \"NONE\"}"), 422, 42205, "Subject s is in read-only mode");
  }

  @Test
  void subjectNamesInConfigPathsAreDecoded() {
    assertJson(put("/config/a%2Fb%20c", "{\"compatibility\": \"NONE\"}"), 200, "{\"compatibility\":\"NONE\"}");
    assertJson(get("/config/a%2Fb%20c"), 200, "{\"compatibilityLevel\":\"NONE\"}");
    assertError(put("/config/__GLOBAL", "{\"compatibility\": \"NONE\"}"), 422, 42208);
  }
}
