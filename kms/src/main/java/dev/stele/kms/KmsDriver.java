package dev.stele.kms;

import java.security.GeneralSecurityException;

/**
 * Wraps and unwraps data keys under a key encryption key held by one kind of KMS. The DEK
 * registry uses it for shared KEKs (the server wraps, so clients need no KMS credentials); the
 * serdes will use the same drivers for KEKs they reach themselves. Implementations are found by
 * {@link java.util.ServiceLoader} ({@link KmsDrivers#loaded}) and must be safe for concurrent use.
 */
public interface KmsDriver {

  /** The {@code kmsType} this driver serves, as a KEK spells it (e.g. {@code local-kms}). */
  String kmsType();

  /**
   * Encrypts {@code plaintext} (a data key's material) under {@code key}.
   *
   * @throws GeneralSecurityException when the KMS refuses or cannot be reached; the message
   *     never contains key material
   */
  byte[] wrap(KmsKey key, byte[] plaintext) throws GeneralSecurityException;

  /**
   * Decrypts what {@link #wrap} produced under the same key.
   *
   * @throws GeneralSecurityException when the ciphertext was not made under {@code key}, or the
   *     KMS refuses or cannot be reached
   */
  byte[] unwrap(KmsKey key, byte[] ciphertext) throws GeneralSecurityException;
}
