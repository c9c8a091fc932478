package dev.stele.http;

import org.junit.jupiter.api.Test;

/** {@code /mode} (../shared/conformance scenario mode-global, mode-subject). */
class ModeRoutesTest extends HttpTestBase {
  private static final String INVALID_MODE = "Invalid mode. Valid values are READWRITE, READONLY, and IMPORT.";

  @Test
  void globalModeAndReadOnlyRefusingWrites() {
    register("s", STRING);
    assertJson(get("/mode"), 200, "{\"mode\":\"READWRITE\"}");
    assertJson(put("/mode", "{\"mode\": \"READONLY\"}"), 200, "{\"mode\":\"READONLY\"}");
    assertJson(get("/mode"), 200, "{\"mode\":\"READONLY\"}");
    assertError(post("/subjects/s/versions", INT), 422, 42205, "Subject s is in read-only mode");
    assertError(delete("/subjects/s"), 422, 42205);
    assertError(delete("/subjects/s/versions/1"), 422, 42205);
    assertError(put("/config/s", "{\"compatibility\": \"NONE\"}"), 422, 42205);
    // reads still work, lookups included
    assertJson(post("/subjects/s", STRING), 200,
        "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\"}");
    assertJson(get("/subjects/s/versions"), 200, "[1]");
    assertJson(put("/mode", "{\"mode\": \"READWRITE\"}"), 200, "{\"mode\":\"READWRITE\"}");
    assertJson(get("/mode?defaultToGlobal=true"), 200, "{\"mode\":\"READWRITE\"}");
  }

  /** ../shared/conformance scenario mode-scopes #11-#16. */
  @Test
  void aGlobalReadonlyOverrideIsEveryScopesMode() {
    register("s", STRING);
    put("/mode/s", "{\"mode\": \"READWRITE\"}");
    put("/mode", "{\"mode\": \"READONLY_OVERRIDE\"}");
    assertJson(get("/mode/s"), 200, "{\"mode\":\"READONLY_OVERRIDE\"}");
    assertJson(get("/mode/other"), 200, "{\"mode\":\"READONLY_OVERRIDE\"}");
    assertError(post("/subjects/s/versions", INT), 422, 42205, "Subject s is in read-only mode");
    assertJson(delete("/mode/other"), 200, "{\"mode\":\"READONLY_OVERRIDE\"}");
    put("/mode", "{\"mode\": \"READWRITE\"}");
    assertJson(get("/mode/s"), 200, "{\"mode\":\"READWRITE\"}");
  }

  @Test
  void modeNamesAreCaseInsensitiveAndEchoedAsSent() {
    assertJson(put("/mode", "{\"mode\": \"readwrite\"}"), 200, "{\"mode\":\"readwrite\"}");
    assertJson(put("/mode/s", "{\"mode\": \"ReadOnly\"}"), 200, "{\"mode\":\"ReadOnly\"}");
    assertJson(get("/mode/s"), 200, "{\"mode\":\"READONLY\"}");
  }

  @Test
  void importNeedsForceWhenSubjectsExist() {
    register("s", STRING);
    assertError(put("/mode", "{\"mode\": \"IMPORT\"}"), 422, 42205, "Cannot import since found existing subjects");
    assertJson(put("/mode?force=true", "{\"mode\": \"IMPORT\"}"), 200, "{\"mode\":\"IMPORT\"}");
    assertJson(get("/mode"), 200, "{\"mode\":\"IMPORT\"}");
  }

  @Test
  void badModes() {
    assertError(put("/mode", "{\"mode\": \"NOPE\"}"), 422, 42204, INVALID_MODE);
    assertError(put("/mode", "{\"mode\": \"\"}"), 422, 42204, INVALID_MODE);
    assertError(put("/mode/s", "{\"mode\": 5}"), 422, 42204, INVALID_MODE);
    assertError(put("/mode", "{"), 400, 400);
    assertError(put("/mode/s", "[]"), 400, 400);
    assertError(put("/mode", ""), 422, 422, "Invalid request body: the body is required");
    assertJson(put("/mode", "{\"mode\": \"READWRITE\", \"extra\": 1}"), 200, "{\"mode\":\"READWRITE\"}");
  }

  @Test
  void subjectModeAndDefaultToGlobal() {
    register("s", STRING);
    assertError(get("/mode/s"), 404, 40409, "Subject 's' does not have subject-level mode configured");
    assertJson(get("/mode/s?defaultToGlobal=true"), 200, "{\"mode\":\"READWRITE\"}");
    assertJson(put("/mode/s", "{\"mode\": \"READONLY\"}"), 200, "{\"mode\":\"READONLY\"}");
    assertJson(get("/mode/s"), 200, "{\"mode\":\"READONLY\"}");
    assertError(post("/subjects/s/versions", INT), 422, 42205, "Subject s is in read-only mode");
    assertJson(post("/subjects/other/versions", INT), 200, "{\"id\":2}");
    assertJson(post("/compatibility/subjects/s/versions", INT), 200, "{\"is_compatible\":false}");
    assertJson(delete("/mode/s"), 200, "{\"mode\":\"READONLY\"}");
    assertError(get("/mode/s"), 404, 40409);
    assertError(delete("/mode/s"), 404, 40401, "Subject 's' not found.");
    assertJson(put("/mode/never", "{\"mode\": \"IMPORT\"}"), 200, "{\"mode\":\"IMPORT\"}");
  }

  /** Confluent 8.x: DELETE /mode answers the global mode in force before; 7.9 answered 405. */
  @Test
  void deletingTheGlobalModeAnswersTheModeItTookAway() {
    assertJson(delete("/mode"), 200, "{\"mode\":\"READWRITE\"}");
    assertJson(put("/mode", "{\"mode\": \"READONLY\"}"), 200, "{\"mode\":\"READONLY\"}");
    assertJson(put("/mode/s", "{\"mode\": \"IMPORT\"}"), 200, "{\"mode\":\"IMPORT\"}");
    assertJson(put("/mode/%3A.c%3At", "{\"mode\": \"READONLY\"}"), 200, "{\"mode\":\"READONLY\"}");
    assertJson(delete("/mode"), 200, "{\"mode\":\"READONLY\"}");
    assertJson(get("/mode"), 200, "{\"mode\":\"READWRITE\"}");
    assertJson(get("/mode/s"), 200, "{\"mode\":\"IMPORT\"}"); // not recursive: kept
    assertJson(delete("/mode?recursive=true"), 200, "{\"mode\":\"READWRITE\"}");
    assertError(get("/mode/s"), 404, 40409);
    // recursive reaches the default context only
    assertJson(get("/mode/%3A.c%3At"), 200, "{\"mode\":\"READONLY\"}");
  }
}
