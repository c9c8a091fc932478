package dev.stele.kms.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.kms.KmsDrivers;
import dev.stele.registry.model.KeyOptions;
import dev.stele.serde.rules.encryption.testing.DriverRoundTrip;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gcp-kms driver under the real ENCRYPT executor and in the server's shared-KEK path, with
 * {@link CloudKmsDouble} standing in for Cloud KMS and Google's token endpoint (not reachable from
 * these machines). Both drivers are the ones a deployment gets, built by their no-argument
 * constructor (the client's is found by ServiceLoader); they reach the double through the
 * driver's process-wide endpoint settings, the {@code gcp.kms.endpoint} and
 * {@code gcp.oauth2.token.uri} system properties, set before either is built.
 */
class GcpKmsEncryptionTest {
  private static final String KEY = CloudKmsDouble.keyName("us-east1", "school", "students");
  private static final CloudKmsDouble GCP = start();
  private static ServiceAccount client;
  private static ServiceAccount registry;

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry(new KeyOptions(KeyOptions.DEFAULT_MAX_KEYS,
      KmsDrivers.of(new GcpKmsDriver())));

  private static CloudKmsDouble start() {
    try {
      CloudKmsDouble gcp = new CloudKmsDouble();
      System.setProperty("gcp.kms.endpoint", gcp.endpoint().toString());
      System.setProperty("gcp.oauth2.token.uri", gcp.tokenUri().toString());
      return gcp;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void accounts() throws Exception {
    client = ServiceAccount.create("producer");
    registry = ServiceAccount.create("registry");
    GCP.withKey(KEY, client, registry);
  }

  @AfterAll
  static void stop() {
    System.clearProperty("gcp.kms.endpoint");
    System.clearProperty("gcp.oauth2.token.uri");
    GCP.close();
  }

  @Test
  void theClientWrapsItsDeksWithCloudKms() throws Exception {
    byte[] wrapped = DriverRoundTrip.throughTheClient(REGISTRY, "students", "gcp-kms", KEY, client.properties());
    assertThat(wrapped).hasSizeGreaterThan(32);
  }

  @Test
  void theRegistryWrapsTheDeksOfASharedKekAndNeverAnswersThePrivateKey() throws Exception {
    Map<String, String> props = new HashMap<>(registry.properties());
    DriverRoundTrip.throughASharedKek(REGISTRY, "pupils", "gcp-kms", KEY, props);
    assertThat(DriverRoundTrip.kek(REGISTRY, "pupils-kek").path("kmsProps").toString())
        .contains(registry.email()).doesNotContain("PRIVATE KEY");
  }
}
