package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /schemas...} (../shared/conformance scenario schemas-by-id, schemas-list). */
class SchemaRoutesTest extends HttpTestBase {
  private static final String USER_TEXT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";

  @Test
  void readsASchemaById() {
    int id = register("s", USER);
    String expected = "{\"guid\":\"" + get("/schemas/ids/" + id).json().get("guid").asText()
        + "\",\"schema\":" + JSON.valueToTree(USER_TEXT) + "}";
    assertJson(get("/schemas/ids/" + id), 200, expected);
    assertJson(get("/schemas/ids/" + id), 200, expected);
    // Confluent 8.5 names the version with ?subject=: that subject's, else the first using the id.
    String named = "{\"subject\":\"s\",\"version\":1," + expected.substring(1);
    assertJson(get("/schemas/ids/" + id + "?subject=s"), 200, named);
    assertJson(get("/schemas/ids/" + id + "?subject=other"), 200, named);
    assertThat(get("/schemas/ids/" + id).json().get("deleted").asBoolean()).isFalse();
    assertThat(get("/schemas/ids/" + id).json().get("ts").asLong()).isPositive();
    assertJson(get("/schemas/ids/" + id + "?format=resolved"), 200, expected);
    assertJson(get("/schemas/ids/" + id + "?format=nope"), 200, expected);
    assertJson(get("/schemas/ids/" + id + "?fetchMaxId=true"), 200,
        "{\"schema\":" + JSON.valueToTree(USER_TEXT) + ",\"maxId\":" + id + "}");
  }

  @Test
  void rawSchemaById() {
    int id = register("s", USER);
    Reply reply = get("/schemas/ids/" + id + "/schema");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo(USER_TEXT);
    assertThat(get("/schemas/ids/" + id + "/schema?format=nope").body()).isEqualTo(USER_TEXT);
    assertError(get("/schemas/ids/99/schema"), 404, 40403);
  }

  @ParameterizedTest(name = "id {0} -> 40403")
  @ValueSource(strings = {"0", "-1", "99999999", "+7"})
  void unknownIdsAre40403(String id) {
    register("s", USER);
    assertError(get("/schemas/ids/" + id), 404, 40403);
    assertError(get("/schemas/ids/" + id + "/subjects"), 404, 40403);
    assertError(get("/schemas/ids/" + id + "/versions"), 404, 40403);
  }

  @ParameterizedTest(name = "id {0} -> plain 404")
  @ValueSource(strings = {"abc", "1.5", "2147483648"})
  void idsThatAreNotIntegersAreAPlain404(String id) {
    for (String suffix : new String[] {"", "/schema", "/subjects", "/versions"}) {
      assertError(get("/schemas/ids/" + id + suffix), 404, 404, "HTTP 404 Not Found");
    }
  }

  @Test
  void subjectsAndVersionsOfAnId() {
    int id = register("a", USER);
    register("b", USER);
    assertJson(get("/schemas/ids/" + id + "/subjects"), 200, "[\"a\",\"b\"]");
    assertJson(get("/schemas/ids/" + id + "/versions"), 200,
        "[{\"subject\":\"a\",\"version\":1},{\"subject\":\"b\",\"version\":1}]");
    delete("/subjects/b");
    assertJson(get("/schemas/ids/" + id + "/subjects"), 200, "[\"a\"]");
    assertJson(get("/schemas/ids/" + id + "/subjects?deleted=true"), 200, "[\"a\",\"b\"]");
    assertJson(get("/schemas/ids/" + id + "/versions?deleted=true"), 200,
        "[{\"subject\":\"a\",\"version\":1},{\"subject\":\"b\",\"version\":1}]");
  }

