package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.http.ops.Operations;
import dev.stele.registry.cluster.Leadership;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request metrics, {@code /metrics} and the audit lines on a real server. */
class OperationsTest extends HttpTestBase {
  private final List<String> audit = new CopyOnWriteArrayList<>();

  @Override
  @BeforeEach
  void startServer() throws Exception {
    node = freshNode();
    Operations operations = Operations.create(audit::add);
    operations.watch(Leadership.ALONE);
    node.onAppend(operations.appendTimer());
    operations.gauge("stele_subjects", "subjects", node::subjectCount);
    operations.gauge("stele_versions", "versions", node::versionCount);
    operations.gauge("stele_schemas", "schemas", node::schemaCount);
    server = await(RestServer.start(vertx, setup().withOperations(operations)));
  }

  @Test
  void requestsAreCountedByRouteTemplateNotRawPath() {
    assertThat(post("/subjects/orders-value/versions", STRING).status()).isEqualTo(200);
    assertThat(post("/subjects/users-value/versions", INT).status()).isEqualTo(200);
    assertThat(get("/schemas/ids/1").status()).isEqualTo(200);
    assertThat(get("/schemas/ids/999").status()).isEqualTo(404);

    Reply metrics = get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain; version=0.0.4");
    assertThat(metrics.body())
        .contains("stele_http_requests_seconds_count{method=\"POST\",route=\"/subjects/:subject/versions\",status=\"200\"} 2")
        .contains("stele_http_requests_seconds_count{method=\"GET\",route=\"/schemas/ids/:id\",status=\"200\"} 1")
        .contains("stele_http_requests_seconds_count{method=\"GET\",route=\"/schemas/ids/:id\",status=\"404\"} 1")
        .contains("stele_http_requests_seconds_bucket{")
        .doesNotContain("orders-value")
        .contains("jvm_memory_used_bytes")
        .contains("process_uptime_seconds")
        .contains("stele_leader 1.0")
        .contains("stele_ready 1.0");
  }

  @Test
  void aLatencyHistogramHasAFewBucketsThatFitARegistry() {
    assertThat(get("/schemas/ids/999").status()).isEqualTo(404);
    long buckets = get("/metrics").body().lines()
        .filter(line -> line.startsWith("stele_http_requests_seconds_bucket{")
            && line.contains("route=\"/schemas/ids/:id\"") && line.contains("status=\"404\""))
        .count();
    // 1 ms to 10 s in 1-2.5-5 steps, and +Inf; Micrometer's default would be 69 per series.
    assertThat(buckets).isEqualTo(14);
  }

  @Test
  void registryGaugesMoveWithRegistrations() {
    assertThat(get("/metrics").body()).contains("stele_subjects 0.0", "stele_versions 0.0",
        "stele_schemas 0.0");
    assertThat(post("/subjects/a-value/versions", STRING).status()).isEqualTo(200);
    // The same schema: one id, two subjects.
    assertThat(post("/subjects/b-value/versions", STRING).status()).isEqualTo(200);
    assertThat(put("/config/b-value", "{\"compatibility\": \"NONE\"}").status()).isEqualTo(200);
    assertThat(post("/subjects/b-value/versions", USER).status()).isEqualTo(200);
    assertThat(get("/metrics").body()).contains("stele_subjects 2.0", "stele_versions 3.0",
        "stele_schemas 2.0", "stele_store_append_seconds_count{result=\"ok\"} 4",
        "stele_store_append_seconds_count{result=\"failed\"} 0");
    assertThat(delete("/subjects/b-value").status()).isEqualTo(200);
    assertThat(delete("/subjects/b-value?permanent=true").status()).isEqualTo(200);
    // b-value's second schema was used by no other subject: its id is gone with it.
    assertThat(get("/metrics").body()).contains("stele_subjects 1.0", "stele_versions 1.0",
        "stele_schemas 1.0");
  }

  @Test
  void openMetricsOnRequest() {
    Reply metrics = send("GET", "/metrics", null, "Accept", "application/openmetrics-text; version=1.0.0");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("application/openmetrics-text");
    assertThat(metrics.body()).endsWith("# EOF\n");
  }

  @Test
  void everyWriteGetsOneAuditLineAndReadsNone() throws Exception {
    assertThat(post("/subjects/orders-value/versions", STRING).status()).isEqualTo(200);
    assertThat(post("/subjects/orders-value/versions", "{\"schema\":\"nope\"}").status()).isEqualTo(422);
    assertThat(get("/subjects").status()).isEqualTo(200);
    assertThat(delete("/subjects/orders-value").status()).isEqualTo(200);

    // The line is written when the answer ends, which may be just after the client has it.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (audit.size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(audit).hasSize(3);
    assertThat(audit.get(0)).contains("principal=anonymous", "remote=127.0.0.1", "method=POST",
        "route=/subjects/:subject/versions", "subject=orders-value", "status=200", "result=ok",
        "forwarded=no");
    assertThat(audit.get(1)).contains("status=422", "result=refused", "subject=orders-value");
    assertThat(audit.get(2)).contains("method=DELETE", "route=/subjects/:subject", "status=200");
  }
}
