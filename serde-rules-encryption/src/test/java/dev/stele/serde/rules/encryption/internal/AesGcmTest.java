package dev.stele.serde.rules.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.subtle.AesGcmJce;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** AesGcm writes and reads exactly what Tink's AesGcmJce does, as Confluent's clients expect. */
class AesGcmTest {
  private static final byte[] NO_ASSOCIATED_DATA = new byte[0];
  private static final byte[] PLAINTEXT = "sku-0123456789ab é".getBytes(StandardCharsets.UTF_8);

  private static byte[] key(int size) {
    byte[] raw = new byte[size];
    new SecureRandom().nextBytes(raw);
    return raw;
  }

  @Test
  void tinkReadsWhatItWritesAndItReadsWhatTinkWrites() throws GeneralSecurityException {
    for (int size : new int[] {16, 32}) {
      byte[] raw = key(size);
      AesGcm ours = new AesGcm(raw);
      AesGcmJce tink = new AesGcmJce(raw);
      byte[] sealed = ours.encrypt(PLAINTEXT, 0);
      assertThat(sealed).hasSize(12 + PLAINTEXT.length + 16);
      assertThat(tink.decrypt(sealed, NO_ASSOCIATED_DATA)).isEqualTo(PLAINTEXT);
      assertThat(ours.decrypt(tink.encrypt(PLAINTEXT, NO_ASSOCIATED_DATA), 0)).isEqualTo(PLAINTEXT);
      assertThat(ours.decrypt(ours.encrypt(new byte[0], 0), 0)).isEmpty();
    }
  }

  @Test
  void aPrefixIsLeftBeforeTinksLayoutAndSkippedOnRead() throws GeneralSecurityException {
    byte[] raw = key(32);
    AesGcm ours = new AesGcm(raw);
    byte[] sealed = ours.encrypt(PLAINTEXT, 5);
    assertThat(sealed).hasSize(5 + 12 + PLAINTEXT.length + 16);
    assertThat(Arrays.copyOf(sealed, 5)).containsOnly(0);
    byte[] body = Arrays.copyOfRange(sealed, 5, sealed.length);
    assertThat(new AesGcmJce(raw).decrypt(body, NO_ASSOCIATED_DATA)).isEqualTo(PLAINTEXT);
    assertThat(ours.decrypt(sealed, 5)).isEqualTo(PLAINTEXT);
    byte[] framed = new byte[3 + body.length];
    System.arraycopy(new AesGcmJce(raw).encrypt(PLAINTEXT, NO_ASSOCIATED_DATA), 0, framed, 3, body.length);
    assertThat(ours.decrypt(framed, 3)).isEqualTo(PLAINTEXT);
    assertThatThrownBy(() -> ours.decrypt(sealed, sealed.length - 27)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("at least 28 bytes");
  }

  @Test
  void everyEncryptionHasItsOwnNonce() throws GeneralSecurityException {
    AesGcm ours = new AesGcm(key(32));
    byte[] first = ours.encrypt(PLAINTEXT, 0);
    byte[] second = ours.encrypt(PLAINTEXT, 0);
    assertThat(Arrays.copyOf(first, 12)).isNotEqualTo(Arrays.copyOf(second, 12));
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void aChangedByteOrAnotherKeyFailsTheTag() throws GeneralSecurityException {
    byte[] raw = key(32);
    byte[] sealed = new AesGcm(raw).encrypt(PLAINTEXT, 0);
    for (int i : new int[] {0, 12, sealed.length - 1}) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 1;
      assertThatThrownBy(() -> new AesGcm(raw).decrypt(tampered, 0)).isInstanceOf(GeneralSecurityException.class);
    }
    assertThatThrownBy(() -> new AesGcm(key(32)).decrypt(sealed, 0)).isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void refusesShortCiphertextsAndKeysOfOtherSizes() throws GeneralSecurityException {
    AesGcm ours = new AesGcm(key(16));
    assertThatThrownBy(() -> ours.decrypt(new byte[27], 0)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("at least 28 bytes");
    assertThatThrownBy(() -> new AesGcm(key(24))).isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("16 or 32 bytes");
  }
}
