package dev.stele.serde.rules.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Nonces are never handed out twice, across batches and threads, and are not zeros. */
class NoncesTest {
  @Test
  void noNonceComesTwiceAcrossManyBatches() {
    Set<ByteBuffer> seen = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      byte[] nonce = new byte[12];
      Nonces.fill(nonce, 0, 12);
      assertThat(seen.add(ByteBuffer.wrap(nonce))).as("nonce %d is new", i).isTrue();
    }
    assertThat(seen).doesNotContain(ByteBuffer.wrap(new byte[12]));
  }

  @Test
  void threadsOnSharedStripesNeverGetTheSameBytes() throws InterruptedException {
    Set<ByteBuffer> seen = ConcurrentHashMap.newKeySet();
    Thread[] threads = new Thread[8];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 5_000; i++) {
          byte[] nonce = new byte[12];
          Nonces.fill(nonce, 0, 12);
          seen.add(ByteBuffer.wrap(nonce));
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(seen).hasSize(40_000);
  }

  @Test
  void aRequestLargerThanABatchIsFilledWhole() {
    byte[] large = new byte[4096];
    Nonces.fill(large, 0, large.length);
    int zeros = 0;
    for (byte b : large) {
      zeros += b == 0 ? 1 : 0;
    }
    // About 16 of 4,096 random bytes are zero; an unfilled tail would leave thousands.
    assertThat(zeros).isLessThan(100);
  }
}
