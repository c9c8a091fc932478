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
import java.util.HashMap;
import java.util.List;
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
  static RecordingProxy wrongName;
  static RecordingProxy tls12Only;
  static Path truststore;
  static Path wrongNameTruststore;

  /**
   * A PKCS12 key store {@code <alias>.p12} with a self-signed certificate for {@code dname} and
   * {@code san}, and a trust store {@code <alias>-trust.p12} holding that certificate.
   */
  private static Path selfSigned(String alias, String dname, String san) throws Exception {
    Path keystore = dir.resolve(alias + ".p12");
    Path cert = dir.resolve(alias + ".crt");
    Keytool.run(dir, "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048",
        "-validity", "2", "-dname", dname, "-ext", san, "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
    Keytool.run(dir, "-exportcert", "-alias", alias, "-keystore", keystore.toString(),
        "-storepass", PASSWORD, "-file", cert.toString());
    Keytool.run(dir, "-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(),
        "-storetype", "PKCS12", "-keystore", dir.resolve(alias + "-trust.p12").toString(),
        "-storepass", PASSWORD);
    return keystore;
  }

  @BeforeAll
  static void start() throws Exception {
    Path keystore = selfSigned("server", "CN=127.0.0.1", "SAN=ip:127.0.0.1");
    truststore = dir.resolve("server-trust.p12");
    // A certificate for "localhost" only, served at 127.0.0.1: the chain is trusted, the name is not.
    Path otherKeystore = selfSigned("other", "CN=localhost", "SAN=dns:localhost");
    wrongNameTruststore = dir.resolve("other-trust.p12");
    registry = TestRegistry.start();
    https = RecordingProxy.https(registry.url(), serverContext(keystore));
    wrongName = RecordingProxy.https(registry.url(), serverContext(otherKeystore));
    tls12Only = RecordingProxy.https(registry.url(), serverContext(keystore), "TLSv1.2");
  }

  @AfterAll
  static void stop() throws Exception {
    https.close();
    wrongName.close();
    tls12Only.close();
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

  @Test
  void anEmptyEndpointIdentificationAlgorithmSkipsTheHostNameCheck() throws Exception {
    Map<String, String> trusted = new HashMap<>(Map.of(ClientConfig.URL, wrongName.url(), ClientConfig.MAX_RETRIES, "0",
        "schema.registry.ssl.truststore.location", wrongNameTruststore.toString(),
        "schema.registry.ssl.truststore.password", PASSWORD, "schema.registry.ssl.truststore.type", "PKCS12"));
    SchemaRegistryClient checking = CachedSchemaRegistryClient.fromConfigs(trusted);
    assertThatThrownBy(checking::getSubjects).isInstanceOf(IOException.class);
    trusted.put("schema.registry.ssl.endpoint.identification.algorithm", "");
    assertThat(CachedSchemaRegistryClient.fromConfigs(trusted).getSubjects()).isEmpty();
  }

  @Test
  void skippingTheHostNameCheckStillChecksTheChain() {
    SchemaRegistryClient client = CachedSchemaRegistryClient.fromConfigs(Map.of(ClientConfig.URL, wrongName.url(),
        ClientConfig.MAX_RETRIES, "0", "schema.registry.ssl.endpoint.identification.algorithm", "none"));
    assertThatThrownBy(client::getSubjects).isInstanceOf(IOException.class);
  }

  @Test
  void enabledProtocolsAndCipherSuitesLimitWhatTheClientOffers() throws Exception {
    Map<String, String> base = Map.of(ClientConfig.URL, tls12Only.url(), ClientConfig.MAX_RETRIES, "0",
        "schema.registry.ssl.truststore.location", truststore.toString(),
        "schema.registry.ssl.truststore.password", PASSWORD, "schema.registry.ssl.truststore.type", "PKCS12");
    assertThat(CachedSchemaRegistryClient.fromConfigs(base).getSubjects()).isEmpty();
    Map<String, String> tls13 = new HashMap<>(base);
    tls13.put("schema.registry.ssl.enabled.protocols", "TLSv1.3");
    assertThatThrownBy(CachedSchemaRegistryClient.fromConfigs(tls13)::getSubjects).isInstanceOf(IOException.class);
    // A TLS 1.3-only suite cannot be agreed with a TLS 1.2 server.
    Map<String, String> suites = new HashMap<>(base);
    suites.put("schema.registry.ssl.cipher.suites", "TLS_AES_128_GCM_SHA256");
    assertThatThrownBy(CachedSchemaRegistryClient.fromConfigs(suites)::getSubjects).isInstanceOf(IOException.class);
  }

  @Test
  void protocolAlgorithmsAndSecureRandomNameWhatTheJdkBuilds() throws Exception {
    Map<String, String> configs = new HashMap<>(Map.of(ClientConfig.URL, tls12Only.url(), ClientConfig.MAX_RETRIES, "0",
        "schema.registry.ssl.truststore.location", truststore.toString(),
        "schema.registry.ssl.truststore.password", PASSWORD, "schema.registry.ssl.truststore.type", "PKCS12",
        "schema.registry.ssl.protocol", "TLSv1.2", "schema.registry.ssl.trustmanager.algorithm", "PKIX",
        "schema.registry.ssl.secure.random.implementation", "SHA1PRNG"));
    assertThat(CachedSchemaRegistryClient.fromConfigs(configs).getSubjects()).isEmpty();
    for (String key : List.of("protocol", "trustmanager.algorithm", "keymanager.algorithm",
        "secure.random.implementation")) {
      Map<String, String> wrong = new HashMap<>(configs);
      wrong.put("schema.registry.ssl.keystore.location", truststore.toString());
      wrong.put("schema.registry.ssl.keystore.password", PASSWORD);
      wrong.put("schema.registry.ssl.keystore.type", "PKCS12");
      wrong.put("schema.registry.ssl." + key, "NoSuchThing");
      assertThatThrownBy(() -> CachedSchemaRegistryClient.fromConfigs(wrong))
          .as(key).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NoSuchThing");
    }
  }

  @Test
  void pemStoresAreRefusedByName() {
    assertThatThrownBy(() -> CachedSchemaRegistryClient.fromConfigs(Map.of(ClientConfig.URL, https.url(),
        "schema.registry.ssl.keystore.type", "PEM")))
        .isInstanceOf(UnsupportedConfigException.class).hasMessageContaining("schema.registry.ssl.keystore.type");
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
