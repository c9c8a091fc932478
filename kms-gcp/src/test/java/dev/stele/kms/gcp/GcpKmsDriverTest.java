package dev.stele.kms.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.kms.KmsDrivers;
import dev.stele.kms.KmsKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gcp-kms driver against {@link CloudKmsDouble}, a double of Cloud KMS's REST API and Google's
 * OAuth token endpoint (Google is not reachable from these machines): the service account's JWT
 * assertion is signed by Google's auth library and checked by the double, every KMS call carries
 * the token it issued.
 */
class GcpKmsDriverTest {
  private static final byte[] DEK = "thirty-two bytes of a data key!!".getBytes(StandardCharsets.UTF_8);
  private static final String KEY = CloudKmsDouble.keyName("europe-west1", "registry", "orders");
  private static final String OTHER = CloudKmsDouble.keyName("europe-west1", "registry", "payments");
  private static ServiceAccount registry;
  private static ServiceAccount outsider;
  private static CloudKmsDouble gcp;
  private static GcpKmsDriver driver;

  @BeforeAll
  static void start() throws Exception {
    registry = ServiceAccount.create("registry");
    outsider = ServiceAccount.create("outsider");
    gcp = new CloudKmsDouble().withKey(KEY, registry).withKey(OTHER, registry).withAccount(outsider);
    driver = new GcpKmsDriver(variable -> null, gcp.endpoint(), gcp.tokenUri());
  }

  @AfterAll
  static void stop() {
    gcp.close();
  }

  private static KmsKey key(String name, Map<String, String> props, String... more) {
    Map<String, String> map = new HashMap<>(props);
    for (int i = 0; i < more.length; i += 2) {
      map.put(more[i], more[i + 1]);
    }
    return KmsKey.of("gcp-kms", name, map);
  }

  @Test
  void wrapsAndUnwrapsWithAServiceAccountKeyGivenAsConfluentsProperties() throws Exception {
    KmsKey key = key(KEY, registry.properties(), "account.type", "service_account");
    GcpKmsDriver fresh = new GcpKmsDriver(variable -> null, gcp.endpoint(), gcp.tokenUri());
    int before = gcp.tokensIssued();
    byte[] wrapped = fresh.wrap(key, DEK);
    assertThat(wrapped).isNotEqualTo(DEK).hasSizeGreaterThan(DEK.length);
    assertThat(fresh.unwrap(key, wrapped)).isEqualTo(DEK);
    assertThat(gcp.tokensIssued()).as("the token is kept until it expires").isEqualTo(before + 1);
  }

  @Test
  void aPrivateKeyOnOneLineWithEscapedNewlinesWorksAsInConfluents() throws Exception {
    KmsKey key = key(KEY, registry.properties(), "private.key", registry.pem().replace("\n", "\\n"));
    assertThat(driver.unwrap(key, driver.wrap(key, DEK))).isEqualTo(DEK);
  }

  @Test
  void withoutPropertiesUsesTheKeyFileOfGoogleApplicationCredentials(@TempDir Path dir) throws Exception {
    Path file = registry.keyFile(dir, gcp.tokenUri());
    Map<String, String> environment = Map.of("GOOGLE_APPLICATION_CREDENTIALS", file.toString());
    GcpKmsDriver fromFile = new GcpKmsDriver(environment::get, gcp.endpoint(), GcpEndpoints.GOOGLE_TOKEN);
    KmsKey key = key(KEY, Map.of());
    assertThat(fromFile.unwrap(key, fromFile.wrap(key, DEK))).isEqualTo(DEK);
    assertThat(driver.unwrap(key(KEY, registry.properties()), fromFile.wrap(key, DEK)))
        .as("the same key, whichever credentials").isEqualTo(DEK);
  }

  @Test
  void anAccountWithoutARoleOnTheKeyIsRefusedNamingIt() {
    assertThatThrownBy(() -> driver.wrap(key(KEY, outsider.properties()), DEK))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("Cloud KMS refused the service account " + outsider.email())
        .hasMessageContaining("PERMISSION_DENIED").hasMessageContaining("roles/cloudkms.cryptoKeyEncrypterDecrypter");
  }

