package dev.stele.serde.rules.encryption.internal;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.subtle.AesSiv;
import dev.stele.kms.DekFormat;
import dev.stele.serde.rules.encryption.internal.Keys.Dek;
import java.security.GeneralSecurityException;

/**
 * An unwrapped DEK ready to use: its cipher over the raw key, built once per DEK version and
 * shared by every thread. The ciphertext is Tink's raw output with no associated data, as
 * Confluent's clients write it: AES-GCM a 12-byte IV, the ciphertext and the 16-byte tag
 * ({@link AesGcm}, the JDK's cipher in Tink's layout, as it costs less per field than Tink's
 * {@code AesGcmJce}); AES-SIV (deterministic) the 16-byte synthetic IV and the ciphertext (Tink's
 * {@code AesSiv}).
 */
final class DataKey {
  private static final byte[] NO_ASSOCIATED_DATA = new byte[0];

  private final Dek dek;
  private final AesGcm aead;
  private final DeterministicAead siv;

  private DataKey(Dek dek, AesGcm aead, DeterministicAead siv) {
    this.dek = dek;
    this.aead = aead;
    this.siv = siv;
  }

  /** @param keyMaterial Tink's key message for the DEK's algorithm (what the KMS unwraps) */
  static DataKey open(Dek dek, byte[] keyMaterial) throws GeneralSecurityException {
    DekFormat format = dek.algorithm();
    byte[] raw;
    try {
      raw = format.rawKey(keyMaterial);
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException(dek + ": " + e.getMessage(), e);
    }
    return format.deterministic() ? new DataKey(dek, null, new AesSiv(raw))
        : new DataKey(dek, new AesGcm(raw), null);
  }

  Dek dek() {
    return dek;
  }

  byte[] encrypt(byte[] plaintext) throws GeneralSecurityException {
    return siv != null ? siv.encryptDeterministically(plaintext, NO_ASSOCIATED_DATA)
        : aead.encrypt(plaintext);
  }

  byte[] decrypt(byte[] ciphertext) throws GeneralSecurityException {
    return siv != null ? siv.decryptDeterministically(ciphertext, NO_ASSOCIATED_DATA)
        : aead.decrypt(ciphertext);
  }
}
