package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code stele.log.format}: the file's key, and what a start command may override it with. */
class LogFormatTest {
  @Test
  void theFileSetsItAndTextIsTheDefault() throws Exception {
    assertThat(ServerConfig.parse(Map.of()).logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(ServerConfig.parse(Map.of("stele.log.format", "json")).logFormat())
        .isEqualTo(LogFormat.JSON);
    assertThat(ServerConfig.parse(Map.of("stele.log.format", " JSON ")).logFormat())
        .isEqualTo(LogFormat.JSON);
    assertThat(ServerConfig.parse(Map.of("stele.log.format", "")).logFormat())
        .isEqualTo(LogFormat.TEXT);
    assertThatThrownBy(() -> ServerConfig.parse(Map.of("stele.log.format", "xml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("stele.log.format=xml is not a log format; use text or json");
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironmentWhichWinsOverTheFile() throws Exception {
    assertThat(LogFormat.choose(LogFormat.JSON, null, null)).isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.choose(LogFormat.JSON, null, "text")).isEqualTo(LogFormat.TEXT);
    assertThat(LogFormat.choose(LogFormat.TEXT, "json", "text")).isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.choose(LogFormat.TEXT, " ", "json")).isEqualTo(LogFormat.JSON);
    assertThatThrownBy(() -> LogFormat.choose(LogFormat.TEXT, null, "yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("STELE_LOG_FORMAT=yaml is not a log format; use text or json");
    assertThatThrownBy(() -> LogFormat.choose(LogFormat.TEXT, "yaml", null))
        .hasMessage("-Dstele.log.format=yaml is not a log format; use text or json");
  }
}
