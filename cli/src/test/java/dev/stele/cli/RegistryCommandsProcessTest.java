package dev.stele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.client.ClientConfig;
import dev.stele.testkit.server.ServerProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** register, get, subjects, config, mode and delete against a real server process. */
class RegistryCommandsProcessTest {
  @TempDir
  static Path work;

  static ServerProcess server;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    server = ServerProcess.start(work, Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void registerThenGetByVersionAndById() {
    Path v1 = Cli.write(dir, "v1.avsc", CheckCommandTest.USER_V1);
    Cli.Run registered = Cli.run("register", "-o", "json", "--url", server.url(), "users-value", v1.toString());
    assertThat(registered.code()).as(registered.toString()).isZero();
    int id = registered.json().get("id").asInt();
    assertThat(registered.json().get("version").asInt()).isEqualTo(1);

    Cli.Run latest = Cli.run("get", "-u", server.url(), "--subject", "users-value");
    assertThat(latest.out().strip()).isEqualTo(CheckCommandTest.USER_V1);
    Cli.Run byId = Cli.run("get", "-o", "json", "-u", server.url(), "--id", String.valueOf(id));
    assertThat(byId.json().get("text").asText()).isEqualTo(CheckCommandTest.USER_V1);
    assertThat(Cli.run("subjects", "-o", "json", "-u", server.url()).json().toString()).contains("\"users-value\"");
  }

  @Test
  void anIncompatibleRegistrationIsARegistryErrorWithTheSameWordsAsCheck() {
    Path v1 = Cli.write(dir, "v1.avsc", CheckCommandTest.USER_V1);
    Path v2 = Cli.write(dir, "v2.avsc", CheckCommandTest.USER_EMAIL);
    assertThat(Cli.run("register", "-u", server.url(), "strict-value", v1.toString()).code()).isZero();
    Cli.Run refused = Cli.run("register", "-u", server.url(), "strict-value", v2.toString());
    assertThat(refused.code()).isEqualTo(ExitCodes.REGISTRY_ERROR);
    assertThat(refused.err()).contains("HTTP 409");
    // The local check must word it as the server does: every message of check is in the server's answer.
    Cli.Run local = Cli.run("check", "-o", "json", v2.toString(), v1.toString());
    for (JsonNode message : local.json().get("messages")) {
      assertThat(refused.err()).contains(message.asText());
    }
  }

  @Test
  void configAndModeAreReadAndSet() {
    Path v1 = Cli.write(dir, "v1.avsc", CheckCommandTest.USER_V1);
    Cli.run("register", "-u", server.url(), "settings-value", v1.toString());
    Cli.Run none = Cli.run("config", "-u", server.url(), "settings-value");
    assertThat(none.code()).isEqualTo(ExitCodes.REGISTRY_ERROR);
    assertThat(none.err()).contains("40408");
    assertThat(Cli.run("config", "-u", server.url(), "settings-value", "--set", "full_transitive").out().strip())
        .isEqualTo("FULL_TRANSITIVE");
    assertThat(Cli.run("config", "-o", "json", "-u", server.url(), "settings-value").json()
        .get("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
    assertThat(Cli.run("mode", "-u", server.url(), "settings-value", "--set", "readonly").out().strip())
        .isEqualTo("READONLY");
    Cli.Run readOnly = Cli.run("delete", "-u", server.url(), "settings-value");
    assertThat(readOnly.code()).isEqualTo(ExitCodes.REGISTRY_ERROR);
    assertThat(Cli.run("mode", "-u", server.url(), "settings-value", "--set", "READWRITE").code()).isZero();
  }

  @Test
  void deleteSoftThenPermanent() {
    Path v1 = Cli.write(dir, "v1.avsc", CheckCommandTest.USER_V1);
    Cli.run("register", "-u", server.url(), "gone-value", v1.toString());
    Cli.Run soft = Cli.run("delete", "-o", "json", "-u", server.url(), "gone-value");
    assertThat(soft.json().toString()).isEqualTo("[1]");
    assertThat(Cli.run("get", "-u", server.url(), "-s", "gone-value").code()).isEqualTo(ExitCodes.REGISTRY_ERROR);
    assertThat(Cli.run("delete", "-u", server.url(), "gone-value", "--permanent").out())
        .contains("permanently deleted gone-value version [1]");
  }

  @Test
  void theClientConfigFileIsReadAndABadKeyIsAUsageError() {
    Path config = Cli.write(dir, "client.properties", ClientConfig.URL + "=" + server.url() + "\n");
    assertThat(Cli.run("subjects", "--config", config.toString()).code()).isZero();
    Cli.Run bad = Cli.run("subjects", "--config", config.toString(), "-P", "max.retries=lots");
    assertThat(bad.code()).as(bad.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("max.retries");
    assertThat(Cli.run("subjects", "--config", dir.resolve("none.properties").toString()).code())
        .isEqualTo(ExitCodes.USAGE);
  }

  /** Two registered versions diffed as two files would be, with what changed between them. */
  @Test
  void diffOfTwoRegisteredVersions() {
    Path v1 = Cli.write(dir, "v1.avsc", CheckCommandTest.USER_V1);
    Path v2 = Cli.write(dir, "v2.avsc", CheckCommandTest.USER_EMAIL);
    assertThat(Cli.run("config", "-u", server.url(), "diffed-value", "--set", "NONE").code()).isZero();
    assertThat(Cli.run("register", "-u", server.url(), "diffed-value", v1.toString()).code()).isZero();
    assertThat(Cli.run("register", "-u", server.url(), "diffed-value", v2.toString()).code()).isZero();

    Cli.Run run = Cli.run("diff", "-o", "json", "-u", server.url(), "--subject", "diffed-value", "1", "latest");
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.INCOMPATIBLE);
    JsonNode diff = run.json();
    assertThat(diff.get("identical").asBoolean()).isFalse();
    assertThat(diff.at("/backward/is_compatible").asBoolean()).isFalse();
    assertThat(diff.at("/forward/is_compatible").asBoolean()).isTrue();
    assertThat(diff.get("changes").toString()).contains("+").contains("email");
    // The same two schemas as files give the same verdicts and the same changes.
    Cli.Run files = Cli.run("diff", "-o", "json", v1.toString(), v2.toString());
    assertThat(files.json().get("changes")).isEqualTo(diff.get("changes"));
    assertThat(files.json().get("backward")).isEqualTo(diff.get("backward"));

    Cli.Run same = Cli.run("diff", "-u", server.url(), "--subject", "diffed-value", "2", "2");
    assertThat(same.code()).isZero();
    assertThat(same.out()).startsWith("identical (normalized)");
    assertThat(Cli.run("diff", "-u", server.url(), "--subject", "diffed-value", "1", "9").code())
        .isEqualTo(ExitCodes.REGISTRY_ERROR);
    assertThat(Cli.run("diff", "-u", server.url(), "--subject", "diffed-value", "one", "2").code())
        .isEqualTo(ExitCodes.USAGE);
  }
}
