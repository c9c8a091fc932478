package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.testkit.server.ChildJvm;
import dev.stele.testkit.server.JsonLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's log formats as an operator gets them: {@code Main} in a child JVM on the module's
 * class path (logback and logback.xml as in the shaded jar), its stderr read back.
 */
class LogFormatProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path dir;
  private Process process;
  private Path output;
  private int port;

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void jsonLogsCarryTheAuditFieldsAsKeyValuePairs() throws Exception {
    start("stele.log.format=json\n", Map.of());
    assertThat(post("/subjects/orders-value/versions", "{\"schema\": \"\\\"string\\\"\"}"))
        .isEqualTo(200);
    assertThat(post("/subjects/orders-value/versions", "{\"schema\": \"nope\"}")).isEqualTo(422);
    // The embedded store applies what it writes: nothing is ever behind.
    assertThat(get("/metrics")).contains("stele_log_lag_records 0.0");
    stopGracefully();

    List<JsonNode> events = JsonLog.events(output);
    assertThat(events).anySatisfy(event -> {
      assertThat(event.path("loggerName").asText()).isEqualTo("dev.stele.server.Main");
      assertThat(event.path("level").asText()).isEqualTo("INFO");
      assertThat(event.path("formattedMessage").asText()).contains(" listening on ");
      assertThat(event.path("timestamp").isNumber()).isTrue();
    });
    List<Map<String, String>> audits = JsonLog.audits(events);
    assertThat(audits).hasSize(2);
    assertThat(audits.get(0)).containsEntry("principal", "anonymous")
        .containsEntry("method", "POST").containsEntry("route", "/subjects/:subject/versions")
        .containsEntry("subject", "orders-value").containsEntry("status", "200")
        .containsEntry("result", "ok").containsEntry("id", "1").containsEntry("version", "1")
        .containsEntry("forwarded", "no").doesNotContainKey("error_code");
    assertThat(audits.get(1)).containsEntry("status", "422").containsEntry("result", "refused")
        .containsEntry("error_code", "42201").doesNotContainKey("id");
  }

  @Test
  void textLogsShowThePairsAsKeyValueAfterTheMessage() throws Exception {
    start("", Map.of());
    assertThat(post("/subjects/a%20b/versions", "{\"schema\": \"\\\"string\\\"\"}")).isEqualTo(200);
    stopGracefully();

    String log = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(log).containsPattern(
        "(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  "
            + "dev\\.stele\\.server\\.Main - Stele .* listening on ")
        .containsPattern("(?m)^\\S+ INFO  stele\\.audit - audit principal=anonymous remote=127\\.0\\.0\\.1"
            + " method=POST route=/subjects/:subject/versions path=/subjects/a%20b/versions"
            + " subject=\"a b\" status=200 result=ok id=1 version=1 forwarded=no$")
        .contains("Stele stopped")
        .doesNotContain("\"loggerName\"")
        // Kafka's and Netty's info lines stay out, as with the old slf4j-simple settings.
        .doesNotContain(" INFO  io.netty");
  }

  @Test
  void theEnvironmentOverridesTheFileAndABadFormatStopsTheStart() throws Exception {
    start("stele.log.format=text\n", Map.of(LogFormat.ENV, "json"));
    stopGracefully();
    assertThat(Files.readAllLines(output, StandardCharsets.UTF_8)).isNotEmpty()
        .allSatisfy(line -> assertThat(JSON.readTree(line).path("level").asText()).isNotEmpty());

    Process bad = launch("stele.log.format=xml\n", Map.of());
    assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(bad.exitValue()).isEqualTo(1);
    assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains(
        "stele: bad configuration: stele.log.format=xml is not a log format; use text or json");
  }

  private void start(String extraProperties, Map<String, String> environment) throws Exception {
    process = launch(extraProperties, environment);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("the server exited with " + process.exitValue() + ":\n" + Files.readString(output));
      }
      try {
        if (HTTP.send(request("/").GET().build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    fail("the server did not answer within 90 s:\n" + Files.readString(output));
  }

  private Process launch(String extraProperties, Map<String, String> environment)
      throws IOException {
    port = ChildJvm.freePort();
    Path properties = dir.resolve("stele.properties");
    Files.writeString(properties, "listeners=http://127.0.0.1:" + port + "\n"
        + "stele.data.dir=" + dir.resolve("data") + "\n" + extraProperties);
    output = dir.resolve("server-" + System.nanoTime() + ".log");
    ProcessBuilder builder = new ProcessBuilder(ChildJvm.mainCommand("256m", properties))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().remove(LogFormat.ENV);
    builder.environment().putAll(environment);
    return builder.start();
  }

  /** SIGTERM: the shutdown hook logs "Stele stopped"; every line is written by then. */
  private void stopGracefully() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  private int post(String path, String body) throws Exception {
    return HTTP.send(request(path).header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private String get(String path) throws Exception {
    return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10));
  }

}