  @Test
  void aKeyThatDoesNotMatchTheAccountIsRefusedByTheTokenEndpointWithoutShowingIt() throws Exception {
    KeyPair stranger = ServiceAccount.create("stranger").keys();
    ServiceAccount forged = new ServiceAccount(registry.email(), registry.keyId(), registry.clientId(), stranger);
    assertThatThrownBy(() -> driver.wrap(key(KEY, forged.properties()), DEK))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("could not get a Google access token for the service account " + registry.email())
        .hasMessageContaining("from " + gcp.tokenUri())
        .hasMessageContaining("Invalid JWT Signature").hasMessageNotContaining("PRIVATE KEY");
  }

  @Test
  void aDekWrappedUnderAnotherKeyIsRefused() throws Exception {
    byte[] wrapped = driver.wrap(key(OTHER, registry.properties()), DEK);
    assertThatThrownBy(() -> driver.unwrap(key(KEY, registry.properties()), wrapped))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("Cloud KMS could not decrypt with key " + KEY).hasMessageContaining("INVALID_ARGUMENT");
  }

  @Test
  void aWrongKeyNameIsAnsweredWithCloudKmsReason() {
    String missing = CloudKmsDouble.keyName("europe-west1", "registry", "nonexistent");
    assertThatThrownBy(() -> driver.wrap(key(missing, registry.properties()), DEK))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("Cloud KMS could not encrypt with key " + missing)
        .hasMessageContaining("HTTP 404 NOT_FOUND: " + missing + " not found.");
  }

  @Test
  void aKmsKeyIdThatIsNotACryptoKeyNameIsRefusedWithTheExpectedForm() {
    for (String bad : new String[] {"orders", "gcp-kms://" + KEY, KEY + "/cryptoKeyVersions/1",
        "projects/p/locations/l/keyRings/r/cryptoKeys/../../x", "projects/p/locations/l/keyRings/r/cryptoKeys/k?x=1"}) {
      assertThatThrownBy(() -> driver.wrap(key(bad, registry.properties()), DEK)).as(bad)
          .isInstanceOf(GeneralSecurityException.class)
          .hasMessageContaining("gcp-kms kmsKeyId '" + bad + "' is refused").hasMessageContaining("projects/PROJECT");
    }
  }

  @Test
  void partOfAServiceAccountKeyIsRefusedNamingWhatIsMissing() {
    Map<String, String> half = Map.of("client.email", registry.email(), "private.key", registry.pem());
    assertThatThrownBy(() -> driver.wrap(key(KEY, half), DEK)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("lacks client.id, private.key.id").hasMessageNotContaining("PRIVATE KEY");
  }

  @Test
  void anAccountTypeOtherThanServiceAccountIsRefused() {
    assertThatThrownBy(() -> driver.wrap(key(KEY, registry.properties(), "account.type", "authorized_user"), DEK))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("account.type 'authorized_user' is refused: only service_account");
  }

  @Test
  void anEndpointSettingThatIsNotAUrlFailsEveryCallNamingIt() {
    GcpEndpoints endpoints = GcpEndpoints.of(Map.of("gcp.kms.endpoint", "cloudkms.internal:443")::get,
        Map.of("GCP_OAUTH2_TOKEN_URI", "http://127.0.0.1:1/token")::get);
    assertThat(endpoints.token().toString()).isEqualTo("http://127.0.0.1:1/token");
    assertThat(endpoints.invalid()).isEqualTo("gcp.kms.endpoint 'cloudkms.internal:443' is not an http(s) URL"
        + " without query");
    assertThat(GcpEndpoints.of(name -> null, name -> null)).isEqualTo(GcpEndpoints.google());
  }

  @Test
  void isFoundOnTheClassPath() {
    assertThat(KmsDrivers.loaded().find("gcp-kms")).get().isInstanceOf(GcpKmsDriver.class);
  }
}
