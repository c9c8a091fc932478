package dev.stele.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.testing.RecordingProxy;
import dev.stele.client.testing.TestCertificates;
import dev.stele.client.testing.TestRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's {@code schema.registry.ssl.*} settings against an HTTPS endpoint in front of a
 * real server, with a self-signed certificate made by the JDK's keytool for 127.0.0.1.
 */
class TlsClientTest {
  static final String PASSWORD = TestCertificates.PASSWORD;
  @TempDir static Path dir;
  static TestRegistry registry;
  static RecordingProxy https;
  static RecordingProxy wrongName;
  static RecordingProxy tls12Only;
  static Path truststore;
  static Path wrongNameTruststore;

  @BeforeAll
  static void start() throws Exception {
    Path keystore = TestCertificates.selfSigned(dir, "server", "CN=127.0.0.1", "SAN=ip:127.0.0.1");
    truststore = dir.resolve("server-trust.p12");
    // A certificate for "localhost" only, served at 127.0.0.1: the chain is trusted, the name is not.
    Path otherKeystore = TestCertificates.selfSigned(dir, "other", "CN=localhost", "SAN=dns:localhost");
    wrongNameTruststore = dir.resolve("other-trust.p12");
    registry = TestRegistry.start();
    https = RecordingProxy.https(registry.url(), TestCertificates.serverContext(keystore, null));
    wrongName = RecordingProxy.https(registry.url(), TestCertificates.serverContext(otherKeystore, null));
    tls12Only = RecordingProxy.https(registry.url(), TestCertificates.serverContext(keystore, null), "TLSv1.2");
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
}
