package dev.stele.kms.hcvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.kms.KmsDrivers;
import dev.stele.kms.KmsKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hcvault driver against {@link VaultTransitDouble}, a double of Vault's documented HTTP API. */
class HcVaultKmsDriverTest {
  private static final byte[] DEK = "thirty-two bytes of a data key!!".getBytes(StandardCharsets.UTF_8);
  private static VaultTransitDouble vault;
  private static VaultTransitDouble namespaced;
  private final HcVaultKmsDriver driver = new HcVaultKmsDriver(variable -> null);

  @BeforeAll
  static void start() throws Exception {
    vault = new VaultTransitDouble("transit", null).withKey("orders").withToken("root-token")
        .withAppRole("role-1", "secret-1");
    namespaced = new VaultTransitDouble("team/transit", "ns1").withKey("orders").withToken("ns-token");
  }

  @AfterAll
  static void stop() {
    vault.close();
    namespaced.close();
  }

  private static KmsKey key(VaultTransitDouble on, String name, String... props) {
    Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < props.length; i += 2) {
      map.put(props[i], props[i + 1]);
    }
    return KmsKey.of("hcvault", on.keyUrl(name), map);
  }

  @Test
  void wrapsIntoVaultsCiphertextAndUnwraps() throws Exception {
    KmsKey key = key(vault, "orders", "token.id", "root-token");
    byte[] wrapped = driver.wrap(key, DEK);
    // What Confluent's clients store: Vault's ciphertext string itself, as UTF-8.
    assertThat(new String(wrapped, StandardCharsets.UTF_8)).startsWith("vault:v1:");
    assertThat(driver.unwrap(key, wrapped)).isEqualTo(DEK);
  }

  @Test
  void sendsTheNamespaceHeaderAndTakesAMountOfSeveralSegments() throws Exception {
    KmsKey key = key(namespaced, "orders", "token.id", "ns-token", "namespace", "ns1");
    assertThat(driver.unwrap(key, driver.wrap(key, DEK))).isEqualTo(DEK);
    KmsKey noNamespace = key(namespaced, "orders", "token.id", "ns-token");
    assertThatThrownBy(() -> driver.wrap(noNamespace, DEK)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("refused the token (token.id)").hasMessageContaining("permission denied");
  }

  @Test
  void logsInWithAnAppRoleOnceAndAgainWhenTheTokenExpires() throws Exception {
    KmsKey key = key(vault, "orders", "approle.role.id", "role-1", "approle.secret.id", "secret-1");
    int before = vault.logins();
    byte[] wrapped = driver.wrap(key, DEK);
    assertThat(driver.unwrap(key, wrapped)).isEqualTo(DEK);
    assertThat(vault.logins()).isEqualTo(before + 1);
    vault.revokeTokens();
    try {
      assertThat(driver.unwrap(key, wrapped)).isEqualTo(DEK);
      assertThat(vault.logins()).isEqualTo(before + 2);
    } finally {
      vault.withToken("root-token");
    }
  }

  @Test
  void aWrongTokenIsRefusedNamingTheSetting() {
    KmsKey key = key(vault, "orders", "token.id", "not-a-token");
    assertThatThrownBy(() -> driver.wrap(key, DEK)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("Vault at " + vault.url()).hasMessageContaining("refused the token (token.id)")
        .hasMessageContaining("HTTP 403: permission denied").hasMessageNotContaining("not-a-token");
  }

  @Test
  void aWrongAppRoleSecretIsRefusedAtLogin() {
    KmsKey key = key(vault, "orders", "approle.role.id", "role-1", "approle.secret.id", "wrong");
    assertThatThrownBy(() -> driver.wrap(key, DEK)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("refused the login of the AppRole role-1")
        .hasMessageContaining("invalid role or secret ID").hasMessageNotContaining("wrong");
  }

  @Test
  void noCredentialsAtAllIsRefusedNamingTheKeys() {
    assertThatThrownBy(() -> driver.wrap(key(vault, "orders"), DEK)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("token.id").hasMessageContaining("approle.role.id").hasMessageContaining("VAULT_TOKEN");
  }

  @Test
  void credentialsFallBackToTheEnvironment() throws Exception {
    HcVaultKmsDriver fromEnvironment = new HcVaultKmsDriver(
        variable -> variable.equals("VAULT_TOKEN") ? "ns-token" : variable.equals("VAULT_NAMESPACE") ? "ns1" : null);
    KmsKey key = key(namespaced, "orders");
    assertThat(fromEnvironment.unwrap(key, fromEnvironment.wrap(key, DEK))).isEqualTo(DEK);
  }

  @Test
  void anUnknownKeyOrAnotherKeysCiphertextFailsWithVaultsReason() throws Exception {
    byte[] wrapped = driver.wrap(key(vault, "orders", "token.id", "root-token"), DEK);
    assertThatThrownBy(() -> driver.unwrap(key(vault, "missing", "token.id", "root-token"), wrapped))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("transit key missing").hasMessageContaining("encryption key not found");
    assertThatThrownBy(() -> driver.unwrap(key(vault, "orders", "token.id", "root-token"), new byte[] {1, 2}))
        .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("not a Vault transit ciphertext");
  }

  @Test
  void aMalformedKmsKeyIdIsRefusedWithTheExpectedForm() {
    for (String bad : new String[] {"orders", "transit/keys/orders", "vault://h/transit/keys/orders",
        "https://vault:8200/transit/orders", "https://vault:8200/keys/orders", "https://vault:8200/transit/keys/",
        "https://vault:8200/transit/keys/a/b", "https://vault:8200/transit/keys/orders?x=1", "https:// bad"}) {
      KmsKey key = KmsKey.of("hcvault", bad, Map.of("token.id", "root-token"));
      assertThatThrownBy(() -> driver.wrap(key, DEK)).as(bad).isInstanceOf(GeneralSecurityException.class)
          .hasMessageContaining("hcvault kmsKeyId '" + bad + "' is refused")
          .hasMessageContaining("https://HOST:PORT/MOUNT/keys/NAME");
    }
  }

  @Test
  void anUnreachableVaultFailsNamingIt() {
    KmsKey key = KmsKey.of("hcvault", "http://127.0.0.1:1/transit/keys/orders", Map.of("token.id", "t"));
    assertThatThrownBy(() -> driver.wrap(key, DEK)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("could not reach Vault at http://127.0.0.1:1/");
  }

  @Test
  void isFoundOnTheClassPath() {
    assertThat(KmsDrivers.loaded().find("hcvault")).get().isInstanceOf(HcVaultKmsDriver.class);
  }
}
