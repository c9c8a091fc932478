package dev.stele.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DekFormatTest {

  @Test
  void keyMaterialIsTinksKeyMessageWithRandomBytes() {
    byte[] gcm = DekFormat.AES256_GCM.newKeyMaterial();
    assertThat(gcm).hasSize(34);
    assertThat(gcm[0]).isEqualTo((byte) 0x1a); // field 3, length-delimited
    assertThat(gcm[1]).isEqualTo((byte) 32);
    byte[] siv = DekFormat.AES256_SIV.newKeyMaterial();
    assertThat(siv).hasSize(66);
    assertThat(siv[0]).isEqualTo((byte) 0x12); // field 2, length-delimited
    assertThat(siv[1]).isEqualTo((byte) 64);
    assertThat(DekFormat.AES128_GCM.newKeyMaterial()).hasSize(18);
    assertThat(Arrays.equals(gcm, DekFormat.AES256_GCM.newKeyMaterial())).isFalse();
  }

  @Test
  void theRawKeyIsReadBackFromTheKeyMessageAndAnythingElseIsRefused() {
    for (DekFormat format : DekFormat.values()) {
      byte[] material = format.newKeyMaterial();
      assertThat(format.rawKey(material)).isEqualTo(Arrays.copyOfRange(material, 2, material.length));
    }
    // version 0 written explicitly (field 1, varint), as some protobuf writers do
    byte[] material = DekFormat.AES128_GCM.newKeyMaterial();
    byte[] withVersion = new byte[material.length + 2];
    withVersion[0] = 0x08;
    System.arraycopy(material, 0, withVersion, 2, material.length);
    assertThat(DekFormat.AES128_GCM.rawKey(withVersion)).isEqualTo(DekFormat.AES128_GCM.rawKey(material));
    assertThatThrownBy(() -> DekFormat.AES256_GCM.rawKey(DekFormat.AES128_GCM.newKeyMaterial()))
        .hasMessageContaining("no 32-byte key_value");
    assertThatThrownBy(() -> DekFormat.AES256_GCM.rawKey(Arrays.copyOf(DekFormat.AES256_GCM.newKeyMaterial(), 20)))
        .hasMessageContaining("runs past its end");
    assertThatThrownBy(() -> DekFormat.AES256_SIV.rawKey(new byte[] {(byte) 0x80}))
        .hasMessageContaining("truncated varint");
  }

  @Test
  void namesAreConfluents() {
    assertThat(DekFormat.named("AES256_SIV")).isEqualTo(DekFormat.AES256_SIV);
    assertThat(DekFormat.named("aes256_siv")).isNull();
    assertThat(DekFormat.AES256_SIV.deterministic()).isTrue();
    assertThat(DekFormat.AES128_GCM.deterministic()).isFalse();
  }

  @Test
  void driversAreFoundByKmsType() {
    KmsDriver driver = new KmsDriver() {
      @Override
      public String kmsType() {
        return "test-kms";
      }

      @Override
      public byte[] wrap(KmsKey key, byte[] plaintext) {
        return plaintext;
      }

      @Override
      public byte[] unwrap(KmsKey key, byte[] ciphertext) {
        return ciphertext;
      }
    };
    KmsDrivers drivers = KmsDrivers.of(driver);
    assertThat(drivers.find("test-kms")).containsSame(driver);
    assertThat(drivers.find("aws-kms")).isEmpty();
    assertThat(KmsDrivers.none().find("test-kms")).isEmpty();
    assertThatThrownBy(() -> KmsDrivers.of(driver, driver)).hasMessageContaining("test-kms");
    assertThat(KmsKey.of("local-kms", "k", java.util.Map.of("secret", "s")).toString())
        .isEqualTo("local-kms://k").doesNotContain("s\"");
  }
}
