package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code /compatibility} (../shared/conformance scenario compat-endpoint, compat-types). */
class CompatibilityRoutesTest extends HttpTestBase {
  private static final String OLD_TEXT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
  private static final String MISMATCH = "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type')"
      + " of a field in the new schema does not match with the old schema', additionalInfo:'reader type: INT"
      + " not compatible with writer type: STRING'}";

  @Test
  void anEmptySubjectIsCompatibleWithAnything() {
    assertJson(post("/compatibility/subjects/missing/versions", STRING), 200, "{\"is_compatible\":true}");
    assertJson(post("/compatibility/subjects/missing/versions/latest", STRING), 200, "{\"is_compatible\":true}");
  }

  @Test
  void aNumberedVersionOfAnEmptySubjectIsAMissingVersion() {
    assertError(post("/compatibility/subjects/missing/versions/1", STRING), 404, 40402, "Version 1 not found.");
  }

  @Test
  void checksAgainstOneVersionOrTheLevel() {
    register("s", USER);
    for (String path : new String[] {"/versions/1", "/versions/latest", "/versions/-1", "/versions", "/versions/"}) {
      assertJson(post("/compatibility/subjects/s" + path, USER_INT), 200, "{\"is_compatible\":false}");
      assertJson(post("/compatibility/subjects/s" + path, USER_AGE), 200, "{\"is_compatible\":true}");
    }
    assertError(post("/compatibility/subjects/s/versions/2", USER_INT), 404, 40402);
    assertError(post("/compatibility/subjects/s/versions/0", USER_INT), 422, 42202);
    assertError(post("/compatibility/subjects/s/versions/abc", USER_INT), 422, 42202);
  }

  @Test
  void verboseListsTheMessages() {
    register("s", USER);
    Reply reply = post("/compatibility/subjects/s/versions?verbose=true", USER_INT);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("is_compatible").asBoolean()).isFalse();
    assertThat(reply.json().get("messages")).extracting(node -> node.asText()).containsExactly(
        MISMATCH, "{oldSchemaVersion: 1}", "{oldSchema: '" + OLD_TEXT + "'}",
        "{validateFields: 'false', compatibility: 'BACKWARD'}");
    assertJson(post("/compatibility/subjects/s/versions/latest?verbose=true", USER_AGE), 200,
        "{\"is_compatible\":true,\"messages\":[]}");
    assertJson(post("/compatibility/subjects/s/versions?verbose=1", USER_INT), 200, "{\"is_compatible\":false}");
  }

  @Test
  void verboseReportsAnUnparsableSchemaAsAMessage() {
    register("s", USER);
    String broken = "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\"}";
    assertError(post("/compatibility/subjects/s/versions", broken), 422, 42201);
    Reply reply = post("/compatibility/subjects/s/versions/latest?verbose=true", broken);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("is_compatible").asBoolean()).isFalse();
    assertThat(reply.json().get("messages").get(0).asText()).startsWith("Invalid schema");
  }

  @Test
  void bodyErrors() {
    register("s", USER);
    assertError(post("/compatibility/subjects/s/versions", ""), 422, 422,
        "Invalid request body: the body is required");
    assertError(post("/compatibility/subjects/s/versions", "{}"), 422, 42201, "Empty schema");
    assertError(post("/compatibility/subjects/s/versions/1", "["), 400, 400);
    String withUnknownField = USER.substring(0, USER.length() - 1) + ", \"unknown\": 1}";
    assertJson(post("/compatibility/subjects/s/versions/latest", withUnknownField), 200,
        "{\"is_compatible\":true}");
  }

  @Test
  void softDeletedVersionsAreNotCheckedAgainst() {
    register("s", USER);
    delete("/subjects/s/versions/1");
    assertJson(post("/compatibility/subjects/s/versions", USER_INT), 200, "{\"is_compatible\":true}");
    assertJson(post("/compatibility/subjects/s/versions/latest", USER_INT), 200, "{\"is_compatible\":true}");
  }
}
