package dev.stele.kms.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.kms.KmsDrivers;
import dev.stele.kms.KmsKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The azure-kms driver, through Microsoft's SDK over HTTPS, against {@link AzureDouble}, a double
 * of Key Vault's and Entra ID's documented REST APIs (Azure is not reachable from these machines).
 */
class AzureKmsDriverTest {
  private static final byte[] DEK = "thirty-two bytes of a data key!!".getBytes(StandardCharsets.UTF_8);
  private static AzureDouble azure;
  private static AzureKmsDriver driver;
  private static String version;
  private static String otherVersion;

  @BeforeAll
  static void start() throws Exception {
    azure = AzureFixture.azure().withClient("driver-app", "driver-secret");
    version = azure.rotate("orders");
    otherVersion = azure.rotate("payments");
    driver = new AzureKmsDriver();
  }

  private static KmsKey key(String kmsKeyId, String... props) {
    Map<String, String> map = new HashMap<>(Map.of("tenant.id", AzureFixture.TENANT, "client.id", "driver-app",
        "client.secret", "driver-secret"));
    for (int i = 0; i < props.length; i += 2) {
      if (props[i + 1] == null) {
        map.remove(props[i]);
      } else {
        map.put(props[i], props[i + 1]);
      }
    }
    return KmsKey.of("azure-kms", kmsKeyId, map);
  }

  @Test
  void wrapsWithRsaOaep256AndUnwrapsWithAServicePrincipal() throws Exception {
    KmsKey key = key(AzureFixture.keyId("orders", version));
    byte[] wrapped = driver.wrap(key, DEK);
    assertThat(wrapped).as("an RSA-2048 ciphertext").hasSize(256);
    assertThat(driver.unwrap(key, wrapped)).isEqualTo(DEK);
    assertThat(azure.challenges()).as("the first request met Key Vault's challenge").isPositive();
    assertThat(azure.tokensIssued()).as("then signed in once and kept the token").isPositive();
    assertThat(azure.unknownRequests()).isEmpty();
  }

  @Test
  void aDekWrappedUnderAnotherKeyIsRefusedNamingTheKey() throws Exception {
    byte[] wrapped = driver.wrap(key(AzureFixture.keyId("payments", otherVersion)), DEK);
    String orders = AzureFixture.keyId("orders", version);
    assertThatThrownBy(() -> driver.unwrap(key(orders), wrapped)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("Azure Key Vault could not decrypt with key " + orders).hasMessageContaining("HTTP 400");
  }

  @Test
  void aVersionlessKeyUsesTheCurrentVersionAndCanSaveItInTheWrappedDek() throws Exception {
    String name = "rotating";
    String first = azure.rotate(name);
    KmsKey saving = key(AzureFixture.keyId(name, null), "encrypt.azure.key.version.save", "true");
    byte[] wrapped = driver.wrap(saving, DEK);
    assertThat(new String(wrapped, 0, 42, StandardCharsets.US_ASCII)).isEqualTo("azure:v1:" + first + ":");
    byte[] plain = driver.wrap(key(AzureFixture.keyId(name, null)), DEK);
    azure.rotate(name);
    assertThat(driver.unwrap(saving, wrapped)).as("the saved version still opens it").isEqualTo(DEK);
    assertThat(driver.unwrap(key(AzureFixture.keyId(name, null)), wrapped)).as("whatever the setting is now")
        .isEqualTo(DEK);
    assertThatThrownBy(() -> driver.unwrap(key(AzureFixture.keyId(name, null)), plain))
        .as("without the version, the current key is tried, as Confluent's driver does")
        .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("HTTP 400");
  }

  @Test
  void aSaveVersionSettingThatIsNotABooleanIsRefused() throws Exception {
    assertThatThrownBy(() -> driver.wrap(key(AzureFixture.keyId("orders", null), "encrypt.azure.key.version.save",
        "yes"), DEK)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("encrypt.azure.key.version.save is 'yes'").hasMessageContaining("true or false");
  }

  @Test
  void aForgedVersionPrefixIsRefusedBeforeItReachesAUrl() throws Exception {
    byte[] forged = ("azure:v1:../../secrets/x/aaaaaaaaaaaaaaaa:" + "x".repeat(256))
        .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> driver.unwrap(key(AzureFixture.keyId("orders", version)), forged))
        .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("names no key version");
  }

  @Test
  void aWrongClientSecretIsRefusedNamingTheClientNotTheSecret() throws Exception {
    KmsKey key = key(AzureFixture.keyId("orders", version), "client.secret", "not-the-secret");
    assertThatThrownBy(() -> driver.wrap(key, DEK)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("Azure Key Vault refused the client driver-app of tenant " + AzureFixture.TENANT)
        .hasMessageNotContaining("not-the-secret");
  }

  /** The SDK's EnvironmentCredential reads the AZURE_* settings from system properties as from the environment. */
  @Test
  void withoutPropertiesTheSdksDefaultChainSignsIn() throws Exception {
    azure.withClient("chain-app", "chain-secret");
    Map<String, String> variables = Map.of("AZURE_TENANT_ID", AzureFixture.TENANT, "AZURE_CLIENT_ID", "chain-app",
        "AZURE_CLIENT_SECRET", "chain-secret");
    variables.forEach(System::setProperty);
    try {
      KmsKey key = key(AzureFixture.keyId("orders", version), "tenant.id", null, "client.id", null,
          "client.secret", null);
      int before = azure.tokensIssued();
      assertThat(driver.unwrap(key, driver.wrap(key, DEK))).isEqualTo(DEK);
      assertThat(azure.tokensIssued()).as("a token of its own").isEqualTo(before + 1);
    } finally {
      variables.keySet().forEach(System::clearProperty);
    }
  }

  @Test
  void partOfAServicePrincipalIsRefused() {
    assertThatThrownBy(() -> driver.wrap(key(AzureFixture.keyId("orders", version), "client.secret", null), DEK))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("needs all of tenant.id, client.id and client.secret, or none of them")
        .hasMessageContaining("has only tenant.id and client.id");
  }

  @Test
  void anUnknownKeyFailsWithKeyVaultsReason() throws Exception {
    String missing = AzureFixture.keyId("missing", "0123456789abcdef0123456789abcdef");
    assertThatThrownBy(() -> driver.wrap(key(missing), DEK)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("HTTP 404").hasMessageContaining("was not found in this key vault");
  }

  @Test
  void aKmsKeyIdThatIsNotAKeyVaultKeyIdentifierIsRefusedWithTheExpectedForm() {
    for (String bad : new String[] {"orders", "http://stele.vault.azure.net/keys/orders",
        "https://stele.vault.azure.net/secrets/orders", "https://stele.vault.azure.net/keys/orders/v1",
        "https://stele.vault.azure.net/keys/orders/0123456789abcdef0123456789abcdef/encrypt",
        "https://stele.vault.azure.net/keys/or_ders", "https://stele.vault.azure.net/keys/orders?x=1",
        "azure-kms://https://stele.vault.azure.net/keys/orders"}) {
      assertThatThrownBy(() -> driver.wrap(key(bad), DEK)).as(bad).isInstanceOf(GeneralSecurityException.class)
          .hasMessageContaining("azure-kms kmsKeyId '" + bad + "' is refused")
          .hasMessageContaining("https://VAULT.vault.azure.net/keys/NAME/VERSION");
    }
  }

  @Test
  void isFoundOnTheClassPath() {
    assertThat(KmsDrivers.loaded().find("azure-kms")).get().isInstanceOf(AzureKmsDriver.class);
  }
}
