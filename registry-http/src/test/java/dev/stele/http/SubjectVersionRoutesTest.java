package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /subjects/{s}/versions...} (../shared/conformance scenario versions, delete-version, reg-body). */
class SubjectVersionRoutesTest extends HttpTestBase {
  private static final String USER_TEXT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";

  @Test
  void registersAndAnswersWithTheIdOnly() {
    assertJson(post("/subjects/s/versions", USER), 200, "{\"id\":1}");
    assertJson(post("/subjects/s/versions", USER), 200, "{\"id\":1}");
    assertJson(post("/subjects/t/versions", USER), 200, "{\"id\":1}");
    assertJson(post("/subjects/s/versions", USER_AGE), 200, "{\"id\":2}");
    assertJson(get("/subjects/s/versions"), 200, "[1,2]");
  }

  @Test
  void incompatibleRegistrationIs409WithTheMessages() {
    register("s", USER);
    Reply reply = post("/subjects/s/versions", USER_INT);
    assertError(reply, 409, 409);
    assertThat(reply.json().get("message").asText()).startsWith(
        "Schema being registered is incompatible with an earlier schema for subject \"s\", details: [")
        .contains("{oldSchemaVersion: 1}", "{validateFields: 'false', compatibility: 'BACKWARD'}");
    assertJson(get("/subjects/s/versions"), 200, "[1]");
  }

  @Test
  void registrationWithMetadataAnswersWithTheWholeVersion() {
    Reply reply = post("/subjects/m/versions",
        "{\"schema\": \"\\\"string\\\"\", \"metadata\": {\"properties\": {\"owner\": \"x\"}}}");
    assertJson(reply, 200, "{\"id\":1,\"version\":1,\"metadata\":{\"properties\":{\"owner\":\"x\"}},"
        + "\"schema\":\"\\\"string\\\"\"}");
    assertJson(get("/subjects/m/versions/1"), 200, "{\"subject\":\"m\",\"version\":1,\"id\":1,"
        + "\"metadata\":{\"properties\":{\"owner\":\"x\"}},\"schema\":\"\\\"string\\\"\"}");
  }

  /** ../shared/conformance scenario reg-metadata #0-#2, confluent-version #0-#1. */
  @Test
  void theWholeVersionAnswersOnlyWhatTheRegistryFilledIn() {
    String withOwner = "{\"schema\": \"\\\"string\\\"\", \"metadata\": {\"properties\": {\"owner\": \"x\"}}}";
    String whole = "{\"id\":1,\"version\":1,\"metadata\":{\"properties\":{\"owner\":\"x\"}},"
        + "\"schema\":\"\\\"string\\\"\"}";
    assertJson(post("/subjects/m/versions", withOwner), 200, whole);
    assertJson(post("/subjects/m/versions", withOwner), 200, "{\"id\":1}");
    assertJson(post("/subjects/m/versions", STRING), 200, whole);
    assertJson(post("/subjects/v/versions", "{\"schema\": \"\\\"int\\\"\", \"version\": -1}"), 200,
        "{\"id\":2,\"version\":1,\"metadata\":{\"properties\":{\"confluent:version\":\"1\"}},"
            + "\"schema\":\"\\\"int\\\"\"}");
    assertJson(post("/subjects/v/versions", "{\"schema\": \"\\\"int\\\"\", \"version\": -1}"), 200, "{\"id\":2}");
  }

  /** ../shared/conformance scenario alias-filter: every subject path of an alias is its target's. */
  @Test
  void anAliasStandsForItsTargetOnEverySubjectPath() {
    register("target", USER);
    put("/config/alias", "{\"alias\": \"target\"}");
    assertThat(register("alias", USER_AGE)).isEqualTo(2);
    assertJson(get("/subjects/alias/versions"), 200, "[1,2]");
    assertThat(get("/subjects/alias/versions/1").json().get("subject").asText()).isEqualTo("target");
    assertThat(post("/subjects/alias", USER).json().get("version").asInt()).isEqualTo(1);
    assertThat(post("/compatibility/subjects/alias/versions/latest", USER_INT).json()
        .get("is_compatible").asBoolean()).isFalse();
    assertJson(get("/schemas/ids/1?subject=alias"), 200, "{\"subject\":\"target\",\"version\":1,"
        + "\"schema\":" + JSON.valueToTree(USER_TEXT) + "}");
    assertJson(delete("/subjects/alias/versions/2"), 200, "2");
    assertJson(get("/subjects/target/versions"), 200, "[1]");
    // Config and mode of the alias stay its own.
    assertThat(get("/config/alias").json().get("alias").asText()).isEqualTo("target");
    put("/mode/alias", "{\"mode\": \"READONLY\"}");
    assertError(get("/mode/target"), 404, 40409);
  }

