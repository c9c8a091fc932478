package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code POST /subjects/{s}/versions/{v}/tags} and {@code schemaTagsToAdd} on a registration
 * (../shared/conformance scenarios tags-avro, tags-namespaced).
 */
class SchemaTagRoutesTest extends HttpTestBase {
  private static final String PII_NAME =
      "{\"schemaEntity\":{\"entityPath\":\"User.name\",\"entityType\":\"sr_field\"},\"tags\":[\"PII\"]}";

  @Test
  void taggingAVersionRegistersTheTaggedSchemaAndAnswersWithTheWholeVersion() {
    register("s", USER);
    Reply reply = post("/subjects/s/versions/1/tags", "{\"newVersion\":2,\"tagsToAdd\":[" + PII_NAME + "]}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("version").asInt()).isEqualTo(2);
    assertThat(reply.json().get("metadata").toString()).isEqualTo("{\"properties\":{\"confluent:version\":\"2\"}}");
    assertThat(reply.json().get("schema").asText()).isEqualTo("{\"type\":\"record\",\"name\":\"User\","
        + "\"fields\":[{\"name\":\"name\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]}]}");
    assertThat(get("/subjects/s/versions/latest").json().get("schema").asText()).contains("confluent:tags");
  }

  @Test
  void refusalsCarryConfluentCodes() {
    register("s", USER);
    assertError(post("/subjects/s/versions/1/tags", "{\"newVersion\":9}"), 422, 42201,
        "Version is not one more than previous version");
    assertError(post("/subjects/s/versions/1/tags",
        "{\"tagsToAdd\":[{\"schemaEntity\":{\"entityPath\":\"User.nope\",\"entityType\":\"sr_field\"},\"tags\":[\"X\"]}]}"),
        422, 42201, "No matching path 'User.nope' found in the schema");
    assertError(post("/subjects/s/versions/1/tags", "{\"tagsToAdd\":[{\"tags\":[\"X\"]}]}"), 422, 42201,
        "Invalid schema tags: tagsToAdd[0] has no schemaEntity");
    assertError(post("/subjects/s/versions/1/tags",
        "{\"tagsToAdd\":[{\"schemaEntity\":{\"entityPath\":\"User\",\"entityType\":\"sr_table\"}}]}"), 400, 400);
    assertError(post("/subjects/s/versions/1/tags", "{\"ruleSet\":{},\"rulesToRemove\":[\"r\"]}"), 422, 42210,
        "ruleSet should be omitted if specifying rulesToMerge or rulesToRemove");
    assertError(post("/subjects/s/versions/9/tags", "{}"), 404, 40402);
    assertError(post("/subjects/s/versions/abc/tags", "{}"), 422, 42202);
    assertError(post("/subjects/nope/versions/1/tags", "{}"), 404, 40401);
    assertError(post("/subjects/s/versions/1/tags", ""), 422, 422);
    assertJson(get("/subjects/s/versions"), 200, "[1]");
  }

  @Test
  void aRegistrationCanAddTagsAndPropagateTheLatestOnes() {
    register("s", USER);
    Reply tagged = post("/subjects/s/versions", "{\"schema\":" + quoted(USER) + ",\"schemaTagsToAdd\":[" + PII_NAME + "]}");
    assertThat(tagged.json().get("version").asInt()).isEqualTo(2);

    Reply next = post("/subjects/s/versions", "{\"schema\":" + quoted(USER_AGE) + ",\"propagateSchemaTags\":true}");
    assertThat(next.status()).isEqualTo(200);
    assertThat(get("/subjects/s/versions/3").json().get("schema").asText())
        .contains("{\"name\":\"name\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]}");
  }

  /** The schema text of a registration body, as a JSON string again. */
  private static String quoted(String body) {
    return body.substring(body.indexOf(':') + 1, body.lastIndexOf('}')).trim();
  }
}
