package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.testkit.server.JsonLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's log formats as an operator gets them: {@code Main} in a child JVM on the module's
 * class path (logback and logback.xml as in the shaded jar), its stderr read back.
 */
class LogFormatProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  @AutoClose private MainProcess server;

  @Test
  void jsonLogsCarryTheAuditFieldsAsKeyValuePairs() throws Exception {
    start("stele.log.format=json\n", Map.of());
    assertThat(post("/subjects/orders-value/versions", "{\"schema\": \"\\\"string\\\"\"}"))
        .isEqualTo(200);
    assertThat(post("/subjects/orders-value/versions", "{\"schema\": \"nope\"}")).isEqualTo(422);
    // The embedded store applies what it writes: nothing is ever behind.
    assertThat(get("/metrics")).contains("stele_log_lag_records 0.0");
    stopGracefully();

    List<JsonNode> events = JsonLog.events(server.output);
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

    String log = Files.readString(server.output, StandardCharsets.UTF_8);
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
    assertThat(Files.readAllLines(server.output, StandardCharsets.UTF_8)).isNotEmpty()
        .allSatisfy(line -> assertThat(JSON.readTree(line).path("level").asText()).isNotEmpty());

    try (MainProcess bad = MainProcess.launch(dir, "256m", List.of(), "stele.log.format=xml\n",
        Map.of())) {
      assertThat(bad.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(bad.process.exitValue()).isEqualTo(1);
      assertThat(Files.readString(bad.output, StandardCharsets.UTF_8)).contains(
          "stele: bad configuration: stele.log.format=xml is not a log format; use text or json");
    }
  }

  private void start(String extraProperties, Map<String, String> environment) throws Exception {
    server = MainProcess.start(dir, "256m", List.of(), extraProperties, environment);
  }

  /** SIGTERM: the shutdown hook logs "Stele stopped"; every line is written by then. */
  private void stopGracefully() throws InterruptedException {
    assertThat(server.stopGracefully()).isTrue();
  }

  private int post(String path, String body) throws Exception {
    return server.post(path, body).statusCode();
  }

  private String get(String path) throws Exception {
    return server.get(path).body();
  }
}
