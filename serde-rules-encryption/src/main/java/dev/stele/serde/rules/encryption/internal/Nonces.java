package dev.stele.serde.rules.encryption.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Fresh random AES-GCM nonces, drawn in batches from NIST SP 800-90A DRBGs (the JDK's
 * {@code DRBG}, Hash_DRBG over SHA-256, seeded from the system's entropy source). Tink asks the
 * platform's default {@code SecureRandom} (NativePRNG on Linux) for each 12-byte nonce: about
 * 140 ns, under a lock every thread in the process shares. A batch of 128 nonces from a DRBG
 * costs about 26 ns a nonce (see docs/benchmarks.md, issue 14).
 *
 * <p>The batches are striped, not per thread: a thread takes the stripe its id picks, under that
 * stripe's lock, held for a 12-byte copy (and a refill every 128 nonces). Per-thread DRBGs would
 * need no lock but cost about 46 µs of seeding for every new thread, which a pool of short-lived
 * threads would pay on every record. Every byte is handed out once, so every nonce is as fresh
 * and unpredictable as the DRBG's output; nonces are public (they travel with the ciphertext), so
 * holding the next ones in memory exposes nothing.
 */
final class Nonces {
  private static final int BATCH = 128 * 12;
  private static final Batch[] STRIPES = stripes(Math.min(64, 2 * Runtime.getRuntime().availableProcessors()));

  private Nonces() {}

  /** Fills {@code out[offset, offset + length)} with random bytes never handed out before. */
  static void fill(byte[] out, int offset, int length) {
    Batch batch = STRIPES[(int) (Thread.currentThread().getId() % STRIPES.length)];
    synchronized (batch) {
      batch.take(out, offset, length);
    }
  }

  private static Batch[] stripes(int count) {
    Batch[] stripes = new Batch[Math.max(2, count)];
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Batch();
    }
    return stripes;
  }

  /** One DRBG and the bytes it drew that are not handed out yet; used under its own lock only. */
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

    void take(byte[] out, int offset, int length) {
      if (length > BATCH) {
        byte[] large = new byte[length];
        random.nextBytes(large);
        System.arraycopy(large, 0, out, offset, length);
        return;
      }
      if (next + length > BATCH) {
        random.nextBytes(bytes);
        next = 0;
      }
      System.arraycopy(bytes, next, out, offset, length);
      next += length;
    }
  }
}
