package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.RawHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The limits a slow or hostile client meets (RestOptions): header and request line sizes, the
 * request timeout against clients that trickle bytes, the schema size. Small limits and a short
 * timeout so that each case is quick; raw sockets where the JDK client would not misbehave.
 */
class RequestLimitsTest extends HttpTestBase {
  private static final int HEADER_LIMIT = 2048;
  private static final int LINE_LIMIT = 1024;
  private static final int TIMEOUT_MILLIS = 600;
  private static final int SCHEMA_LIMIT = 1000;

  @Override
  RestOptions options() {
    return RestOptions.loopback().withHeaderLimits(HEADER_LIMIT, LINE_LIMIT)
        .withRequestTimeoutMillis(TIMEOUT_MILLIS).withMaxSchemaBytes(SCHEMA_LIMIT)
        .withIdleTimeoutSeconds(2);
  }

  @Test
  void oversizedHeadersAre431AsJson() throws IOException {
    String response = exchange("GET /subjects HTTP/1.1\r\nHost: x\r\nX-Big: "
        + "a".repeat(HEADER_LIMIT * 4) + "\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 431").containsIgnoringCase("content-type: " + V1)
        .endsWith("{\"error_code\":431,\"message\":\"Request headers are larger than the server accepts\"}");
    assertThat(get("/subjects").status()).isEqualTo(200);
  }

  @Test
  void overlongRequestLineIs414AsJson() throws IOException {
    String response = exchange("GET /subjects/" + "s".repeat(LINE_LIMIT * 2) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    // The version is unknown when the request line is unreadable: Netty answers as HTTP/1.0.
    assertThat(response).startsWith("HTTP/1.0 414")
        .endsWith("{\"error_code\":414,\"message\":\"Request line is longer than the server accepts\"}");
  }

  @Test
  void garbageIs400AsJson() throws IOException {
    String response = exchange("\u0001\u0002 garbage\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.0 400").contains("\"error_code\":400");
  }

  @Test
  void http11WithoutHostIs400AndHttp10WithoutHostIsServed() throws IOException {
    assertThat(exchange("GET /subjects HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400")
        .endsWith("{\"error_code\":400,\"message\":\"Host header is required\"}");
    // Health checkers and old tools send HTTP/1.0 without Host: the server's address stands in.
    assertThat(exchange("GET /subjects HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 200").endsWith("[]");
  }

  @Test
  void malformedPercentEncodingIs400() throws IOException {
    assertThat(exchange("GET /subjects/%zz HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400")
        .endsWith("{\"error_code\":400,\"message\":\"Malformed request path\"}");
    assertThat(exchange("GET /subjects?deleted=% HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400")
        .endsWith("{\"error_code\":400,\"message\":\"Malformed query string\"}");
    // Escapes that decode to odd bytes are well-formed: the route decides.
    assertError(get("/subjects/%00/versions"), 404, 40401);
  }

  @Test
  void malformedChunkedBodyIs400() throws IOException {
    String response = exchange("POST /subjects/s/versions HTTP/1.1\r\nHost: x\r\nContent-Type: " + V1
        + "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400").contains("\"error_code\":400");
  }

  @Test
  void headersTrickledInAreCutOffAtTheRequestTimeout() throws Exception {
    try (Socket socket = socket()) {
      // One byte every 100 ms, so that an idle timer restarting on every byte would never fire.
      long millis = RawHttp.trickle(socket, "GET /subjects HTTP/1.1\r\nHost: x\r\nX-Slow: ", 100, 100);
      assertThat(millis).as("connection closed").isNotNegative();
      assertThat(millis).isBetween((long) TIMEOUT_MILLIS, 5L * TIMEOUT_MILLIS);
    }
  }

  @Test
  void aBodyTrickledInIs408() throws Exception {
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /subjects/s/versions HTTP/1.1\r\nHost: x\r\nContent-Type: " + V1
          + "\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = RawHttp.readAll(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 408")
          .endsWith("{\"error_code\":408,\"message\":\"Request not received in time\"}");
    }
    assertThat(get("/subjects").body()).isEqualTo("[]");
  }

  @Test
  void waitingBetweenRequestsIsBoundedByTheIdleTimeoutNotTheRequestTimeout() throws Exception {
    // A kept-alive connection may wait longer than the request timeout for its next request.
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      for (int i = 0; i < 3; i++) {
        out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(RawHttp.readHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
        socket.getInputStream().readNBytes(2); // {}
        Thread.sleep(TIMEOUT_MILLIS); // idle between requests: up to the idle timeout (2 s)
      }
    }
  }

  @Test
  void anIdleKeptAliveConnectionIsClosedAtTheIdleTimeoutEvenWhileTrickling() throws Exception {
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(RawHttp.readHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
      socket.getInputStream().readNBytes(2);
      long millis = RawHttp.trickle(socket, "GET / HTTP/1.1\r\nX-Slow: ", 100, 200);
      assertThat(millis).as("connection closed").isNotNegative();
      assertThat(millis).isBetween(2_000L, 8_000L);
    }
  }

  @Test
  void schemaOverTheLimitIs42209() {
    String big = "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"doc\\\":\\\""
        + "d".repeat(SCHEMA_LIMIT) + "\\\",\\\"fields\\\":[]}\"}";
    Reply reply = post("/subjects/s/versions", big);
    assertError(reply, 422, 42209);
    assertThat(reply.json().get("message").asText())
        .startsWith("Register operation failed because schema is too large")
        .contains("the limit is " + SCHEMA_LIMIT);
    assertError(post("/subjects/s", big), 422, 42209);
    assertError(post("/compatibility/subjects/s/versions/latest", big), 422, 42209);
    // Multi-byte characters count as their UTF-8 bytes: 400 x 3 bytes > 1000.
    assertError(post("/subjects/s/versions", "{\"schema\": \"\\\"" + "\u20ac".repeat(400) + "\\\"\"}"),
        422, 42209);
    assertThat(get("/subjects").body()).isEqualTo("[]");
    register("s", STRING);
  }

  private Socket socket() throws IOException {
    return RawHttp.connect("127.0.0.1", server.port());
  }

  /** Sends the text and reads until the server closes the connection. */
  private String exchange(String request) throws IOException {
    return RawHttp.exchange("127.0.0.1", server.port(), request);
  }
}
