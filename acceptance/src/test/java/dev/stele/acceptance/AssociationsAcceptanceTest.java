package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent 8.x's associations API on the real server process (issue #13): WEAK and STRONG
 * associations made, read the ways Confluent's clients read them (its AssociatedNameStrategy asks
 * {@code /associations/resources/{cluster or -}/{topic}?resourceType=topic&associationType=value}),
 * changed, refused with Confluent's codes, guarding their subjects, written as ASSOC records
 * that a restart replays, and deleted.
 */
class AssociationsAcceptanceTest {
  private static final String STRING = "{\"type\":\"string\"}";
  static final String RECORD =
      "{\"type\":\"record\",\"name\":\"Pay\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

  @TempDir Path work;

  @Test
  void weakAndStrongAssociationsAreKeptGuardTheirSubjectsAndSurviveARestart() throws IOException {
    try (ServerProcess server = ServerProcess.start(work, Map.of())) {
      Http http = new Http(server.url());
      Map<String, Object> weak = Map.of("resourceName", "orders", "resourceNamespace", "lkc-1",
          "resourceId", "topic-id-1", "associations",
          List.of(Map.of("subject", "orders-value", "associationType", "value")));
      // No version to associate with yet.
      assertError(http.post("/associations", weak), 409, 40907,
          "No active (non-deleted) version exists for subject 'orders-value'");
      http.ok("POST", "/subjects/orders-value/versions", Map.of("schema", STRING));

      JsonNode created = http.ok("POST", "/associations", weak);
      assertThat(created.toString()).isEqualTo("{\"resourceName\":\"orders\",\"resourceNamespace\":"
          + "\"lkc-1\",\"resourceId\":\"topic-id-1\",\"resourceType\":\"topic\",\"associations\":"
          + "[{\"subject\":\"orders-value\",\"associationType\":\"value\",\"lifecycle\":\"WEAK\"}]}");
      // The same again changes nothing; another subject for the same type is a conflict.
      assertThat(http.ok("POST", "/associations", weak).has("associations")).isFalse();
      http.ok("POST", "/subjects/other-value/versions", Map.of("schema", STRING));
      assertError(http.post("/associations", Map.of("resourceName", "orders", "resourceNamespace",
          "lkc-1", "resourceId", "topic-id-1", "associations",
          List.of(Map.of("subject", "other-value")))), 409, 40903,
          "An association of type 'value' already exists for resource 'orders'");

      // As Confluent's AssociatedNameStrategy asks, by cluster and with the wildcard namespace.
      JsonNode found = http.ok("GET",
          "/associations/resources/-/orders?resourceType=topic&associationType=value", null);
      assertThat(found).hasSize(1);
      JsonNode association = found.get(0);
      assertThat(association.get("subject").asText()).isEqualTo("orders-value");
      assertThat(association.get("resourceId").asText()).isEqualTo("topic-id-1");
      assertThat(association.get("lifecycle").asText()).isEqualTo("WEAK");
      assertThat(association.get("guid").asText()).hasSize(36);
      assertThat(association.get("createTs").asLong()).isPositive();
      assertThat(association.has("frozen")).isFalse();
      assertThat(http.ok("GET", "/associations/resources/lkc-1/orders", null)).hasSize(1);
      assertThat(http.ok("GET", "/associations/resources/lkc-2/orders", null)).isEmpty();
      assertThat(http.ok("GET", "/associations/resources/-/orders?associationType=key", null)).isEmpty();
      assertThat(http.ok("GET", "/associations/resources/topic-id-1?lifecycle=WEAK", null)).hasSize(1);
      assertThat(http.ok("GET", "/associations/subjects/orders-value", null)).hasSize(1);

      // The subject is guarded: 40904 on its deletion, 40907 on deleting its last live version.
      assertError(http.delete("/subjects/orders-value"), 409, 40904,
          "An association already exists for subject 'orders-value'");
      assertError(http.delete("/subjects/orders-value/versions/1"), 409, 40907,
          "No active (non-deleted) version exists for subject 'orders-value'");

      // STRONG: created with the topic and its schema, under :.cluster:topic-value.
      JsonNode strong = http.ok("POST", "/associations", Map.of("resourceName", "payments",
          "resourceNamespace", "lkc-1", "resourceId", "topic-id-2", "associations",
          List.of(Map.of("schema", Map.of("schema", RECORD)))));
      JsonNode info = strong.get("associations").get(0);
      assertThat(info.get("subject").asText()).isEqualTo(":.lkc-1:payments-value");
      assertThat(info.get("lifecycle").asText()).isEqualTo("STRONG");
      assertThat(info.get("schema").get("version").asInt()).isEqualTo(1);
      assertThat(http.ok("GET", "/subjects/:.lkc-1:payments-value/versions", null).toString())
          .isEqualTo("[1]");
      // A STRONG association owns its subject, and it is frozen.
      assertError(http.post("/associations", Map.of("resourceName", "refunds", "resourceNamespace",
          "lkc-1", "resourceId", "topic-id-3", "associations",
          List.of(Map.of("subject", ":.lkc-1:payments-value")))), 409, 40905,
          "A strong association already exists for subject ':.lkc-1:payments-value'");
      assertError(http.put("/associations/resources/topic-id-2", Map.of("resourceName", "payments",
          "resourceNamespace", "lkc-1", "associations", List.of(Map.of("lifecycle", "WEAK")))),
          422, 42212, "The association specified an invalid value for property: 'subject', "
              + "detail: WEAK associations cannot use subject ':.lkc-1:payments-value'");
      assertError(http.delete("/associations/resources/topic-id-2"), 409, 40908,
          "The association of type  'value' is frozen for subject ':.lkc-1:payments-value'");
      assertError(http.post("/associations", Map.of("resourceName", "orders", "resourceNamespace",
          "lkc-1", "resourceId", "x", "resourceType", "table", "associations",
          List.of(Map.of("subject", "orders-value")))), 422, 42212,
          "The association specified an invalid value for property: 'resourceType', "
              + "detail: must be 'topic'");

      server.stop();
      server.restart();

      JsonNode replayed = http.ok("GET", "/associations/resources/topic-id-1", null);
      assertThat(replayed).hasSize(1);
      assertThat(replayed.get(0)).isEqualTo(association);
      assertThat(http.ok("GET", "/associations/subjects/:.lkc-1:payments-value", null)).hasSize(1);

      // Deleting with cascadeLifecycle takes the STRONG association's subject with it.
      assertThat(http.delete("/associations/resources/topic-id-2?cascadeLifecycle=true").status())
          .isEqualTo(204);
      assertThat(http.get("/subjects/:.lkc-1:payments-value/versions").status()).isEqualTo(404);
      assertThat(http.delete("/associations/resources/topic-id-1").status()).isEqualTo(204);
      assertError(http.delete("/associations/resources/topic-id-1"), 404, 40410,
          "Association for 'topic-id-1' not found.");
      assertThat(http.delete("/subjects/orders-value").status()).isEqualTo(200);
      server.stop();
    }
  }

