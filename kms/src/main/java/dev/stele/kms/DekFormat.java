package dev.stele.kms;

import java.security.SecureRandom;

/**
 * The algorithms of a data encryption key, with Confluent's names. A key's material is Tink's
 * serialized key message for the algorithm ({@code AesGcmKey} or {@code AesSivKey}, version 0),
 * as Confluent's registry generates it and its serdes read it, so DEKs carry over both ways.
 */
public enum DekFormat {
  AES128_GCM(16, 3),
  AES256_GCM(32, 3),
  /** Deterministic: the same plaintext encrypts to the same ciphertext. */
  AES256_SIV(64, 2);

  /** The proto3 wire type of a length-delimited field. */
  private static final int LENGTH_DELIMITED = 2;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int keyBytes;
  /** The field number of {@code key_value} in Tink's key message (AesGcmKey: 3, AesSivKey: 2). */
  private final int keyValueField;

  DekFormat(int keyBytes, int keyValueField) {
    this.keyBytes = keyBytes;
    this.keyValueField = keyValueField;
  }

  public int keyBytes() {
    return keyBytes;
  }

  public boolean deterministic() {
    return this == AES256_SIV;
  }

  /**
   * New random key material: Tink's key message holding {@link #keyBytes} random bytes. Written
   * by hand (one tag, one length, the bytes; {@code version} 0 is the default and so absent), so
   * this module needs neither Tink nor protobuf.
   */
  public byte[] newKeyMaterial() {
    byte[] material = new byte[2 + keyBytes];
    material[0] = (byte) (keyValueField << 3 | LENGTH_DELIMITED);
    material[1] = (byte) keyBytes; // < 128: a one-byte varint
    byte[] key = new byte[keyBytes];
    RANDOM.nextBytes(key);
    System.arraycopy(key, 0, material, 2, keyBytes);
    java.util.Arrays.fill(key, (byte) 0);
    return material;
  }

  /**
   * The raw key inside key material as {@link #newKeyMaterial} writes it and Confluent's clients
   * and registry do (Tink's key message for this algorithm): the bytes of its {@code key_value}
   * field. Other fields ({@code version}) are skipped by their wire type.
   *
   * @throws IllegalArgumentException when the material is not such a message or holds a key of
   *     another length than this algorithm's
   */
  public byte[] rawKey(byte[] material) {
    int[] at = {0};
    byte[] found = null;
    while (at[0] < material.length) {
      long tag = varint(material, at);
      int wireType = (int) (tag & 7);
      if (wireType == 0) {
        varint(material, at);
      } else if (wireType == LENGTH_DELIMITED) {
        long length = varint(material, at);
        if (length > material.length - at[0]) {
          throw notAKey("a field runs past its end");
        }
        if (tag >>> 3 == keyValueField) {
          found = java.util.Arrays.copyOfRange(material, at[0], at[0] + (int) length);
        }
        at[0] += (int) length;
      } else {
        throw notAKey("wire type " + wireType);
      }
    }
    if (found == null || found.length != keyBytes) {
      throw notAKey("no " + keyBytes + "-byte key_value");
    }
    return found;
  }

  private static long varint(byte[] bytes, int[] at) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at[0] >= bytes.length) {
        throw notAKey("a truncated varint");
      }
      int b = bytes[at[0]++] & 0xff;
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw notAKey("a varint over 64 bits");
  }

  private static IllegalArgumentException notAKey(String why) {
    return new IllegalArgumentException("the DEK's key material is not a Tink key message: " + why);
  }

  /** The algorithm named {@code name}, or null when there is none by that name. */
  public static DekFormat named(String name) {
    for (DekFormat format : values()) {
      if (format.name().equals(name)) {
        return format;
      }
    }
    return null;
  }
}
