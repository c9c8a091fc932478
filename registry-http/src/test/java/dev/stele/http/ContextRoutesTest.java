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
}