  @Test
  void batchGetAndBatchMutateAnswerEachEntry() throws IOException {
    try (ServerProcess server = ServerProcess.start(work, Map.of())) {
      Http http = new Http(server.url());
      http.ok("POST", "/subjects/shared-value/versions", Map.of("schema", STRING));
      Http.Response mutated = http.post("/associations:batchMutate", Map.of("requests", List.of(
          Map.of("resourceName", "t1", "resourceNamespace", "lkc-1", "resourceId", "id-1",
              "associations", List.of(Map.of("opType", "CREATE", "subject", "shared-value"))),
          Map.of("resourceName", "t2", "resourceNamespace", "lkc-1", "resourceId", "id-2",
              "associations", List.of(Map.of("opType", "CREATE", "subject", "missing-value"))))));
      assertThat(mutated.status()).isEqualTo(207);
      JsonNode results = mutated.body().get("results");
      assertThat(results.get(0).get("result").get("associations").get(0).get("subject").asText())
          .isEqualTo("shared-value");
      assertThat(results.get(1).get("error").get("error_code").asInt()).isEqualTo(40907);

      Http.Response got = http.post("/associations:batchGet?includeSchemas=true", Map.of("requests",
          List.of(Map.of("resourceName", "t1", "resourceNamespace", "lkc-1"),
              Map.of("resourceId", "id-2"))));
      assertThat(got.status()).isEqualTo(207);
      JsonNode first = got.body().get("results").get(0).get("result");
      assertThat(first.get("resourceId").asText()).isEqualTo("id-1");
      // The latest version, with its stored (canonical) text.
      assertThat(first.get("associations").get(0).get("schema").get("schema").asText())
          .isEqualTo("\"string\"");
      assertThat(got.body().get("results").get(1).get("result").has("associations")).isFalse();

      Http.Response deleted = http.post("/associations:batchMutate", Map.of("requests", List.of(
          Map.of("resourceName", "t1", "resourceNamespace", "lkc-1", "resourceId", "id-1",
              "associations", List.of(Map.of("opType", "DELETE", "associationType", "value"))))));
      assertThat(deleted.status()).isEqualTo(207);
      assertThat(http.ok("GET", "/associations/subjects/shared-value", null)).isEmpty();
      assertThat(http.post("/associations:nothing", Map.of()).status()).isEqualTo(404);
      server.stop();
    }
  }

  static void assertError(Http.Response response, int status, int code, String message) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.body().get("error_code").asInt()).as(response.text()).isEqualTo(code);
    assertThat(response.body().get("message").asText()).isEqualTo(message);
  }
}
