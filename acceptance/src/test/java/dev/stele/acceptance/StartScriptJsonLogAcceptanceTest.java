package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.testkit.server.ChildJvm;
import dev.stele.testkit.server.JsonLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator runs: {@code bin/stele-start} on the shaded jar (registry-server/target/
 * stele-server.jar, built by the reactor's package phase before this module's tests) with
 * {@code stele.log.format=json}: every line on stderr is one JSON object, and a write's audit
 * line carries its fields as key/value pairs.
 */
class StartScriptJsonLogAcceptanceTest {
  @TempDir Path workDir;

  @Test
  void theShadedJarLogsJsonLinesWithTheAuditFields() throws Exception {
    Path home = Path.of("").toAbsolutePath().getParent();
    Path script = home.resolve("bin/stele-start");
    Path jar = home.resolve("registry-server/target/stele-server.jar");
    assertThat(jar).as("the shaded jar; build it with mvn -B -DskipTests package").exists();
    int port = ChildJvm.freePort();
    Path properties = workDir.resolve("stele.properties");
    Files.writeString(properties, "listeners=http://127.0.0.1:" + port + "\n"
        + "stele.data.dir=" + workDir.resolve("data") + "\n"
        + "stele.log.format=json\n");
    Path log = workDir.resolve("server.log");
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), properties.toString())
        .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("STELE_LOG_FORMAT");
    builder.environment().put("STELE_JAVA_OPTS", "-Xmx256m");
    Process process = builder.start();
    try {
      Http http = new Http("http://127.0.0.1:" + port);
      ChildJvm.awaitListening(process, log);
      Http.Response registered = http.post("/subjects/audited-value/versions",
          Map.of("schema", "\"string\""));
      assertThat(registered.status()).as(registered.text()).isEqualTo(200);
      Http.Response refused = http.post("/subjects/audited-value/versions", Map.of("schema", "nope"));
      assertThat(refused.status()).as(refused.text()).isEqualTo(422);
    } finally {
      process.destroy(); // SIGTERM to the JVM: the script execs java
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        fail("the server did not stop within 60 s\n" + Files.readString(log));
      }
    }

    List<JsonNode> events = JsonLog.events(log);
    List<Map<String, String>> audits = JsonLog.audits(events);
    assertThat(audits).hasSize(2);
    assertThat(audits.get(0)).containsEntry("principal", "anonymous")
        .containsEntry("remote", "127.0.0.1").containsEntry("method", "POST")
        .containsEntry("route", "/subjects/:subject/versions")
        .containsEntry("subject", "audited-value").containsEntry("status", "200")
        .containsEntry("result", "ok").containsEntry("id", "1").containsEntry("version", "1")
        .containsEntry("forwarded", "no");
    assertThat(audits.get(1)).containsEntry("status", "422").containsEntry("result", "refused")
        .containsEntry("error_code", "42201");
    assertThat(events).anySatisfy(event ->
        assertThat(event.path("formattedMessage").asText()).isEqualTo("Stele stopped"));
  }

}
