package dev.stele.kms.azure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Confluent's self-describing wrapped DEK for Azure: {@code azure:v1:VERSION:CIPHERTEXT}, the
 * 32-hex-digit key version that wrapped it, then Key Vault's ciphertext. Key Vault's ciphertext
 * does not name the key version (AWS's and GCP's do), so a DEK wrapped under a versionless key id
 * could not be opened after a rotation without it; written when the KEK's
 * {@code encrypt.azure.key.version.save} is true, and always recognized when reading, since that
 * setting may change over a KEK's life. The prefix is not authenticated: the version read from it
 * is checked to be 32 hex digits before it goes into a URL.
 */
final class VersionPrefix {
  private static final byte[] MAGIC = "azure:v1:".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION_LENGTH = 32;
  private static final int HEADER = MAGIC.length + VERSION_LENGTH + 1;

  private VersionPrefix() {}

  static byte[] prepend(String version, byte[] ciphertext) {
    byte[] out = Arrays.copyOf(MAGIC, HEADER + ciphertext.length);
    System.arraycopy(version.getBytes(StandardCharsets.US_ASCII), 0, out, MAGIC.length, VERSION_LENGTH);
    out[HEADER - 1] = ':';
    System.arraycopy(ciphertext, 0, out, HEADER, ciphertext.length);
    return out;
  }

  /** The version {@code wrapped} names, or null when it has no prefix (wrapped without the setting). */
  static String version(byte[] wrapped) throws GeneralSecurityException {
    if (wrapped.length < HEADER || Arrays.mismatch(wrapped, 0, MAGIC.length, MAGIC, 0, MAGIC.length) != -1
        || wrapped[HEADER - 1] != ':') {
      return null;
    }
    String version = new String(wrapped, MAGIC.length, VERSION_LENGTH, StandardCharsets.US_ASCII);
    if (!KeyVaultKeyId.isVersion(version)) {
      throw new GeneralSecurityException("the wrapped DEK's azure:v1: prefix names no key version (32 hex digits)");
    }
    return version;
  }

  static byte[] ciphertext(byte[] wrapped) {
    return Arrays.copyOfRange(wrapped, HEADER, wrapped.length);
  }
}
