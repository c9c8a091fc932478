package dev.stele.store.kafka;

import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.testkit.Recorder;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A sink that applies at once until armed; then the first record it gets waits for
 * {@link #release}, holding the reader as a stalled or cut-off reader would be held.
 */
final class HeldSink implements RecordSink {
  final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final Recorder applied = new Recorder();
  volatile boolean armed;

  @Override
  public void apply(RegistryRecord record, long offset, long timestamp) {
    if (armed && entered.getCount() > 0) {
      entered.countDown();
      try {
        released.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    applied.apply(record, offset, timestamp);
  }

  void release() {
    released.countDown();
  }

  /** What has been applied so far. */
  Recorder applied() {
    return applied;
  }
}
