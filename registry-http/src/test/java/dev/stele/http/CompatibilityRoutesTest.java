package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

  @Test
  void stelesEveryLevelAnswersTheSubjectsVerdictAndOnePerLevel() {
    put("/config/s", "{\"compatibility\":\"NONE\"}");
    register("s", USER_INT);
    register("s", USER);
    Reply reply = post("/v1/compatibility/subjects/s", USER);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("compatibility").asText()).isEqualTo("NONE");
    assertThat(reply.json().get("is_compatible").asBoolean()).isTrue();
    JsonNode levels = reply.json().get("levels");
    assertThat(levels).extracting(l -> l.get("compatibility").asText() + " " + l.get("is_compatible").asBoolean())
        .containsExactly("NONE true", "BACKWARD true", "BACKWARD_TRANSITIVE false", "FORWARD true",
            "FORWARD_TRANSITIVE false", "FULL true", "FULL_TRANSITIVE false");
    // The messages are the verbose check's, echoing the level judged at.
    assertThat(levels.get(2).get("messages")).extracting(JsonNode::asText).contains(
        "{oldSchemaVersion: 1}", "{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}");
    assertThat(levels.get(2).get("messages").get(0).asText()).startsWith("{errorType:'TYPE_MISMATCH'");
    assertJson(get("/config/s"), 200, "{\"compatibilityLevel\":\"NONE\"}");
    assertJson(get("/subjects/s/versions"), 200, "[1,2]");
  }

  @Test
  void stelesEveryLevelTreatsABadBodyAsTheVerboseCheckDoes() {
    assertError(post("/v1/compatibility/subjects/s", "["), 400, 400);
    assertError(post("/v1/compatibility/subjects/s", ""), 422, 422, "Invalid request body: the body is required");
    // As in the verbose check: a schema that is not one is said in each verdict.
    assertThat(post("/v1/compatibility/subjects/s", "{}").json().get("levels"))
        .allSatisfy(l -> assertThat(l.get("messages").get(0).asText()).isEqualTo("Empty schema"));
    Reply unparsable = post("/v1/compatibility/subjects/s", "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\"}");
    assertThat(unparsable.status()).isEqualTo(200);
    assertThat(unparsable.json().get("levels")).allSatisfy(l -> {
      assertThat(l.get("is_compatible").asBoolean()).isFalse();
      assertThat(l.get("messages").get(0).asText()).startsWith("Invalid schema");
    });
    Reply empty = post("/v1/compatibility/subjects/empty", USER);
    assertThat(empty.json().get("compatibility").asText()).isEqualTo("BACKWARD");
    assertThat(empty.json().get("levels")).hasSize(7).allSatisfy(l -> assertThat(l.get("is_compatible").asBoolean()).isTrue());
  }
}
