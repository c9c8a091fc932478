package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code /subjects} and {@code /subjects/{s}} (../shared/conformance scenario subjects-list, delete-subject). */
class SubjectRoutesTest extends HttpTestBase {

  @Test
  void listsSubjectsWithFiltersAndPaging() {
    for (int i = 0; i < 4; i++) {
      register("l.s" + i, STRING);
    }
    delete("/subjects/l.s1");
    delete("/subjects/l.s2/versions/1");
    assertJson(get("/subjects"), 200, "[\"l.s0\",\"l.s3\"]");
    assertJson(get("/subjects?subjectPrefix=l"), 200, "[\"l.s0\",\"l.s3\"]");
    assertJson(get("/subjects?subjectPrefix=l&deleted=true"), 200, "[\"l.s0\",\"l.s1\",\"l.s2\",\"l.s3\"]");
    assertJson(get("/subjects?subjectPrefix=l&deletedOnly=true"), 200, "[\"l.s1\",\"l.s2\"]");
    assertJson(get("/subjects?subjectPrefix=l&offset=1"), 200, "[\"l.s3\"]");
    assertJson(get("/subjects?subjectPrefix=l&limit=1"), 200, "[\"l.s0\"]");
    assertJson(get("/subjects?subjectPrefix=l&limit=%2B1"), 200, "[\"l.s0\"]");
    assertJson(get("/subjects?subjectPrefix=l&offset=0&offset=5"), 200, "[\"l.s0\",\"l.s3\"]");
    assertJson(get("/subjects?subjectPrefix=l&offset=100"), 200, "[]");
    assertError(get("/subjects?limit=x"), 404, 404, "HTTP 404 Not Found");
    assertError(get("/subjects?limit=1.0"), 404, 404);
    assertError(get("/subjects?limit=%201"), 404, 404);
  }

  @Test
  void looksUpASchemaUnderASubject() {
    register("s", USER);
    register("s", USER_AGE);
    Reply reply = post("/subjects/s", USER);
    assertJson(reply, 200, "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":"
        + JSON.valueToTree("{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}") + "}");
    assertError(post("/subjects/s", USER_INT), 404, 40403, "Schema not found");
    assertError(post("/subjects/missing", USER), 404, 40401, "Subject 'missing' not found.");
    assertError(post("/subjects/s", ""), 422, 422);
    assertError(post("/subjects/s", "{"), 400, 400);
    // Confluent 8.5 parses no missing or empty text for a lookup: nothing matches it.
    assertError(post("/subjects/s", "{}"), 404, 40403, "Schema not found");
    assertError(post("/subjects/s", "{\"schema\": \"\"}"), 404, 40403, "Schema not found");
  }

  @Test
  void lookupFindsSoftDeletedVersionsOnlyWhenAsked() {
    register("s", USER);
    register("s", USER_AGE);
    delete("/subjects/s/versions/1");
    assertError(post("/subjects/s", USER), 404, 40403);
    Reply reply = post("/subjects/s?deleted=true", USER);
    assertJson(reply, 200, "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":"
        + JSON.valueToTree("{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}") + "}");
  }

  @Test
  void deleteSubjectStateMachine() {
    register("s", USER);
    register("s", USER_AGE);
    assertError(delete("/subjects/s?permanent=true"), 404, 40405,
        "Subject 's' was not deleted first before being permanently deleted");
    assertJson(delete("/subjects/s"), 200, "[1,2]");
    assertError(delete("/subjects/s"), 404, 40404,
        "Subject 's' was soft deleted.Set permanent=true to delete permanently");
    assertError(get("/subjects/s/versions"), 404, 40401);
    assertJson(get("/subjects/s/versions?deleted=true"), 200, "[1,2]");
    assertJson(get("/subjects?deleted=true"), 200, "[\"s\"]");
    assertJson(delete("/subjects/s?permanent=true"), 200, "[1,2]");
    assertError(delete("/subjects/s?permanent=true"), 404, 40401);
    assertError(delete("/subjects/never"), 404, 40401, "Subject 'never' not found.");
    assertJson(get("/subjects?deleted=true"), 200, "[]");
  }

  /** ../shared/conformance scenario metadata-lookup: the i-th key pairs with the i-th value. */
  @Test
  void findsTheNewestVersionWithMetadataProperties() {
    put("/config/m", "{\"compatibility\": \"NONE\"}");
    post("/subjects/m/versions", "{\"schema\": \"\\\"string\\\"\", \"metadata\": {\"properties\": {\"a\": \"1\", \"b\": \"2\"}}}");
    post("/subjects/m/versions", "{\"schema\": \"\\\"int\\\"\", \"metadata\": {\"properties\": {\"a\": \"1\", \"b\": \"3\"}}}");
    assertThat(get("/subjects/m/metadata?key=a&value=1").json().get("version").asInt()).isEqualTo(2);
    assertJson(get("/subjects/m/metadata?key=a&value=1&key=b&value=2"), 200,
        "{\"subject\":\"m\",\"version\":1,\"id\":1,\"metadata\":{\"properties\":{\"a\":\"1\",\"b\":\"2\"}},"
            + "\"schema\":\"\\\"string\\\"\"}");
    assertThat(get("/subjects/m/metadata?key=a&value=1&key=b").json().get("version").asInt()).isEqualTo(2);
    assertThat(get("/subjects/m/metadata?value=2").json().get("version").asInt()).isEqualTo(2);
    assertThat(get("/subjects/m/metadata?key=a&value=1&format=serialized").json().get("version").asInt()).isEqualTo(2);
    assertError(get("/subjects/m/metadata?key=zz&value=1"), 404, 40403, "Schema not found");
    assertError(get("/subjects/missing/metadata?key=a&value=1"), 404, 40401, "Subject 'missing' not found.");
  }

  /** ../shared/conformance scenario cross-context-reads #4-#5. */
  @Test
  void lookupFallsBackToOtherContexts() {
    register(":.x:s", USER);
    assertThat(post("/subjects/s", USER).json().get("subject").asText()).isEqualTo(":.x:s");
    assertError(post("/subjects/s", USER_INT), 404, 40401, "Subject 's' not found.");
  }
}
