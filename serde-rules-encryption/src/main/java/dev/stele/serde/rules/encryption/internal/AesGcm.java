package dev.stele.serde.rules.encryption.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a random 12-byte nonce and a 16-byte tag, no associated data, through the JDK's
 * cipher, in the layout Tink's {@code AesGcmJce} writes and Confluent's clients read: nonce,
 * ciphertext, tag. The same JDK cipher Tink would call, minus Tink's per-call costs: its nonce
 * from the platform {@code SecureRandom} (see {@link Nonces}) and an output copy. Thread-safe:
 * each thread keeps its own {@link Cipher}, initialized afresh for every message (GCM needs a new
 * nonce each time; the JDK keeps the expanded AES key while the key stays the same).
 */
final class AesGcm {
  private static final int NONCE = 12;
  private static final int TAG = 16;
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(AesGcm::newCipher);

  private final SecretKeySpec key;

  AesGcm(byte[] raw) throws InvalidKeyException {
    if (raw.length != 16 && raw.length != 32) {
      throw new InvalidKeyException("an AES-GCM key has 16 or 32 bytes, not " + raw.length);
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  /**
   * Nonce, ciphertext and tag after {@code prefix} bytes left zero for the caller (the DEK
   * version of a rotating rule), so the output is laid out once and never copied.
   */
  byte[] encrypt(byte[] plaintext, int prefix) throws GeneralSecurityException {
    byte[] out = new byte[prefix + NONCE + plaintext.length + TAG];
    Nonces.fill(out, prefix, NONCE);
    Cipher cipher = CIPHERS.get();
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, out, prefix, NONCE));
    int written = cipher.doFinal(plaintext, 0, plaintext.length, out, prefix + NONCE);
    if (written != plaintext.length + TAG) {
      throw new GeneralSecurityException("AES-GCM wrote " + written + " bytes for " + plaintext.length);
    }
    return out;
  }

  /** The plaintext of nonce, ciphertext and tag at {@code in[offset, in.length)}. */
  byte[] decrypt(byte[] in, int offset) throws GeneralSecurityException {
    int length = in.length - offset;
    if (length < NONCE + TAG) {
      throw new GeneralSecurityException("an AES-GCM ciphertext has at least " + (NONCE + TAG) + " bytes, this one "
          + length);
    }
    Cipher cipher = CIPHERS.get();
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, in, offset, NONCE));
    return cipher.doFinal(in, offset + NONCE, length - NONCE);
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no AES/GCM/NoPadding", e);
    }
  }
}
