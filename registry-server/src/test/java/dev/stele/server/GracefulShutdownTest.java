package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.server.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write whose request has reached the server when shutdown starts is finished and answered,
 * and is in the store when the server starts again on the same data.
 */
class GracefulShutdownTest {
  @TempDir Path dataDir;

  @Test
  void aWriteInFlightAtShutdownCompletesAndIsKept() throws Exception {
    int port = ChildJvm.freePort();
    ServerConfig config = ServerConfig.parse(Map.of(
        "listeners", "http://127.0.0.1:" + port,
        "stele.data.dir", dataDir.toString(),
        "stele.shutdown.timeout.ms", "10000"));
    SteleServer server = SteleServer.start(config);
    String body = "{\"schema\": \"\\\"string\\\"\"}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    CompletableFuture<Void> stopped;
    String answer;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      // The headers and half the body: the request is in flight, its body not complete.
      out.write(("POST /subjects/kept-value/versions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/vnd.schemaregistry.v1+json\r\n"
          + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      // A GET on another connection proves the server has read what was sent before it.
      assertThat(get(port, "/subjects").statusCode()).isEqualTo(200);
      stopped = CompletableFuture.runAsync(server::close);
      // Shutdown has begun when new connections are refused; the write is still open.
      assertThat(refusesConnections(port)).isTrue();
      assertThat(stopped).isNotDone();
      out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
      out.flush();
      answer = readAll(socket.getInputStream());
    }
    stopped.get(30, TimeUnit.SECONDS);
    assertThat(answer).startsWith("HTTP/1.1 200").contains("{\"id\":1,\"guid\":\"");

    SteleServer again = SteleServer.start(config);
    try {
      HttpResponse<String> kept = get(port, "/subjects/kept-value/versions/1");
      assertThat(kept.statusCode()).isEqualTo(200);
      assertThat(kept.body()).contains("\"subject\":\"kept-value\"", "\"id\":1");
    } finally {
      again.close();
    }
  }

  @Test
  void theShutdownTimeoutDefaultsToTenSecondsAndMustBePositive() throws Exception {
    assertThat(ServerConfig.parse(Map.of()).shutdownTimeoutMillis()).isEqualTo(10_000);
    assertThat(ServerConfig.parse(Map.of("stele.shutdown.timeout.ms", "2500"))
        .shutdownTimeoutMillis()).isEqualTo(2500);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ServerConfig.parse(Map.of("stele.shutdown.timeout.ms", "soon")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("stele.shutdown.timeout.ms");
  }

  @Test
  void theDrainIsASecondOrAQuarterOfAShortTimeoutAndMayBeSetOrTurnedOff() throws Exception {
    assertThat(ServerConfig.parse(Map.of()).shutdownDrainMillis()).isEqualTo(1_000);
    assertThat(ServerConfig.parse(Map.of("stele.shutdown.timeout.ms", "2000"))
        .shutdownDrainMillis()).isEqualTo(500);
    assertThat(ServerConfig.parse(Map.of("stele.shutdown.drain.ms", "3000"))
        .shutdownDrainMillis()).isEqualTo(3000);
    assertThat(ServerConfig.parse(Map.of("stele.shutdown.drain.ms", "0"))
        .shutdownDrainMillis()).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ServerConfig.parse(Map.of("stele.shutdown.drain.ms", "-1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("stele.shutdown.drain.ms=-1");
  }

  private static boolean refusesConnections(int port) throws InterruptedException {
    // Polling for a state change, not timing a result: gives up after 10 s.
    for (int i = 0; i < 1000; i++) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        Thread.sleep(10);
      } catch (java.io.IOException refused) {
        return true;
      }
    }
    return false;
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String readAll(InputStream in) throws java.io.IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toString(StandardCharsets.UTF_8);
  }
}
