package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.http.CorsOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The access.control.* keys, as ServerConfig reads them (CORS itself: registry-http's CorsTest). */
class CorsSettingsTest {

  @Test
  void unsetOrBlankOriginMeansNoCors() throws ConfigException {
    assertThat(ServerConfig.parse(Map.of()).cors()).isEqualTo(CorsOptions.NONE);
    ServerConfig blank = ServerConfig.parse(Map.of("access.control.allow.origin", " ",
        "access.control.allow.methods", "GET,PUT"));
    assertThat(blank.cors().enabled()).isFalse();
  }

  @Test
  void listsAreCommaSeparatedAndTrimmed() throws ConfigException {
    ServerConfig config = ServerConfig.parse(Map.of(
        "access.control.allow.origin", "https://ui.example, https://*.corp.example",
        "access.control.allow.methods", "GET, POST,put,DELETE,OPTIONS",
        "access.control.allow.headers", "Content-Type, Authorization",
        "access.control.expose.headers", "Location"));

    assertThat(config.cors()).isEqualTo(new CorsOptions(
        List.of("https://ui.example", "https://*.corp.example"),
        List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"),
        List.of("Content-Type", "Authorization"), List.of("Location")));
    // Read, so neither listed as ignored nor unknown.
    assertThat(config.ignoredKeys()).isEmpty();
    assertThat(config.unknownKeys()).isEmpty();
  }

  @Test
  void methodsAndHeadersDefaultToJettysAsInTheConfluentRegistry() throws ConfigException {
    CorsOptions cors = ServerConfig.parse(Map.of("access.control.allow.origin", "*")).cors();

    assertThat(cors.allowedOrigins()).containsExactly("*");
    assertThat(cors.allowedMethods()).containsExactly("GET", "POST", "HEAD");
    assertThat(cors.allowedHeaders())
        .containsExactly("X-Requested-With", "Content-Type", "Accept", "Origin");
  }

  @Test
  void skipOptionsIsAcceptedAndSaidToBeIgnored() throws ConfigException {
    ServerConfig config = ServerConfig.parse(Map.of("access.control.skip.options", "false"));

    assertThat(config.ignoredKeys()).containsExactly("access.control.skip.options");
  }

  @Test
  void aMethodThatIsNoTokenStopsTheStart() {
    assertThatThrownBy(() -> ServerConfig.parse(Map.of("access.control.allow.origin", "*",
        "access.control.allow.methods", "GET;POST")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("access.control.allow.methods")
        .hasMessageContaining("'GET;POST' is not an HTTP method");
  }

  @Test
  void aMisspeltCorsKeyIsUnknownNotSwallowed() {
    assertThatThrownBy(() -> ServerConfig.parse(Map.of("access.control.allow.orgin", "*")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("did you mean access.control.allow.origin?");
  }
}
