package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.http.ops.Operations;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tripped heap guard on a real server: the routes declared expensive answer 503 with
 * Confluent's error shape and Retry-After; the light ones (what consumers need) are served.
 */
class HeapGuardRoutesTest extends HttpTestBase {
  private static final String LOW_MEMORY = "Server is low on memory (heap 93% full after GC,"
      + " limit 90%); try again later or raise stele.heap.refuse.percent or the heap size";
  private final HeapGuard guard = new HeapGuard(90, List.of(), () -> { });

  @Override
  @BeforeEach
  void startServer() throws Exception {
    serve(setup -> setup.withHeapGuard(guard).withOperations(Operations.create(line -> { })));
  }

  @Test
  void aRegistrationIsRefusedWithRetryAfterWhileAReadByIdIsServed() throws Exception {
    int id = register("orders-value", USER);
    guard.collectedTo(93);

    HttpResponse<String> refused = client.send(HttpRequest.newBuilder(uri("/subjects/orders-value/versions"))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", V1)
        .POST(HttpRequest.BodyPublishers.ofString(USER_AGE)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
    assertJson(new Reply(refused.statusCode(), null, refused.body()), 503,
        "{\"error_code\": 50301, \"message\": \"" + LOW_MEMORY + "\"}");

    Reply byId = get("/schemas/ids/" + id);
    assertThat(byId.status()).as(byId.body()).isEqualTo(200);
    assertThat(byId.json().get("schema").asText()).contains("\"User\"");
    assertThat(get("/subjects/orders-value/versions").status()).isEqualTo(200);
    assertThat(get("/subjects/orders-value/versions/1").status()).isEqualTo(200);
    assertThat(get("/schemas/ids/" + id + "/schema").status()).isEqualTo(200);
    assertThat(get("/subjects").status()).isEqualTo(200);
    assertThat(get("/config").status()).isEqualTo(200);
    assertThat(put("/config/orders-value", "{\"compatibility\": \"NONE\"}").status()).isEqualTo(200);
    assertThat(get("/mode").status()).isEqualTo(200);
    assertThat(get("/subjects/orders-value/versions").body()).isEqualTo("[1]");
  }

  @Test
  void everyRouteThatParsesIsRefused() {
    register("orders-value", USER);
    guard.collectedTo(93);
    for (Reply reply : List.of(
        post("/subjects/orders-value", USER),
        post("/compatibility/subjects/orders-value/versions/latest", USER_AGE),
        post("/compatibility/subjects/orders-value/versions", USER_AGE),
        get("/schemas/ids/1?format=resolved"),
        get("/schemas/ids/1/schema?format=resolved"),
        get("/subjects/orders-value/versions/1?format=resolved"),
        get("/subjects/orders-value/versions/1/schema?format=resolved"),
        get("/subjects/orders-value/metadata?format=resolved"),
        post("/contexts/.ctx/subjects/orders-value/versions", USER))) {
      assertError(reply, 503, 50301, LOW_MEMORY);
    }
  }

  @Test
  void onceClearedEverythingIsServedAgainAndRefusalsAreInTheMetrics() {
    guard.collectedTo(93);
    assertError(post("/subjects/orders-value/versions", USER), 503, 50301);
    assertError(post("/subjects/orders-value/versions", USER), 503, 50301);
    String metrics = get("/metrics").body();
    assertThat(metrics).contains("stele_heap_refusals_total 2.0", "stele_heap_refusing 1.0",
        "stele_http_requests_seconds_count{method=\"POST\",route=\"/subjects/:subject/versions\","
            + "status=\"503\"} 2");

    guard.collectedTo(50);
    assertThat(register("orders-value", USER)).isPositive();
    assertThat(get("/metrics").body()).contains("stele_heap_refusing 0.0");
  }
}
