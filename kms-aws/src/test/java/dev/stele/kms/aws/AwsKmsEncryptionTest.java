package dev.stele.kms.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.kms.KmsDrivers;
import dev.stele.registry.model.KeyOptions;
import dev.stele.serde.rules.encryption.testing.DriverRoundTrip;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The aws-kms driver under the real ENCRYPT executor and in the server's shared-KEK path, with
 * {@link AwsKmsDouble} standing in for AWS (not reachable from these machines). Both drivers are
 * the ones a deployment gets: the client's is found by ServiceLoader, the server's is built with
 * no endpoint of its own; they reach the double through the AWS SDK's documented endpoint setting,
 * the {@code aws.endpointUrl} system property.
 */
class AwsKmsEncryptionTest {
  private static final String KEY = AwsKmsDouble.keyArn("us-east-1", "5678abcd-12ab-34cd-56ef-1234567890ab");

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry(new KeyOptions(KeyOptions.DEFAULT_MAX_KEYS,
      KmsDrivers.of(new AwsKmsDriver(variable -> null, null))));
  private static AwsKmsDouble aws;

  @BeforeAll
  static void start() throws Exception {
    aws = new AwsKmsDouble().withKey(KEY).withAccessKey("AKIDCLIENT", "client-secret")
        .withAccessKey("AKIDREGISTRY", "registry-secret");
    System.setProperty("aws.endpointUrl", aws.endpoint().toString());
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.endpointUrl");
    aws.close();
  }

  @Test
  void theClientWrapsItsDeksWithAwsKms() throws Exception {
    byte[] wrapped = DriverRoundTrip.throughTheClient(REGISTRY, "students", "aws-kms", KEY,
        Map.of("access.key.id", "AKIDCLIENT", "secret.access.key", "client-secret"));
    assertThat(wrapped).hasSizeGreaterThan(32);
  }

  @Test
  void theRegistryWrapsTheDeksOfASharedKekAndNeverAnswersTheSecret() throws Exception {
    DriverRoundTrip.throughASharedKek(REGISTRY, "pupils", "aws-kms", KEY,
        Map.of("access.key.id", "AKIDREGISTRY", "secret.access.key", "registry-secret"));
    assertThat(DriverRoundTrip.kek(REGISTRY, "pupils-kek").path("kmsProps").toString())
        .contains("AKIDREGISTRY").doesNotContain("registry-secret");
  }
}
