package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Routing, negotiation and limits: what every route shares (../shared/conformance scenario routing and others). */
class RestServerTest extends HttpTestBase {
  private static final int SMALL_LIMIT = 64 * 1024;

  @Override
  RestOptions options() {
    return RestOptions.loopback().withMaxRequestBodyBytes(SMALL_LIMIT);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "GET, /nope, 404",
      "GET, /subjects/x/nope, 404",
      "GET, /schemas/ids, 404",
      "PUT, /subjects, 405",
      "DELETE, /schemas/types, 405",
      "POST, /config, 405",
      "POST, /contexts, 405",
      // served by the Confluent registry, not (yet) by Stele: a JSON 404, never HTML
      "GET, /contexts/.ctx/associations, 404",
      "POST, /associations, 404",
      "GET, /subjects/s/versions/1/tags, 405",
      "GET, /exporters, 404",
  })
  void unknownPathsAndMethodsGetJsonErrors(String method, String path, int status) {
    Reply reply = send(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}",
        "Content-Type", V1);
    String reason = status == 404 ? "HTTP 404 Not Found" : "HTTP 405 Method Not Allowed";
    assertError(reply, status, status, reason);
    assertThat(reply.contentType()).isEqualTo(V1);
  }

  @Test
  void trailingAndDoubledSlashesReachTheRoute() {
    register("s", STRING);
    assertJson(get("/subjects/"), 200, "[\"s\"]");
    assertThat(get("/schemas/").status()).isEqualTo(200);
    assertJson(get("/subjects/s/versions/1/"), 200,
        "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\"}");
    assertJson(get("/subjects/s//versions"), 200, "[1]");
  }

  @ParameterizedTest(name = "Accept {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "*/* | application/vnd.schemaregistry.v1+json",
      "application/json | application/json",
      "application/vnd.schemaregistry+json | application/vnd.schemaregistry+json",
      "application/vnd.schemaregistry.v1+json | application/vnd.schemaregistry.v1+json",
  })
  void responseTypeFollowsAccept(String accept, String expected) {
    Reply reply = send("GET", "/subjects", null, "Accept", accept);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(expected);
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    Reply reply = send("HEAD", "/subjects", null);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEmpty();
    assertThat(reply.contentType()).isEqualTo(V1);
  }

  @Test
  void noAcceptGetsTheV1Type() {
    assertThat(get("/").contentType()).isEqualTo(V1);
  }

  @Test
  void unacceptableAcceptIs406() {
    assertError(send("GET", "/subjects", null, "Accept", "text/html"), 406, 406, "HTTP 406 Not Acceptable");
  }

  @ParameterizedTest(name = "Content-Type [{0}] -> {1}")
  @CsvSource(delimiter = '|', value = {
      "application/vnd.schemaregistry.v1+json | 200",
      "application/vnd.schemaregistry+json | 200",
      "application/json | 200",
      "application/json; charset=utf-8 | 200",
      "application/octet-stream | 200",
      "text/plain | 415",
      "application/x-www-form-urlencoded | 415",
  })
  void requestBodyTypes(String contentType, int status) {
    Reply reply = send("POST", "/subjects/s/versions", STRING, "Content-Type", contentType);
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    if (status == 415) {
      assertError(reply, 415, 415, "HTTP 415 Unsupported Media Type");
    }
  }

  @Test
  void bodyWithoutContentTypeIsReadAsJson() {
    HttpRequest request = HttpRequest.newBuilder(uri("/subjects/s/versions"))
        .POST(HttpRequest.BodyPublishers.ofString(STRING)).build();
    assertJson(send(request), 200, "{\"id\":1}");
  }

  @Test
  void otherBodyTypesAre415OnEveryBodyRoute() {
    assertError(send("POST", "/subjects/s", STRING, "Content-Type", "text/plain"), 415, 415);
    assertError(send("PUT", "/config/s", "{\"compatibility\":\"NONE\"}", "Content-Type", "text/plain"), 415, 415);
  }

  @Test
  void malformedJsonIs400() {
    assertError(post("/subjects/s/versions", "{"), 400, 400);
    assertError(put("/config", "{"), 400, 400);
    assertError(post("/", "not json"), 400, 400);
  }

  @Test
  void deeplyNestedJsonIs400() {
    assertError(post("/subjects/s/versions", "[".repeat(50_000)), 400, 400);
    assertError(post("/subjects/s/versions", "{\"x\":" + "[".repeat(50_000)), 400, 400);
  }

  @Test
  void invalidUtf8Is400() {
    byte[] head = "{\"schema\": \"".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + 4];
    System.arraycopy(head, 0, body, 0, head.length);
    body[head.length] = (byte) 0xC3;
    body[head.length + 1] = (byte) 0x28;
    body[head.length + 2] = '"';
    body[head.length + 3] = '}';
    HttpRequest request = HttpRequest.newBuilder(uri("/subjects/s/versions"))
        .header("Content-Type", V1).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    assertError(send(request), 400, 400);
  }

  @Test
  void bodyOverTheLimitIs413AndTheServerStaysHealthy() {
    String big = "{\"schema\": \"" + "x".repeat(SMALL_LIMIT) + "\"}";
    assertError(post("/subjects/s/versions", big), 413, 413);
    assertJson(post("/subjects/s/versions", STRING), 200, "{\"id\":1}");
  }

  @Test
  void connectionStaysUsableAfter413() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      byte[] big = ("{\"schema\": \"" + "x".repeat(SMALL_LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
      out.write(("POST /subjects/s/versions HTTP/1.1\r\nHost: x\r\nContent-Type: " + V1
          + "\r\nContent-Length: " + big.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(big);
      out.flush();
      assertThat(readResponse(in)).startsWith("HTTP/1.1 413");
      out.write("GET /subjects HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String second = readResponse(in);
      assertThat(second).startsWith("HTTP/1.1 200").endsWith("[]");
    }
  }

  @Test
  void keepsConnectionsAlive() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      for (int i = 0; i < 3; i++) {
        socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200").endsWith("{}");
      }
    }
  }

  @Test
  void responsesAreNotCompressed() {
    register("s", STRING);
    Reply reply = send("GET", "/schemas/ids/1", null, "Accept-Encoding", "gzip, deflate");
    assertJson(reply, 200, "{\"schema\":\"\\\"string\\\"\"}");
  }

  /** Reads one response with a Content-Length body (what the server sends). */
  private static String readResponse(InputStream in) throws IOException {
    String headers = RawHttp.readHead(in);
    int length = 0;
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    return headers + new String(body, StandardCharsets.UTF_8);
  }
}
