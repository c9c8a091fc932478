package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.http.auth.Security;
import dev.stele.http.ops.Operations;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a server with Basic authentication serves without credentials: the health probes always
 * (an orchestrator has none), {@code /metrics} only when the open paths
 * ({@code stele.auth.open.paths}) list it, nothing else. A scrape with credentials needs no rule:
 * any user the users file knows may read the metrics (README, "Metrics and audit").
 */
class OpenPathsTest extends HttpTestBase {
  private static final String WRONG = "Basic "
      + Base64.getEncoder().encodeToString("reader:wrong".getBytes(StandardCharsets.UTF_8));

  @TempDir
  static Path dir;

  /** The default server: metrics on, nothing listed as open. */
  @BeforeEach
  @Override
  void startServer() throws Exception {
    node = freshNode();
    server = secured(List.of());
  }

  private RestServer secured(List<String> openPaths) throws Exception {
    Security security = TestUsers.security(dir, openPaths);
    return await(RestServer.start(vertx,
        setup().withSecurity(security).withOperations(Operations.create(line -> { }))));
  }

  @Test
  void anonymousOrWrongScrapesGetABasicChallenge() throws Exception {
    for (String authorization : new String[] {null, WRONG}) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri("/metrics"));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValue("Basic realm=\"Stele test\"");
      assertError(new Reply(401, null, response.body()), 401, 401,
          "Unauthorized: missing or wrong credentials");
    }
  }

  /** alice's rules cover only subjects starting alice-: no rule is needed to scrape. */
  @Test
  void everyKnownUserMayScrape() {
    for (String user : new String[] {"admin", "reader", "alice"}) {
      Reply metrics = send("GET", "/metrics", null, "Authorization", TestUsers.basic(user));
      assertThat(metrics.status()).as(user).isEqualTo(200);
      assertThat(metrics.contentType()).startsWith("text/plain; version=0.0.4");
      assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void listedInTheOpenPathsMetricsNeedNoCredentialsAndNothingElseOpens() throws Exception {
    RestServer open = secured(List.of("/metrics"));
    try {
      String base = "http://127.0.0.1:" + open.port();
      Reply metrics = send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build());
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.body()).contains("jvm_memory_used_bytes");
      // Open means no check at all: even wrong credentials are not looked at.
      assertThat(send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
          .header("Authorization", WRONG).build()).status()).isEqualTo(200);
      // An exact entry: neither a longer path nor the other routes open with it.
      for (String path : new String[] {"/metrics/x", "/metricsx", "/subjects", "/schemas/ids/1"}) {
        assertError(send(HttpRequest.newBuilder(URI.create(base + path)).build()),
            401, 401);
      }
    } finally {
      await(open.close());
    }
  }

  @Test
  void healthProbesAreAlwaysOpen() {
    for (String path : new String[] {"/health/live", "/health/ready"}) {
      Reply anonymous = get(path);
      assertThat(anonymous.status()).as(path).isEqualTo(200);
      assertThat(anonymous.contentType()).isEqualTo("application/json");
      // A probe configured with stale credentials still gets its answer.
      assertThat(send("GET", path, null, "Authorization", WRONG).status())
          .as(path).isEqualTo(200);
      assertThat(send("HEAD", path, null).status()).as(path).isEqualTo(200);
    }
    assertThat(get("/health/live").json().get("live").asBoolean()).isTrue();
    assertThat(get("/health/ready").json().get("ready").asBoolean()).isTrue();
    // Only the probes: the rest of the server still asks.
    assertError(get("/subjects"), 401, 401);
  }
}
