package dev.stele.kms.hcvault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.kms.KmsDrivers;
import dev.stele.registry.model.KeyOptions;
import dev.stele.serde.rules.encryption.testing.DriverRoundTrip;
import dev.stele.serde.testing.SerdeRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hcvault driver under the real ENCRYPT executor and in the server's shared-KEK path, with
 * {@link VaultTransitDouble} standing in for Vault (no Vault can be reached from these machines).
 */
class HcVaultEncryptionTest {
  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry(new KeyOptions(KeyOptions.DEFAULT_MAX_KEYS,
      KmsDrivers.of(new HcVaultKmsDriver(variable -> null))));
  private static VaultTransitDouble vault;

  @BeforeAll
  static void start() throws Exception {
    vault = new VaultTransitDouble("transit", "ns1").withKey("students").withToken("client-token")
        .withAppRole("registry", "registry-secret");
  }

  @AfterAll
  static void stop() {
    vault.close();
  }

  @Test
  void theClientWrapsItsDeksInVault() throws Exception {
    byte[] wrapped = DriverRoundTrip.throughTheClient(REGISTRY, "students", "hcvault", vault.keyUrl("students"),
        Map.of("token.id", "client-token", "namespace", "ns1"));
    assertThat(new String(wrapped, StandardCharsets.UTF_8)).startsWith("vault:v1:");
  }

  @Test
  void theRegistryWrapsTheDeksOfASharedKekAndNeverAnswersTheSecret() throws Exception {
    byte[] wrapped = DriverRoundTrip.throughASharedKek(REGISTRY, "pupils", "hcvault", vault.keyUrl("students"),
        Map.of("approle.role.id", "registry", "approle.secret.id", "registry-secret", "namespace", "ns1"));
    assertThat(new String(wrapped, StandardCharsets.UTF_8)).startsWith("vault:v1:");
    assertThat(DriverRoundTrip.kek(REGISTRY, "pupils-kek").path("kmsProps").toString())
        .contains("registry").contains("ns1").doesNotContain("registry-secret");
  }
}
