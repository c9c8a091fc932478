package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code /contexts} (../shared/conformance scenario contexts). */
class ContextRoutesTest extends HttpTestBase {

  @Test
  void listsTheDefaultContextFirst() {
    assertJson(get("/contexts"), 200, "[\".\"]");
    register("%3A.ctx-y%3Aa", STRING);
    register("%3A.ctx-x%3Aa", STRING);
    register("a", STRING);
    assertJson(get("/contexts"), 200, "[\".\",\".ctx-x\",\".ctx-y\"]");
    assertJson(get("/subjects"), 200, "[\":.ctx-x:a\",\":.ctx-y:a\",\"a\"]");
    assertJson(get("/subjects?subjectPrefix=%3A.ctx-x%3A"), 200, "[\":.ctx-x:a\"]");
  }

  @Test
  void contextsArePagedAndFilteredByPrefix() {
    register("%3A.team-a%3As", STRING);
    register("%3A.team-b%3As", STRING);
    register("%3A.other%3As", STRING);
    assertJson(get("/contexts?contextPrefix=.team"), 200, "[\".team-a\",\".team-b\"]");
    assertJson(get("/contexts?contextPrefix=."), 200, "[\".\",\".other\",\".team-a\",\".team-b\"]");
    assertJson(get("/contexts?offset=1&limit=2"), 200, "[\".other\",\".team-a\"]");
    assertJson(get("/contexts?offset=9"), 200, "[]");
  }

  /** Confluent 8.x: an empty context can be deleted; one holding a subject, even soft-deleted, cannot. */
  @Test
  void onlyAnEmptyContextIsDeletedAndItsIdsAreNotHandedOutAgain() {
    assertJson(post("/subjects/%3A.gone%3As/versions", STRING), 200, "{\"id\":1}");
    assertError(delete("/contexts/.gone"), 422, 42211, "The specified context '.gone' is not empty.");
    assertJson(delete("/subjects/%3A.gone%3As"), 200, "[1]");
    assertError(delete("/contexts/gone"), 422, 42211, "The specified context '.gone' is not empty.");
    assertJson(delete("/subjects/%3A.gone%3As?permanent=true"), 200, "[1]");
    assertJson(get("/contexts"), 200, "[\".\",\".gone\"]");

    Reply deleted = delete("/contexts/.gone");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertJson(get("/contexts"), 200, "[\".\"]");
    assertThat(delete("/contexts/.never").status()).isEqualTo(204);
    assertError(delete("/contexts/a:b"), 400, 400, "Context name cannot contain a colon");

    // The context comes back with its next schema, which does not get id 1 again.
    assertJson(post("/subjects/%3A.gone%3At/versions", INT), 200, "{\"id\":2}");
    assertJson(get("/contexts"), 200, "[\".\",\".gone\"]");
  }

  /** ../shared/conformance scenario context-urls: the URL forms are the qualified subjects spelled another way. */
  @Test
  void contextUrlFormsReachTheQualifiedSubjects() {
    assertJson(post("/contexts/.c/subjects/a/versions", USER), 200, "{\"id\":1}");
    Reply version = get("/contexts/.c/subjects/a/versions/1");
    assertThat(version.status()).isEqualTo(200);
    assertThat(version.json().get("subject").asText()).isEqualTo(":.c:a");
    assertJson(get("/subjects/%3A.c%3Aa/versions"), 200, "[1]");
    assertJson(get("/contexts/.c/subjects"), 200, "[\":.c:a\"]");
    assertJson(get("/contexts/c/subjects"), 200, "[\":.c:a\"]");
    assertThat(get("/contexts/.c/schemas").json()).hasSize(1);
    assertThat(get("/contexts/.c/schemas/ids/1").status()).isEqualTo(200);
    assertJson(get("/contexts/.c/schemas/ids/1/subjects"), 200, "[\":.c:a\"]");
    assertJson(put("/contexts/.c/config", "{\"compatibility\": \"NONE\"}"), 200, "{\"compatibility\":\"NONE\"}");
    assertJson(get("/config/%3A.c%3A"), 200, "{\"compatibilityLevel\":\"NONE\"}");
    assertJson(put("/contexts/.c/config/a", "{\"compatibility\": \"FULL\"}"), 200, "{\"compatibility\":\"FULL\"}");
    assertJson(get("/config/%3A.c%3Aa"), 200, "{\"compatibilityLevel\":\"FULL\"}");
    assertJson(put("/contexts/.c/mode", "{\"mode\": \"READONLY\"}"), 200, "{\"mode\":\"READONLY\"}");
    assertJson(get("/mode/%3A.c%3A"), 200, "{\"mode\":\"READONLY\"}");
    assertJson(post("/contexts/.c/compatibility/subjects/a/versions/latest", USER_INT), 200,
        "{\"is_compatible\":false}");
    assertError(get("/contexts/.bad:name/subjects"), 400, 400, "Context name cannot contain a colon");
    assertError(get("/contexts/.c/subjects/%3A.other%3Aa/versions"), 404, 40401,
        "Subject ':.c::.other:a' not found.");
  }

  /** Confluent 8.x's association reads: no associations are stored, so each list is empty. */
  @Test
  void associationReadsAnswerAnEmptyList() {
    register("orders-value", STRING);
    assertJson(get("/associations/resources/-/orders?resourceType=topic&associationType=value"), 200, "[]");
    assertJson(get("/associations/subjects/orders-value"), 200, "[]");
    assertError(post("/associations", "{}"), 404, 404, "HTTP 404 Not Found");
  }
}
