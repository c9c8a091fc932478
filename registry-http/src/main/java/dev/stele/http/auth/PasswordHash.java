package dev.stele.http.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted slow password hashes: PBKDF2-HMAC-SHA256 from the JDK, so no dependency. A hash is
 * written in the self-describing PHC string form
 * {@code $pbkdf2-sha256$i=ITERATIONS$SALT$HASH} (base64 without padding), so that the iteration
 * count can be raised later without invalidating the hashes already in users files.
 */
public final class PasswordHash {
  /** OWASP's figure for PBKDF2-HMAC-SHA256 (2021): about 0.1-0.3 s per check on a server core. */
  public static final int DEFAULT_ITERATIONS = 310_000;
  private static final String ALGORITHM = "pbkdf2-sha256";
  private static final String JCA_NAME = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  /** A bound on what a users file may ask for, so a typo cannot stall every login for minutes. */
  private static final int MAX_ITERATIONS = 10_000_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  private PasswordHash(int iterations, byte[] salt, byte[] hash) {
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  /** Hashes a password with a fresh random salt. */
  public static String hash(char[] password, int iterations) {
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("iterations must be between 1 and " + MAX_ITERATIONS);
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BYTES)).encode();
  }

  /** Parses an encoded hash; IllegalArgumentException says what is wrong with it. */
  public static PasswordHash parse(String encoded) {
    String[] parts = encoded.split("\\$", -1);
    if (parts.length != 5 || !parts[0].isEmpty() || !parts[1].equals(ALGORITHM)
        || !parts[2].startsWith("i=")) {
      throw new IllegalArgumentException("not a password hash of the form $" + ALGORITHM
          + "$i=ITERATIONS$SALT$HASH (make one with bin/stele-passwd)");
    }
    int iterations;
    byte[] salt;
    byte[] hash;
    try {
      iterations = Integer.parseInt(parts[2].substring(2));
      salt = Base64.getDecoder().decode(parts[3]);
      hash = Base64.getDecoder().decode(parts[4]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("password hash with a bad iteration count, salt or hash", e);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length < 8 || hash.length < 16) {
      throw new IllegalArgumentException("password hash with an out-of-range iteration count,"
          + " salt or hash length");
    }
    return new PasswordHash(iterations, salt, hash);
  }

  /** The slow part: derives the candidate's hash and compares in constant time. */
  public boolean matches(char[] candidate) {
    return MessageDigest.isEqual(hash, derive(candidate, salt, iterations, hash.length));
  }

  public int iterations() {
    return iterations;
  }

  String encode() {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$" + ALGORITHM + "$i=" + iterations + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(hash);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
    // PBEKeySpec refuses an empty password; an empty one hashes as a single NUL, never matching
    // a real password's hash since those are never empty.
    char[] input = password.length == 0 ? new char[] {'\0'} : password;
    PBEKeySpec spec = new PBEKeySpec(input, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance(JCA_NAME).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(JCA_NAME + " is part of every Java 17 runtime", e);
    } finally {
      spec.clearPassword();
    }
  }

  @Override
  public String toString() {
    return "PasswordHash[" + ALGORITHM + ", i=" + iterations + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PasswordHash h && h.iterations == iterations
        && Arrays.equals(h.salt, salt) && Arrays.equals(h.hash, hash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash);
  }
}
