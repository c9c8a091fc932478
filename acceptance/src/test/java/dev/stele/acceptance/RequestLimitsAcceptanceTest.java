package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.RawHttp;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The request limits of README's "Limits", set small in the properties file of a real server
 * process: each is answered as documented (431, 414, 413, 42209, 408, a closed connection), and
 * after each the server still serves. The in-process twins are registry-http's
 * RequestLimitsTest and RestServerTest; this checks that the keys reach the listener.
 */
@Isolated // alone: it times the request timeout to within a few seconds.
class RequestLimitsAcceptanceTest {
  private static final int HEADER_LIMIT = 2048;
  private static final int LINE_LIMIT = 1024;
  private static final int BODY_LIMIT = 16 * 1024;
  private static final int SCHEMA_LIMIT = 1000;
  private static final int TIMEOUT_MILLIS = 1000;
  /**
   * The latest the server may answer or close a connection whose request is not in by
   * TIMEOUT_MILLIS. Never before the timeout (less 100 ms of clock and scheduling slack): that
   * floor is the setting itself, not a machine's speed.
   */
  private static final Ceiling CUT_OFF = Ceiling.of("request-timeout.cut-off",
      Duration.ofMillis(TIMEOUT_MILLIS + 3000));
  private static final String V1 = "application/vnd.schemaregistry.v1+json";

  @TempDir static Path work;
  private static ServerProcess server;
  private static Http http;
  private static final AtomicInteger SUBJECTS = new AtomicInteger();

  @BeforeAll
  static void start() {
    server = ServerProcess.start(work, Map.of(
        "stele.http.max.header.bytes", String.valueOf(HEADER_LIMIT),
        "stele.http.max.request.line.bytes", String.valueOf(LINE_LIMIT),
        "stele.max.request.bytes", String.valueOf(BODY_LIMIT),
        "stele.schema.max.bytes", String.valueOf(SCHEMA_LIMIT),
        "stele.http.request.timeout.ms", String.valueOf(TIMEOUT_MILLIS),
        "idle.timeout.ms", "3000"));
    http = new Http(server.url());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
      server.close();
    }
  }

  /** Whatever a test sent, the server goes on serving: a write and its read back. */
  @AfterEach
  void stillServes() throws IOException {
    String subject = "after-" + SUBJECTS.incrementAndGet() + "-value";
    int id = http.ok("POST", "/subjects/" + subject + "/versions",
        "{\"schema\":\"\\\"string\\\"\"}").get("id").asInt();
    assertThat(http.ok("GET", "/schemas/ids/" + id, null).get("schema").asText())
        .isEqualTo("\"string\"");
    assertThat(http.ok("GET", "/subjects", null).toString()).contains(subject);
  }

  @Test
  void headersOverTheLimitAre431() throws IOException {
    String response = exchange("GET /subjects HTTP/1.1\r\nHost: x\r\nX-Big: "
        + "a".repeat(HEADER_LIMIT * 2) + "\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 431").endsWith(
        "{\"error_code\":431,\"message\":\"Request headers are larger than the server accepts\"}");
    // Just under the limit is served.
    String fits = exchange("GET /subjects HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: "
        + "a".repeat(HEADER_LIMIT - 200) + "\r\n\r\n");
    assertThat(fits).startsWith("HTTP/1.1 200");
  }

  @Test
  void aRequestLineOverTheLimitIs414() throws IOException {
    String response = exchange("GET /subjects/" + "s".repeat(LINE_LIMIT * 2)
        + " HTTP/1.1\r\nHost: x\r\n\r\n");
    // Netty answers an unreadable request line as HTTP/1.0 (its version is unknown).
    assertThat(response).matches("(?s)HTTP/1\\.[01] 414.*").endsWith(
        "{\"error_code\":414,\"message\":\"Request line is longer than the server accepts\"}");
  }

  @Test
  void aBodyOverTheLimitIs413() throws IOException {
    Http.Response response = http.post("/subjects/big-value/versions",
        "{\"schema\":\"\\\"string\\\"\",\"x\":\"" + "b".repeat(BODY_LIMIT) + "\"}");
    assertThat(response.status()).as(response.text()).isEqualTo(413);
    assertThat(response.body().get("error_code").asInt()).isEqualTo(413);
    assertThat(http.get("/subjects/big-value/versions").status()).isEqualTo(404);
  }

  @Test
  void aSchemaOverTheLimitIs42209() throws IOException {
    // Well under the body limit, over the schema limit.
    String big = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"doc\\\":\\\""
        + "d".repeat(SCHEMA_LIMIT) + "\\\",\\\"fields\\\":[]}\"}";
    for (String path : new String[] {"/subjects/big-value/versions", "/subjects/big-value",
        "/compatibility/subjects/big-value/versions/latest"}) {
      Http.Response response = http.post(path, big);
      assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(422);
      assertThat(response.body().get("error_code").asInt()).as(path).isEqualTo(42209);
      assertThat(response.body().get("message").asText()).contains("the limit is " + SCHEMA_LIMIT);
    }
    assertThat(http.get("/subjects/big-value/versions").status()).isEqualTo(404);
  }

  @Test
  void aBodyNotSentInTimeIs408() throws IOException {
    try (Socket socket = socket()) {
      long start = System.nanoTime();
      OutputStream out = socket.getOutputStream();
      out.write(("POST /subjects/slow-value/versions HTTP/1.1\r\nHost: x\r\nContent-Type: " + V1
          + "\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = RawHttp.readAll(socket.getInputStream());
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("408 for a body not sent in time, " + CUT_OFF.report(millis));
      assertThat(response).startsWith("HTTP/1.1 408")
          .endsWith("{\"error_code\":408,\"message\":\"Request not received in time\"}");
      assertThat(millis).isBetween(TIMEOUT_MILLIS - 100L, CUT_OFF.millis());
    }
    assertThat(http.get("/subjects/slow-value/versions").status()).isEqualTo(404);
  }

  /** Slowloris: a byte every 100 ms would keep an idle timer that restarts on each byte alive. */
  @Test
  void headersTrickledInAreCutOffAtTheRequestTimeout() throws Exception {
    try (Socket socket = socket()) {
      long millis = RawHttp.trickle(socket, "GET /subjects HTTP/1.1\r\nHost: x\r\nX-Slow: ", 100, 100);
      System.out.println("trickled headers cut off, " + CUT_OFF.report(millis));
      assertThat(millis).as("connection closed by the server").isNotNegative();
      assertThat(millis).isBetween(TIMEOUT_MILLIS - 100L, CUT_OFF.millis());
    }
  }

  private static Socket socket() throws IOException {
    URI url = URI.create(server.url());
    return RawHttp.connect(url.getHost(), url.getPort());
  }

  /** Sends the text and reads until the server closes the connection. */
  private static String exchange(String request) throws IOException {
    URI url = URI.create(server.url());
    return RawHttp.exchange(url.getHost(), url.getPort(), request);
  }
}
