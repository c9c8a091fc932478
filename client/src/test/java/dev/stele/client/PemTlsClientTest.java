package dev.stele.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.testing.RecordingProxy;
import dev.stele.client.testing.TestCertificates;
import dev.stele.client.testing.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schema.registry.ssl.*.type=PEM}, as Kafka reads it: trusted certificates and the client's
 * key and certificate chain as PEM files or inline text, against an HTTPS endpoint that requires a
 * client certificate, in front of a real server.
 */
class PemTlsClientTest {
  private static final String PREFIX = "schema.registry.ssl.";
  @TempDir static Path dir;
  static TestRegistry registry;
  static RecordingProxy mutual;
  static String serverCertificate;
  static String clientKey;
  static String clientCertificate;

  @BeforeAll
  static void start() throws Exception {
    Path server = TestCertificates.selfSigned(dir, "server", "CN=127.0.0.1", "SAN=ip:127.0.0.1");
    Path client = TestCertificates.selfSigned(dir, "client", "CN=orders-service", "SAN=dns:orders.test");
    serverCertificate = TestCertificates.certificatePem(server);
    clientKey = TestCertificates.privateKeyPem(client);
    clientCertificate = TestCertificates.certificatePem(client);
    registry = TestRegistry.start();
    mutual = RecordingProxy.mutualTls(registry.url(), TestCertificates.serverContext(server, client));
  }

  @AfterAll
  static void stop() throws Exception {
    mutual.close();
    registry.close();
  }

  private static Map<String, String> configs(String... keysAndValues) {
    Map<String, String> configs = new HashMap<>(Map.of(ClientConfig.URL, mutual.url(), ClientConfig.MAX_RETRIES, "0"));
    for (int i = 0; i < keysAndValues.length; i += 2) {
      configs.put(PREFIX + keysAndValues[i], keysAndValues[i + 1]);
    }
    return configs;
  }

  @Test
  void pemFilesTrustTheServerAndPresentTheClientsCertificate() throws Exception {
    Path trust = Files.writeString(dir.resolve("ca.pem"), serverCertificate);
    Path key = Files.writeString(dir.resolve("client.pem"), clientKey + clientCertificate);
    SchemaRegistryClient client = CachedSchemaRegistryClient.fromConfigs(configs("truststore.type", "PEM",
        "truststore.location", trust.toString(), "keystore.type", "PEM", "keystore.location", key.toString()));
    int id = client.register("pem-value", CachedSchemaRegistryClientTest.USER);
    assertThat(client.getById(id).text()).contains("User");
  }

  @Test
  void inlinePemWorksTheSame() throws Exception {
    SchemaRegistryClient client = CachedSchemaRegistryClient.fromConfigs(configs("truststore.type", "PEM",
        "truststore.certificates", serverCertificate, "keystore.type", "PEM", "keystore.key", clientKey,
        "keystore.certificate.chain", clientCertificate));
    assertThat(client.getSubjects()).isNotNull();
  }

  @Test
  void anEncryptedKeyOpensWithTheKeyPassword() throws Exception {
    String encrypted = encrypted(TestCertificates.privateKey(dir.resolve("client.p12")).getEncoded(), "k3y-pass");
    Map<String, String> configs = configs("truststore.type", "PEM", "truststore.certificates", serverCertificate,
        "keystore.type", "PEM", "keystore.key", encrypted, "keystore.certificate.chain", clientCertificate,
        "key.password", "k3y-pass");
    assertThat(CachedSchemaRegistryClient.fromConfigs(configs).getSubjects()).isNotNull();
    configs.put(PREFIX + "key.password", "wrong");
    assertThatThrownBy(() -> CachedSchemaRegistryClient.fromConfigs(configs))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key.password");
    configs.remove(PREFIX + "key.password");
    assertThatThrownBy(() -> CachedSchemaRegistryClient.fromConfigs(configs))
        .hasMessageContaining("encrypted private key: set schema.registry.ssl.key.password");
  }

  @Test
  void withoutAClientCertificateTheServerRefusesTheHandshake() {
    SchemaRegistryClient client = CachedSchemaRegistryClient.fromConfigs(configs("truststore.type", "PEM",
        "truststore.certificates", serverCertificate));
    assertThatThrownBy(client::getSubjects).isInstanceOf(IOException.class);
  }

  @Test
  void pemSettingsThatWouldBeIgnoredAreRefused() {
    Map<String, String[]> refused = Map.of(
        "set schema.registry.ssl.truststore.type=PEM", new String[] {"truststore.certificates", serverCertificate},
        "not both", new String[] {"truststore.type", "PEM", "truststore.certificates", serverCertificate,
            "truststore.location", "/x.pem"},
        "truststore.password has no meaning", new String[] {"truststore.type", "PEM", "truststore.certificates",
            serverCertificate, "truststore.password", "pw"},
        "go together", new String[] {"keystore.type", "PEM", "keystore.key", clientKey},
        "needs schema.registry.ssl.keystore.location", new String[] {"keystore.type", "PEM"},
        "holds no PEM CERTIFICATE block", new String[] {"truststore.type", "PEM", "truststore.certificates",
            "not pem"});
    refused.forEach((message, keysAndValues) ->
        assertThatThrownBy(() -> CachedSchemaRegistryClient.fromConfigs(configs(keysAndValues)))
            .as(message).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message));
  }

  @Test
  void theInlineKeyIsNeverPrinted() {
    ClientConfig config = ClientConfig.fromMap(configs("keystore.type", "PEM", "keystore.key", clientKey,
        "keystore.certificate.chain", clientCertificate));
    assertThat(config.ssl().toString()).doesNotContain("PRIVATE").contains("(inline PEM)");
  }

  /** PKCS#8 encrypted with PBES2 (HMAC-SHA256, AES-256), the scheme openssl uses by default. */
  private static String encrypted(byte[] pkcs8, String password) throws Exception {
    String algorithm = "PBEWithHmacSHA256AndAES_256";
    byte[] salt = new byte[16];
    byte[] iv = new byte[16];
    new SecureRandom().nextBytes(salt);
    new SecureRandom().nextBytes(iv);
    Cipher cipher = Cipher.getInstance(algorithm);
    cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(algorithm)
        .generateSecret(new PBEKeySpec(password.toCharArray())), new PBEParameterSpec(salt, 10_000,
        new IvParameterSpec(iv)));
    byte[] sealed = cipher.doFinal(pkcs8);
    // Written under the PBES2 identifier, as openssl writes it (the JDK names the scheme only so).
    AlgorithmParameters pbes2 = AlgorithmParameters.getInstance("PBES2");
    pbes2.init(cipher.getParameters().getEncoded());
    return TestCertificates.pem("ENCRYPTED PRIVATE KEY", new EncryptedPrivateKeyInfo(pbes2, sealed).getEncoded());
  }
}