  @Test
  void readsVersionsByNumberLatestAndMinusOne() {
    register("s", USER);
    register("s", USER_AGE);
    String v1 = "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":" + JSON.valueToTree(USER_TEXT) + "}";
    assertJson(get("/subjects/s/versions/1"), 200, v1);
    assertJson(get("/subjects/s/versions/01"), 200, v1);
    assertJson(get("/subjects/s/versions/+1"), 200, v1);
    assertJson(get("/subjects/s/versions/1%20"), 200, v1);
    for (String latest : new String[] {"latest", "LATEST", "Latest", "-1"}) {
      Reply reply = get("/subjects/s/versions/" + latest);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().get("version").asInt()).isEqualTo(2);
    }
    assertError(get("/subjects/s/versions/3"), 404, 40402, "Version 3 not found.");
    assertError(get("/subjects/s/versions/2147483647"), 404, 40402);
    assertError(get("/subjects/missing/versions/1"), 404, 40401, "Subject 'missing' not found.");
    assertError(get("/subjects/missing/versions"), 404, 40401);
  }

  @ParameterizedTest(name = "version {0} -> 42202")
  @ValueSource(strings = {"0", "-2", "abc", "1.0", "2147483648", "99999999999", "%20"})
  void invalidVersionsAre42202(String version) {
    register("s", USER);
    Reply reply = get("/subjects/s/versions/" + version);
    assertError(reply, 422, 42202);
    assertThat(reply.json().get("message").asText()).startsWith("The specified version '");
    assertError(get("/subjects/s/versions/" + version + "/schema"), 422, 42202);
    assertError(delete("/subjects/s/versions/" + version), 422, 42202);
  }

  @Test
  void rawSchemaIsTheSchemaTextItself() {
    register("s", USER);
    Reply reply = get("/subjects/s/versions/1/schema");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo(USER_TEXT);
    assertThat(get("/subjects/s/versions/latest/schema").body()).isEqualTo(USER_TEXT);
    assertError(get("/subjects/s/versions/3/schema"), 404, 40402);
  }

  @Test
  void softDeletedVersionsAreHiddenUnlessAskedFor() {
    register("s", USER);
    register("s", USER_AGE);
    assertJson(delete("/subjects/s/versions/1"), 200, "1");
    assertJson(get("/subjects/s/versions"), 200, "[2]");
    assertJson(get("/subjects/s/versions?deleted=true"), 200, "[1,2]");
    assertJson(get("/subjects/s/versions?deleted=TRUE"), 200, "[1,2]");
    assertJson(get("/subjects/s/versions?deleted=yes"), 200, "[2]");
    assertJson(get("/subjects/s/versions?deletedOnly=true"), 200, "[1]");
    assertJson(get("/subjects/s/versions?deletedAsNegative=true"), 200, "[-1,2]");
    assertError(get("/subjects/s/versions/1"), 404, 40402);
    assertThat(get("/subjects/s/versions/1?deleted=true").json().get("version").asInt()).isEqualTo(1);
    assertThat(get("/subjects/s/versions/1/schema?deleted=true").body()).isEqualTo(USER_TEXT);
    assertJson(get("/schemas/ids/1"), 200, "{\"schema\":" + JSON.valueToTree(USER_TEXT) + "}");
  }

  @Test
  void deleteVersionStateMachine() {
    register("s", USER);
    register("s", USER_AGE);
    assertError(delete("/subjects/s/versions/1?permanent=true"), 404, 40407,
        "Subject 's' Version 1 was not deleted first before being permanently deleted");
    assertJson(delete("/subjects/s/versions/1"), 200, "1");
    assertError(delete("/subjects/s/versions/1"), 404, 40406,
        "Subject 's' Version 1 was soft deleted.Set permanent=true to delete permanently");
    assertJson(delete("/subjects/s/versions/1?permanent=true"), 200, "1");
    assertError(delete("/subjects/s/versions/1?permanent=true"), 404, 40402);
    assertJson(delete("/subjects/s/versions/latest"), 200, "2");
    assertError(delete("/subjects/missing/versions/1"), 404, 40401);
  }

  @Test
  void versionNumbersCountSoftDeletedOnesButNotPermanentlyDeletedOnes() {
    put("/config/s", "{\"compatibility\": \"NONE\"}");
    register("s", USER);
    register("s", USER_AGE);
    delete("/subjects/s/versions/2");
    register("s", USER_INT);
    assertJson(get("/subjects/s/versions?deleted=true"), 200, "[1,2,3]");
    delete("/subjects/s/versions/3");
    delete("/subjects/s/versions/3?permanent=true");
    delete("/subjects/s/versions/2?permanent=true");
    register("s", USER_AGE);
    assertJson(get("/subjects/s/versions"), 200, "[1,2]");
  }

  @Test
  void softDeletedIdsStayReadableByIdUntilPermanentDelete() {
    int id = register("s", USER);
    delete("/subjects/s");
    assertThat(get("/schemas/ids/" + id).status()).isEqualTo(200);
    delete("/subjects/s?permanent=true");
    assertError(get("/schemas/ids/" + id), 404, 40403, "Schema " + id + " not found");
  }

  @Test
  void referencedByListsIdsOfReferringSchemas() {
    register("s", USER);
    assertJson(get("/subjects/s/versions/1/referencedby"), 200, "[]");
    assertError(get("/subjects/s/versions/9/referencedby"), 404, 40402);
  }

  @ParameterizedTest(name = "body [{0}] -> {1}/{2}")
  @CsvSource(delimiter = '|', value = {
      "'' | 422 | 422",
      "'   ' | 422 | 422",
      "null | 422 | 422",
      "{ | 400 | 400",
      "[] | 400 | 400",
      "'\"string\"' | 400 | 400",
      "42 | 400 | 400",
      "{} | 422 | 42201",
      "{\"schema\": null} | 422 | 42201",
      "{\"schema\": \"\"} | 422 | 42201",
      "{\"schema\": {\"type\": \"string\"}} | 400 | 400",
      "{\"schema\": \"\\\"string\\\"\", \"references\": {}} | 400 | 400",
      "{\"schema\": \"\\\"string\\\"\", \"version\": \"x\"} | 400 | 400",
      "{\"schema\": \"\\\"string\\\"\", \"schemaType\": 5} | 422 | 42201",
      "{\"schema\": \"\\\"string\\\"\", \"unknownField\": 1} | 200 | 0",
      "{\"schema\": \"\\\"string\\\"\", \"references\": null} | 200 | 0",
      "{\"schema\": \"\\\"int\\\"\", \"references\": [{\"name\": \"a\", \"subject\": \"b\"}]} | 422 | 42201",
  })
  void oddBodies(String body, int status, int code) {
    Reply reply = post("/subjects/b/versions", body);
    if (status == 200) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    } else {
      assertError(reply, status, code);
    }
    if (code == 422) {
      assertThat(reply.json().get("message").asText()).isEqualTo("Invalid request body: the body is required");
    }
  }

  @ParameterizedTest(name = "subject {0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "with%20space | with space",
      "slash%2Finside | slash/inside",
      "unicode-%C3%A9%E4%B8%AD | unicode-\u00e9\u4e2d",
      "%25percent | %percent",
      "plus%2Bsign | plus+sign",
      "plus+raw | plus+raw",
      "q%3Fmark | q?mark",
      "hash%23tag | hash#tag",
      "semi%3Bcolon | semi;colon",
      "amp%26er | amp&er",
      "quote%22d | quote\"d",
      "back%5Cslash | back\\slash",
      "colon%3Amid | colon:mid",
      "trailing%20 | 'trailing '",
      "%3A.ctx%3Aname | :.ctx:name",
  })
  void subjectNamesAreDecodedFromThePath(String encoded, String decoded) {
    assertJson(post("/subjects/" + encoded + "/versions", STRING), 200, "{\"id\":1}");
    Reply reply = get("/subjects/" + encoded + "/versions/1");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("subject").asText()).isEqualTo(decoded);
    assertThat(get("/subjects").json().toString()).contains(JSON.valueToTree(decoded).toString());
  }

  @Test
  void controlCharactersMakeAnInvalidSubject() {
    assertError(post("/subjects/tab%09here/versions", STRING), 422, 42208,
        "The specified subject 'tab\there' is not a valid.");
    assertError(get("/subjects/tab%09here/versions"), 404, 40401);
  }
}
