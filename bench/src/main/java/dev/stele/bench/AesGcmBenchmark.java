package dev.stele.bench;

import com.google.crypto.tink.subtle.AesGcmJce;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under {@code CelRuleBenchmark.encryptOneField} (issue 14): AES-256-GCM of one field's
 * 16 bytes with no associated data, as Tink's {@code AesGcmJce} does it (a nonce from the platform
 * {@code SecureRandom}, then the JDK's cipher) and as the JDK's cipher alone does it with a nonce
 * already at hand, and the nonce sources alone: what no code around the cipher can take away.
 * Run with {@code bench/jmh.sh AesGcmBenchmark -prof gc}, or for thread CPU time on a busy
 * machine {@code bench/cpu.sh dev.stele.bench.AesGcmBenchmark <methods>}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class AesGcmBenchmark {
  private static final byte[] NO_ASSOCIATED_DATA = new byte[0];
  private final byte[] plaintext = "sku-0123456789ab".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private AesGcmJce tink;
  private SecretKeySpec key;
  private Cipher cipher;
  private byte[] ciphertext;
  private String base64;
  private final byte[] nonce = new byte[12];
  private final byte[] batch = new byte[128 * 12];
  private SecureRandom platform;
  private SecureRandom drbg;

  @Setup
  public void setUp() throws GeneralSecurityException {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    tink = new AesGcmJce(raw);
    key = new SecretKeySpec(raw, "AES");
    cipher = Cipher.getInstance("AES/GCM/NoPadding");
    ciphertext = tink.encrypt(plaintext, NO_ASSOCIATED_DATA);
    base64 = java.util.Base64.getEncoder().encodeToString(ciphertext);
    platform = new SecureRandom();
    drbg = drbg();
  }

  private static SecureRandom drbg() throws NoSuchAlgorithmException {
    return SecureRandom.getInstance("DRBG");
  }

  /** What DataKey called before: Tink's primitive, nonce included. */
  @Benchmark
  public byte[] tinkEncrypt() throws GeneralSecurityException {
    return tink.encrypt(plaintext, NO_ASSOCIATED_DATA);
  }

  @Benchmark
  public byte[] tinkDecrypt() throws GeneralSecurityException {
    return tink.decrypt(ciphertext, NO_ASSOCIATED_DATA);
  }

  /**
   * The JDK's cipher alone: init with a nonce already at hand (a counter, which is enough to
   * measure and must never be used for data), and doFinal into nonce, ciphertext and tag.
   */
  @Benchmark
  public byte[] jdkEncryptOnly() throws GeneralSecurityException {
    byte[] out = new byte[12 + plaintext.length + 16];
    long n = System.nanoTime();
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (n >>> (8 * i));
    }
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, out, 0, 12));
    cipher.doFinal(plaintext, 0, plaintext.length, out, 12);
    return out;
  }

  @Benchmark
  public byte[] jdkDecrypt() throws GeneralSecurityException {
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ciphertext, 0, 12));
    return cipher.doFinal(ciphertext, 12, ciphertext.length - 12);
  }

  /** As {@link #jdkEncryptOnly}, but doFinal returns its own array, copied after the nonce (two arrays). */
  @Benchmark
  public byte[] jdkEncryptReturning() throws GeneralSecurityException {
    byte[] out = new byte[12 + plaintext.length + 16];
    long n = System.nanoTime();
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (n >>> (8 * i));
    }
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, out, 0, 12));
    byte[] sealed = cipher.doFinal(plaintext);
    System.arraycopy(sealed, 0, out, 12, sealed.length);
    return out;
  }

  /** As {@link #jdkEncryptOnly} through ByteBuffers (heap) instead of arrays and offsets. */
  @Benchmark
  public byte[] jdkEncryptByteBuffer() throws GeneralSecurityException {
    byte[] out = new byte[12 + plaintext.length + 16];
    long n = System.nanoTime();
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (n >>> (8 * i));
    }
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, out, 0, 12));
    cipher.doFinal(java.nio.ByteBuffer.wrap(plaintext), java.nio.ByteBuffer.wrap(out, 12, out.length - 12));
    return out;
  }

  /** As {@link #jdkDecrypt} into an array of the plaintext's exact size, made by the caller. */
  @Benchmark
  public byte[] jdkDecryptInto() throws GeneralSecurityException {
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ciphertext, 0, 12));
    byte[] out = new byte[ciphertext.length - 12 - 16];
    cipher.doFinal(ciphertext, 12, ciphertext.length - 12, out, 0);
    return out;
  }

  /** The ciphertext of a string field as the ENCRYPT rule writes it: base64 to a String. */
  @Benchmark
  public String base64EncodeToString() {
    return java.util.Base64.getEncoder().encodeToString(ciphertext);
  }

  /** The same through the encoder's byte[] and an ISO-8859-1 String. */
  @Benchmark
  public String base64EncodeThenLatin1() {
    return new String(java.util.Base64.getEncoder().encode(ciphertext), java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** The way back: base64 text to the ciphertext's bytes. */
  @Benchmark
  public byte[] base64DecodeString() {
    return java.util.Base64.getDecoder().decode(base64);
  }

  /** One nonce from the platform's default SecureRandom (NativePRNG on Linux), as Tink draws it. */
  @Benchmark
  public byte[] nonceFromPlatform() {
    platform.nextBytes(nonce);
    return nonce;
  }

  /** One nonce from a DRBG, one call per nonce. */
  @Benchmark
  public byte[] nonceFromDrbg() {
    drbg.nextBytes(nonce);
    return nonce;
  }

  /** 128 nonces' worth from a DRBG in one call, as serde-rules-encryption's Nonces draws them. */
  @Benchmark
  public byte[] drbgBatchOf128Nonces() {
    drbg.nextBytes(batch);
    return batch;
  }
}
