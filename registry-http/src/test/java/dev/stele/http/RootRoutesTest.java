package dev.stele.http;

import org.junit.jupiter.api.Test;

/** {@code /} and {@code /v1/metadata} (../shared/conformance scenario root, jackson-coercion #45-#48). */
class RootRoutesTest extends HttpTestBase {

  @Test
  void rootAnswersAnEmptyObject() {
    assertJson(get("/"), 200, "{}");
    assertJson(post("/", "{}"), 200, "{}");
    assertJson(post("/", "{\"a\": \"b\"}"), 200, "{}");
    assertJson(post("/", "{\"a\": 1}"), 200, "{}");
    assertJson(post("/", ""), 200, "{}");
  }

  @Test
  void rootRefusesBodiesThatAreNotStringMaps() {
    assertError(post("/", "not json"), 400, 400,
        "Invalid request body: not JSON (unexpected text 'not' at line 1, column 5)");
    assertError(post("/", "[]"), 400, 400, "Invalid request body: the body must be a JSON object");
    assertError(post("/", "{\"a\": {}}"), 400, 400, "Invalid request body: field \"a\" must be a string");
  }

  @Test
  void metadataDescribesTheServer() {
    assertJson(get("/v1/metadata/id"), 200,
        "{\"scope\":{\"path\":[],\"clusters\":{\"kafka-cluster\":\"cluster-1\",\"schema-registry-cluster\":\"schema-registry\"}}}");
    assertJson(get("/v1/metadata/version"), 200, "{\"version\":\"0.1.0\",\"commitId\":\"abc123\"}");
    assertJson(get("/v1/metadata/deployment"), 200, "{\"attributes\":[]}");
    assertJson(get("/v1/metadata/id"), 200,
        "{\"scope\":{\"path\":[],\"clusters\":{\"kafka-cluster\":\"cluster-1\",\"schema-registry-cluster\":\"schema-registry\"}}}");
  }
}
