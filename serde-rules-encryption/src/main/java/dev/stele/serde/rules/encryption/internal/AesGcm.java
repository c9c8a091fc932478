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

  byte[] encrypt(byte[] plaintext) throws GeneralSecurityException {
    byte[] out = new byte[NONCE + plaintext.length + TAG];
    Nonces.fill(out, NONCE);
    Cipher cipher = CIPHERS.get();
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, out, 0, NONCE));
    int written = cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE);
    if (written != plaintext.length + TAG) {
      throw new GeneralSecurityException("AES-GCM wrote " + written + " bytes for " + plaintext.length);
    }
    return out;
  }

  byte[] decrypt(byte[] ciphertext) throws GeneralSecurityException {
    if (ciphertext.length < NONCE + TAG) {
      throw new GeneralSecurityException("an AES-GCM ciphertext has at least " + (NONCE + TAG) + " bytes, this one "
          + ciphertext.length);
    }
    Cipher cipher = CIPHERS.get();
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, ciphertext, 0, NONCE));
    return cipher.doFinal(ciphertext, NONCE, ciphertext.length - NONCE);
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no AES/GCM/NoPadding", e);
    }
  }
}
