package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecuritySettingsTest {
  @TempDir Path dir;

  @Test
  void withoutAuthenticationKeysTheServerIsOpen() throws ConfigException {
    assertThat(ServerConfig.parse(Map.of()).security()).isEqualTo(SecuritySettings.NONE);
    assertThat(ServerConfig.parse(Map.of("authentication.method", "none")).security().enabled())
        .isFalse();
  }

  @Test
  void basicReadsTheUsersFileRealmAndOpenPaths() throws ConfigException {
    SecuritySettings security = ServerConfig.parse(Map.of("authentication.method", "BASIC",
        "stele.auth.users.file", "/etc/stele/users.conf", "authentication.realm", "Registry",
        "stele.auth.open.paths", "/health/*, /metrics")).security();
    assertThat(security.enabled()).isTrue();
    assertThat(security.usersFile()).isEqualTo(Path.of("/etc/stele/users.conf"));
    assertThat(security.realm()).isEqualTo("Registry");
    assertThat(security.openPaths()).containsExactly("/health/*", "/metrics");
  }

  @Test
  void aRelativeUsersFileIsFoundBesideThePropertiesFileAndTheLastLineWins() throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Path properties = conf.resolve("stele.properties");
    Files.writeString(properties, """
        listeners=http://0.0.0.0:8081
        authentication.method=BASIC
        stele.auth.users.file=users.conf
        stele.data.dir=./data
        listeners=http://127.0.0.1:9999
        stele.data.dir=/var/lib/stele
        """);
    ServerConfig config = ServerConfig.load(properties);
    assertThat(config.security().usersFile()).isEqualTo(conf.resolve("users.conf").toAbsolutePath());
    assertThat(config.security().realm()).isEqualTo("Stele");
    assertThat(config.listeners()).extracting(Listener::url).containsExactly("http://127.0.0.1:9999");
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/stele"));
  }

  @Test
  void httpsListenersReadTheSslKeysWithPathsBesideThePropertiesFile() throws Exception {
    Files.writeString(dir.resolve("server.p12"), "not read here");
    Files.writeString(dir.resolve("trust.p12"), "not read here");
    SecuritySettings security = ServerConfig.parse(Map.of(
        "listeners", "http://0.0.0.0:8081,https://0.0.0.0:8443",
        "ssl.keystore.location", "server.p12", "ssl.keystore.password", "pw",
        "ssl.keystore.type", "pkcs12", "ssl.truststore.location", dir.resolve("trust.p12").toString(),
        "ssl.client.authentication", "requested", "ssl.enabled.protocols", "TLSv1.3, TLSv1.2"),
        dir).security();
    assertThat(security.enabled()).as("TLS without authentication").isFalse();
    assertThat(security.tls().keystore())
        .isEqualTo(new dev.stele.http.TlsOptions.Store(dir.resolve("server.p12").toString(), "pw", "PKCS12"));
    assertThat(security.tls().truststore().type()).isEqualTo("JKS");
    assertThat(security.tls().clientAuth()).isEqualTo("REQUESTED");
    assertThat(security.tls().protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    assertThat(ServerConfig.parse(Map.of("listeners", "https://:8443", "ssl.keystore.location",
        "server.p12", "ssl.client.auth", "true"), dir).security().tls().clientAuth()).isEqualTo("REQUIRED");
    // Without an https:// listener the ssl.* keys are not acted on, and said so.
    ServerConfig plain = ServerConfig.parse(Map.of("ssl.keystore.location", "server.p12"), dir);
    assertThat(plain.security().tls()).isNull();
    assertThat(plain.ignoredKeys()).containsExactly("ssl.keystore.location");
    assertThatThrownBy(() -> ServerConfig.parse(Map.of("listeners", "https://:8443",
        "ssl.keystore.location", "missing.p12"), dir)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("no readable file");
    assertThatThrownBy(() -> ServerConfig.parse(Map.of("listeners", "https://:8443",
        "ssl.keystore.location", "server.p12", "ssl.client.authentication", "SOMETIMES"), dir))
        .isInstanceOf(ConfigException.class).hasMessageContaining("NONE, REQUESTED or REQUIRED");
  }

  @Test
  void halfConfiguredSecurityIsRefused() throws IOException {
    for (Map<String, String> bad : List.of(
        Map.of("stele.auth.users.file", "users.conf"),
        Map.of("authentication.method", "BASIC"),
        Map.of("authentication.method", "JAAS"),
        Map.of("authentication.method", "BASIC", "stele.auth.users.file", "u",
            "stele.auth.open.paths", "health"),
        Map.of("authentication.method", "BASIC", "stele.auth.users.file", "u",
            "stele.auth.open.paths", "/a/../subjects"),
        Map.of("stele.auth.user.file", "u"))) {
      assertThatThrownBy(() -> ServerConfig.parse(bad)).as(bad.toString())
          .isInstanceOf(ConfigException.class);
    }
  }
}
