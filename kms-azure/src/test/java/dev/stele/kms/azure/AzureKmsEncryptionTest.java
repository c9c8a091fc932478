package dev.stele.kms.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.kms.KmsDrivers;
import dev.stele.registry.model.KeyOptions;
import dev.stele.serde.rules.encryption.testing.DriverRoundTrip;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The azure-kms driver under the real ENCRYPT executor and in the server's shared-KEK path, with
 * {@link AzureDouble} standing in for Azure (not reachable from these machines). Both drivers are
 * the ones a deployment gets: the client's is found by ServiceLoader, the server's is built as the
 * ServiceLoader builds it; they reach the double by the vault's name in the key id, Entra ID through
 * the SDK's documented {@code AZURE_AUTHORITY_HOST} setting ({@link AzureFixture}).
 */
class AzureKmsEncryptionTest {
  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry(new KeyOptions(KeyOptions.DEFAULT_MAX_KEYS,
      KmsDrivers.of(new AzureKmsDriver())));
  private static String keyId;

  @BeforeAll
  static void start() throws Exception {
    AzureDouble azure = AzureFixture.azure().withClient("client-app", "client-secret")
        .withClient("registry-app", "registry-secret");
    keyId = AzureFixture.keyId("students", azure.rotate("students"));
  }

  @Test
  void theClientWrapsItsDeksWithKeyVault() throws Exception {
    byte[] wrapped = DriverRoundTrip.throughTheClient(REGISTRY, "students", "azure-kms", keyId,
        Map.of("tenant.id", AzureFixture.TENANT, "client.id", "client-app", "client.secret", "client-secret"));
    assertThat(wrapped).as("Key Vault's RSA-2048 ciphertext, as Confluent's clients store it").hasSize(256);
  }

  @Test
  void theRegistryWrapsTheDeksOfASharedKekAndNeverAnswersTheSecret() throws Exception {
    byte[] wrapped = DriverRoundTrip.throughASharedKek(REGISTRY, "pupils", "azure-kms", keyId,
        Map.of("tenant.id", AzureFixture.TENANT, "client.id", "registry-app", "client.secret", "registry-secret"));
    assertThat(wrapped).hasSize(256);
    assertThat(DriverRoundTrip.kek(REGISTRY, "pupils-kek").path("kmsProps").toString())
        .contains("registry-app").doesNotContain("registry-secret");
  }
}
