package dev.stele.kms.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.proto.AesGcmKey;
import com.google.crypto.tink.proto.AesSivKey;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.AesSiv;
import dev.stele.kms.DekFormat;
import dev.stele.kms.KmsDrivers;
import dev.stele.kms.KmsKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalKmsDriverTest {
  private static final KmsKey KEY = KmsKey.of("local-kms", "k1", Map.of("secret", "mysecret"));
  private final LocalKmsDriver driver = new LocalKmsDriver(name -> null);

  @Test
  void wrapsAndUnwrapsUnderTheSecret() throws Exception {
    byte[] material = DekFormat.AES256_GCM.newKeyMaterial();
    byte[] wrapped = driver.wrap(KEY, material);
    assertThat(wrapped).hasSize(12 + material.length + 16); // IV, ciphertext, tag
    assertThat(driver.unwrap(KEY, wrapped)).isEqualTo(material);
    // Another key id with the same secret is the same key: the id names, the secret keys.
    assertThat(driver.unwrap(KmsKey.of("local-kms", "other", Map.of("secret", "mysecret")), wrapped))
        .isEqualTo(material);
  }

  @Test
  void anotherSecretCannotUnwrap() throws Exception {
    byte[] wrapped = driver.wrap(KEY, new byte[] {1, 2, 3});
    KmsKey other = KmsKey.of("local-kms", "k1", Map.of("secret", "another"));
    assertThatThrownBy(() -> driver.unwrap(other, wrapped))
        .isInstanceOf(GeneralSecurityException.class);
  }

  /** The key is HKDF-SHA256(secret) cut to 16 bytes, as AES-128-GCM: checked against Tink directly. */
  @Test
  void theKeyIsDerivedFromTheSecretWithHkdf() throws Exception {
    byte[] key = com.google.crypto.tink.subtle.Hkdf.computeHkdf("HMACSHA256",
        "mysecret".getBytes(StandardCharsets.UTF_8), new byte[0], new byte[0], 16);
    byte[] wrapped = new AesGcmJce(key).encrypt("dek".getBytes(StandardCharsets.UTF_8), new byte[0]);
    assertThat(new String(driver.unwrap(KEY, wrapped), StandardCharsets.UTF_8)).isEqualTo("dek");
  }

  /**
   * A golden vector from Confluent's own local KMS (the JavaScript client
   * {@code @confluentinc/schemaregistry} 1.10.1, {@code LocalKmsClient("mysecret").encrypt}):
   * what a Confluent client wraps, this driver unwraps.
   */
  @Test
  void unwrapsWhatConfluentsLocalKmsWrapped() throws Exception {
    byte[] wrapped = java.util.Base64.getDecoder().decode(
        "Dspw9Fexgb1Z0TuAX8bVEYFnwwNd+VVy9IGDsQWBpHhx2tV0L39xwVfFJ/LyP6I=");
    assertThat(new String(driver.unwrap(KEY, wrapped), StandardCharsets.UTF_8))
        .isEqualTo("stele-golden-vector");
  }

  @Test
  void theSecretFallsBackToLocalSecretAndIsRequired() throws Exception {
    LocalKmsDriver fromEnvironment = new LocalKmsDriver(
        name -> name.equals("LOCAL_SECRET") ? "mysecret" : null);
    KmsKey bare = KmsKey.of("local-kms", "k1", Map.of());
    byte[] wrapped = fromEnvironment.wrap(bare, new byte[] {7});
    assertThat(driver.unwrap(KEY, wrapped)).containsExactly(7);
    assertThatThrownBy(() -> driver.wrap(bare, new byte[] {7}))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("LOCAL_SECRET").hasMessageContaining("k1");
  }

  /** Generated DEK material is what Tink's key managers parse, so a Confluent serde can use it. */
  @Test
  void generatedKeyMaterialIsATinkKey() throws Exception {
    AesGcmKey gcm = AesGcmKey.parseFrom(DekFormat.AES128_GCM.newKeyMaterial());
    assertThat(gcm.getVersion()).isZero();
    byte[] ciphertext = new AesGcmJce(gcm.getKeyValue().toByteArray()).encrypt(new byte[] {1}, new byte[0]);
    assertThat(ciphertext).hasSize(12 + 1 + 16);
    AesSivKey siv = AesSivKey.parseFrom(DekFormat.AES256_SIV.newKeyMaterial());
    assertThat(siv.getKeyValue().size()).isEqualTo(64);
    assertThat(new AesSiv(siv.getKeyValue().toByteArray())
        .encryptDeterministically(new byte[] {1}, new byte[0])).isNotEmpty();
  }

  @Test
  void isFoundOnTheClassPath() {
    assertThat(KmsDrivers.loaded().find("local-kms")).isPresent();
  }
}
