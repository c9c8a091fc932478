package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.http.auth.BearerAuthenticator;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** authentication.method=BEARER and the stele.auth.jwt.* keys. */
class BearerSettingsTest {
  private static Map<String, String> bearer(String... pairs) {
    Map<String, String> values = new HashMap<>(Map.of("authentication.method", "bearer",
        "stele.auth.users.file", "users.conf"));
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return values;
  }

  @Test
  void jwksUrlWithDefaults() throws ConfigException {
    ServerConfig config = ServerConfig.parse(bearer("stele.auth.jwt.jwks.url",
        "https://idp.example/jwks.json"), Path.of("/etc/stele"));
    assertThat(config.security().usersFile()).isEqualTo(Path.of("/etc/stele/users.conf"));
    assertThat(config.security().bearer()).isEqualTo(new BearerAuthenticator.Settings(
        URI.create("https://idp.example/jwks.json"), null, null, null, "sub", "roles"));
    assertThat(config.unknownKeys()).isEmpty();
  }

  @Test
  void publicKeyFileWithEveryCheck() throws ConfigException {
    ServerConfig config = ServerConfig.parse(bearer("stele.auth.jwt.public.key.file", "keys/idp.pem",
        "stele.auth.jwt.issuer", "https://idp.example", "stele.auth.jwt.audience", "schema-registry",
        "stele.auth.jwt.user.claim", "preferred_username",
        "stele.auth.jwt.roles.claim", "realm_access.roles"), Path.of("/etc/stele"));
    assertThat(config.security().bearer()).isEqualTo(new BearerAuthenticator.Settings(null,
        Path.of("/etc/stele/keys/idp.pem"), "https://idp.example", "schema-registry",
        "preferred_username", "realm_access.roles"));
  }

  @Test
  void basicHasNoBearerSettings() throws ConfigException {
    ServerConfig config = ServerConfig.parse(Map.of("authentication.method", "BASIC",
        "stele.auth.users.file", "users.conf"));
    assertThat(config.security().enabled()).isTrue();
    assertThat(config.security().bearer()).isNull();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "authentication.method=BEARER;stele.auth.users.file=u|needs exactly one of stele.auth.jwt.jwks.url and stele.auth.jwt.public.key.file",
      "authentication.method=BEARER;stele.auth.users.file=u;stele.auth.jwt.jwks.url=https://a/j;stele.auth.jwt.public.key.file=k.pem|needs exactly one of",
      "authentication.method=BEARER;stele.auth.users.file=u;stele.auth.jwt.jwks.url=ftp://a/j|is not an http:// or https:// URL",
      "authentication.method=BEARER;stele.auth.users.file=u;stele.auth.jwt.jwks.url=http://a b/j|is not a URL",
      "authentication.method=BEARER;stele.auth.jwt.jwks.url=https://a/j|authentication.method=BEARER needs stele.auth.users.file",
      "authentication.method=BASIC;stele.auth.users.file=u;stele.auth.jwt.jwks.url=https://a/j|stele.auth.jwt.jwks.url is set but authentication.method is not BEARER",
      "stele.auth.jwt.audience=x|stele.auth.jwt.audience is set but authentication.method is not BEARER",
      "authentication.method=TOKEN|authentication.method=TOKEN is not supported",
  })
  void refuses(String properties, String message) {
    Map<String, String> values = new HashMap<>();
    for (String pair : properties.split(";")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    assertThatThrownBy(() -> ServerConfig.parse(values)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }
}
