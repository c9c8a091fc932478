package dev.stele.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.testing.RecordingProxy;
import dev.stele.client.testing.TestRegistry;
import dev.stele.testkit.Keytool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's {@code schema.registry.ssl.*} settings against an HTTPS endpoint in front of a
 * real server, with a self-signed certificate made by the JDK's keytool for 127.0.0.1.
 */
class TlsClientTest {
  static final String PASSWORD = "changeit";
  @TempDir static Path dir;
  static TestRegistry registry;
  static RecordingProxy https;
  static Path truststore;

  @BeforeAll
  static void start() throws Exception {
    Path keystore = dir.resolve("server.p12");
    truststore = dir.resolve("trust.p12");
    Path cert = dir.resolve("server.crt");
    Keytool.run(dir, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
        "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
    Keytool.run(dir, "-exportcert", "-alias", "server", "-keystore", keystore.toString(),
        "-storepass", PASSWORD, "-file", cert.toString());
    Keytool.run(dir, "-importcert", "-noprompt", "-alias", "server", "-file", cert.toString(),
        "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", PASSWORD);
    registry = TestRegistry.start();
    https = RecordingProxy.https(registry.url(), serverContext(keystore));
  }

  @AfterAll
  static void stop() throws Exception {
    https.close();
    registry.close();
  }

  @Test
  void theConfiguredTruststoreLetsTheClientIn() throws Exception {
    SchemaRegistryClient client = CachedSchemaRegistryClient.fromConfigs(Map.of(ClientConfig.URL, https.url(),
        "schema.registry.ssl.truststore.location", truststore.toString(),
        "schema.registry.ssl.truststore.password", PASSWORD,
        "schema.registry.ssl.truststore.type", "PKCS12"));
    int id = client.register("tls-value", CachedSchemaRegistryClientTest.USER);
    assertThat(client.getById(id).text()).contains("User");
    assertThat(https.calls()).hasSize(2);
  }

  @Test
  void withoutItTheSelfSignedCertificateIsRefused() {
    SchemaRegistryClient client = CachedSchemaRegistryClient.fromConfigs(Map.of(ClientConfig.URL, https.url(),
        ClientConfig.MAX_RETRIES, "0"));
    assertThatThrownBy(client::getSubjects).isInstanceOf(IOException.class).hasMessageContaining(https.url());
  }

  private static SSLContext serverContext(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}
