package dev.stele.serde.rules.encryption.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Fresh random AES-GCM nonces, drawn in batches from a per-thread NIST SP 800-90A DRBG (the JDK's
 * {@code DRBG}, Hash_DRBG over SHA-256, seeded from the system's entropy source). Tink asks the
 * platform's default {@code SecureRandom} (NativePRNG on Linux) for each 12-byte nonce: about
 * 140 ns and a lock shared by every thread; a batch of 128 nonces from the DRBG costs about
 * 26 ns a nonce and no shared lock (see docs/benchmarks.md, issue 14). Every byte is handed out
 * once, so every nonce is as fresh and unpredictable as the DRBG's output; nonces are public (they
 * travel with the ciphertext), so holding the next ones in memory exposes nothing. Assumes what a
 * {@link ThreadLocal} gives: one thread at a time uses a batch.
 */
final class Nonces {
  private static final int BATCH = 128 * 12;
  private static final ThreadLocal<Batch> LOCAL = ThreadLocal.withInitial(Batch::new);

  private Nonces() {}

  /** Fills {@code out[0, length)} with random bytes never handed out before. */
  static void fill(byte[] out, int length) {
    LOCAL.get().take(out, length);
  }

  private static final class Batch {
    private final SecureRandom random;
    private final byte[] bytes = new byte[BATCH];
    private int next = BATCH;

    Batch() {
      try {
        random = SecureRandom.getInstance("DRBG");
      } catch (NoSuchAlgorithmException e) {
        // Every JDK since 9 has it; without it there is no sound nonce to give.
        throw new IllegalStateException("this JDK has no DRBG SecureRandom", e);
      }
    }

    void take(byte[] out, int length) {
      if (length > BATCH) {
        random.nextBytes(out);
        return;
      }
      if (next + length > BATCH) {
        random.nextBytes(bytes);
        next = 0;
      }
      System.arraycopy(bytes, next, out, 0, length);
      next += length;
    }
  }
}
