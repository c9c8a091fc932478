package dev.stele.serde.rules.encryption.internal;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.subtle.AesSiv;
import dev.stele.kms.DekFormat;
import dev.stele.serde.rules.encryption.internal.Keys.Dek;
import java.security.GeneralSecurityException;
import java.util.Arrays;

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

  /**
   * The ciphertext after {@code prefix} zero bytes the caller fills; AES-GCM writes straight into
   * it, AES-SIV (Tink's, which returns its own array) is copied once.
   */
  byte[] encrypt(byte[] plaintext, int prefix) throws GeneralSecurityException {
    if (siv == null) {
      return aead.encrypt(plaintext, prefix);
    }
    byte[] sealed = siv.encryptDeterministically(plaintext, NO_ASSOCIATED_DATA);
    if (prefix == 0) {
      return sealed;
    }
    byte[] out = new byte[prefix + sealed.length];
    System.arraycopy(sealed, 0, out, prefix, sealed.length);
    return out;
  }

  /** The plaintext of the ciphertext at {@code in[offset, in.length)}. */
  byte[] decrypt(byte[] in, int offset) throws GeneralSecurityException {
    if (siv == null) {
      return aead.decrypt(in, offset);
    }
    byte[] body = offset == 0 ? in : Arrays.copyOfRange(in, offset, in.length);
    return siv.decryptDeterministically(body, NO_ASSOCIATED_DATA);
  }
}