  @Test
  void listsSchemasWithFiltersAndPaging() {
    register("l.s0", STRING);
    register("l.s1", INT);
    delete("/subjects/l.s1/versions/1");
    String s0 = "{\"subject\":\"l.s0\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\"}";
    String s1 = "{\"subject\":\"l.s1\",\"version\":1,\"id\":2,\"schema\":\"\\\"int\\\"\"}";
    assertJson(get("/schemas?subjectPrefix=l"), 200, "[" + s0 + "]");
    assertJson(get("/schemas?subjectPrefix=l&deleted=true"), 200, "[" + s0 + "," + s1 + "]");
    assertJson(get("/schemas?subjectPrefix=l&deleted=true&offset=1&limit=1"), 200, "[" + s1 + "]");
    assertJson(get("/schemas?subjectPrefix=l&latestOnly=true"), 200, "[" + s0 + "]");
    assertJson(get("/schemas?subjectPrefix=l&latestOnly=true&deleted=true"), 200, "[" + s0 + "," + s1 + "]");
    assertJson(get("/schemas?subjectPrefix=l&ruleType=CEL"), 200, "[]");
    assertJson(get("/schemas?subjectPrefix=none"), 200, "[]");
    assertError(get("/schemas?limit=abc"), 404, 404);
    assertError(get("/schemas?offset=abc"), 404, 404);
  }

  /** ../shared/conformance scenario config-alias #8. */
  @Test
  void listsTheAliasesOfEachSubjectWhenAsked() {
    register("t", STRING);
    put("/config/a", "{\"alias\": \"t\"}");
    String entry = "{\"subject\":\"t\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\"";
    assertJson(get("/schemas?subjectPrefix=t&aliases=true"), 200, "[" + entry + ",\"aliases\":[\"a\"]}]");
    assertJson(get("/schemas?subjectPrefix=t"), 200, "[" + entry + "}]");
  }

  @Test
  void listsSchemasWithARuleOfAType() {
    post("/subjects/r/versions", "{\"schema\": \"\\\"string\\\"\", \"ruleSet\": {\"domainRules\": "
        + "[{\"name\": \"x\", \"kind\": \"CONDITION\", \"type\": \"CEL\", \"expr\": \"true\"}]}}");
    register("plain", INT);
    assertThat(get("/schemas?ruleType=CEL").json()).singleElement()
        .satisfies(node -> assertThat(node.get("subject").asText()).isEqualTo("r"));
    assertJson(get("/schemas?ruleType=JSONATA"), 200, "[]");
  }

  @Test
  void listsTypes() {
    assertJson(get("/schemas/types"), 200, "[\"AVRO\"]");
  }

  @Test
  void cachedAnswerFollowsDeletesAndReRegistration() {
    int id = register("s", USER);
    assertThat(get("/schemas/ids/" + id).status()).isEqualTo(200);
    delete("/subjects/s");
    delete("/subjects/s?permanent=true");
    assertError(get("/schemas/ids/" + id), 404, 40403);
    int again = register("s", USER);
    assertJson(get("/schemas/ids/" + again), 200, "{\"schema\":" + JSON.valueToTree(USER_TEXT) + "}");
  }

  /** The cached answer follows a soft delete, which changes its version and not its schema. */
  @Test
  void anIdsAnswerSaysWhenItsVersionIsSoftDeleted() {
    int id = register("s", USER);
    assertThat(get("/schemas/ids/" + id).json().get("deleted").asBoolean()).isFalse();
    assertJson(delete("/subjects/s/versions/1"), 200, "1");
    assertThat(get("/schemas/ids/" + id).json().get("deleted").asBoolean()).isTrue();
    assertThat(get("/schemas/ids/" + id + "?subject=s").json().get("version").asInt()).isEqualTo(1);
  }

  @Test
  void concurrentReadsOfTheCachedAnswerAreIntact() throws Exception {
    int id = register("s", USER);
    JsonNode first = get("/schemas/ids/" + id).json();
    String expected = "{\"guid\":\"" + first.get("guid").asText() + "\",\"schema\":"
        + JSON.valueToTree(USER_TEXT) + ",\"ts\":" + first.get("ts").asLong() + ",\"deleted\":false}";
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<String>> replies = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        replies.add(CompletableFuture.supplyAsync(() -> get("/schemas/ids/" + id).body(), pool));
      }
      for (CompletableFuture<String> reply : replies) {
        assertThat(JSON.readTree(reply.get())).isEqualTo(JSON.readTree(expected));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
