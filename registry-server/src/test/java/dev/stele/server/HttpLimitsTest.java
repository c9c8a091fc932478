package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.http.RestOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stele.http.* and stele.schema.max.bytes keys, as ServerConfig reads them. */
class HttpLimitsTest {

  @Test
  void defaultsAreRestOptionsDefaults() throws ConfigException {
    ServerConfig config = ServerConfig.parse(Map.of());
    assertThat(config.limits()).isEqualTo(HttpLimits.DEFAULTS);
    RestOptions options = config.limits().applyTo(RestOptions.loopback());
    assertThat(options.maxHeaderBytes()).isEqualTo(8192);
    assertThat(options.maxInitialLineBytes()).isEqualTo(4096);
    assertThat(options.requestTimeoutMillis()).isEqualTo(30_000);
    assertThat(options.maxSchemaBytes()).isEqualTo(1024 * 1024);
  }

  @Test
  void keysReachTheListenerOptions() throws ConfigException {
    ServerConfig config = ServerConfig.parse(Map.of(
        "stele.http.max.header.bytes", "16384",
        "stele.http.max.request.line.bytes", " 8192 ",
        "stele.http.request.timeout.ms", "5000",
        "stele.schema.max.bytes", "262144",
        "stele.max.request.bytes", "1048576",
        "idle.timeout.ms", "60000"));
    RestOptions options = config.limits().applyTo(
        new RestOptions("127.0.0.1", 0, config.maxRequestBytes(), config.idleTimeoutSeconds()));
    assertThat(options).isEqualTo(new RestOptions("127.0.0.1", 0, 1_048_576, 60, 16_384, 8_192,
        5_000, 262_144));
    assertThat(config.unknownKeys()).isEmpty();
    assertThat(config.ignoredKeys()).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "stele.http.max.header.bytes|0|stele.http.max.header.bytes=0 must be a positive number of bytes",
      "stele.http.max.request.line.bytes|4k|stele.http.max.request.line.bytes=4k must be a positive number of bytes",
      "stele.http.request.timeout.ms|-1|stele.http.request.timeout.ms=-1 must be a positive number of milliseconds",
      "stele.schema.max.bytes|3000000000|stele.schema.max.bytes=3000000000 must be a positive number of bytes",
      "stele.http.request.timout.ms|5000|unknown setting stele.http.request.timout.ms",
  })
  void refusesBadValuesAndMisspeltKeys(String key, String value, String message) {
    assertThatThrownBy(() -> ServerConfig.parse(Map.of(key, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }
}
