package dev.stele.registry.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.log.RegistryRecord.NoopRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's p99 near a second with the batch wait: could the writer's gather serve some appends
 * while one waits through several batches (LIFO order, a cap that leaves the same tail behind, an
 * append queued just after a take)? Each batch is held by the test, so which batch an append lands
 * in does not depend on timing: an append queued while batch n is being written must be in batch
 * n + 1, in the order queued, whatever the gather waits for.
 */
class GatherFairnessTest {
  private final AppendQueue queue = new AppendQueue();

  /** Holds every batch until the test lets it go; gathers as the Kafka writer does (0027). */
  private static final class SteppedSink implements BatchSink {
    final Semaphore entered = new Semaphore(0);
    final Semaphore proceed = new Semaphore(0);
    final List<List<PendingAppend>> batches = new ArrayList<>();
    private int answered;

    @Override
    public boolean write(List<PendingAppend> batch) {
      synchronized (batches) {
        batches.add(List.copyOf(batch));
      }
      entered.release();
      proceed.acquireUninterruptibly();
      batch.forEach(append -> append.future().complete(0L));
      answered = batch.size();
      return true;
    }

    @Override
    public Gather nextGather() {
      // Expects every append answered to come back, more than the test sends: the bounded wait
      // has to end each gather, as it does for clients that do not return in time.
      return new Gather(answered, Duration.ofMillis(20));
    }

    List<PendingAppend> batch(int n) {
      synchronized (batches) {
        return batches.get(n);
      }
    }
  }

  private PendingAppend offer() {
    PendingAppend append = PendingAppend.encode(List.of(new NoopRecord()));
    assertThat(queue.offer(append)).isNull();
    return append;
  }

  @Test
  void everyAppendQueuedDuringABatchIsInTheNextBatchInTheOrderQueued() throws Exception {
    SteppedSink sink = new SteppedSink();
    Thread writer = BatchWriter.start(queue, sink, "test log", "test-writer");
    offer();
    assertThat(sink.entered.tryAcquire(30, TimeUnit.SECONDS)).isTrue(); // batch 0 is held

    for (int n = 0; n < 6; n++) {
      // Batch n is being written: queue 1 to 6 appends, the first right after the take.
      List<PendingAppend> queued = new ArrayList<>();
      for (int i = 0; i <= n; i++) {
        queued.add(offer());
      }
      sink.proceed.release();
      assertThat(sink.entered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
      assertThat(sink.batch(n + 1)).as("batch %d", n + 1).containsExactlyElementsOf(queued);
    }
    sink.proceed.release();
    queue.close("closed");
    writer.join(30_000);
    assertThat(writer.isAlive()).isFalse();
  }

  @Test
  void appendsArrivingDuringTheGatherJoinTheBatchBeingGathered() throws Exception {
    SteppedSink sink = new SteppedSink();
    Thread writer = BatchWriter.start(queue, sink, "test log", "test-writer");
    List<PendingAppend> first = List.of(offer());
    assertThat(sink.entered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
    PendingAppend early = offer();
    sink.proceed.release(); // batch 0 answered; the gather now waits up to 20 ms for one more
    PendingAppend late = offer(); // during the gather, or after it ended: batch 1 or batch 2
    assertThat(sink.entered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
    List<PendingAppend> second = sink.batch(1);
    if (!second.contains(late)) {
      sink.proceed.release();
      assertThat(sink.entered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
      assertThat(sink.batch(2)).containsExactly(late); // never later than the next batch
    }
    assertThat(second.get(0)).isSameAs(early);
    assertThat(sink.batch(0)).isEqualTo(first);
    sink.proceed.release(10);
    queue.close("closed");
    writer.join(30_000);
    assertThat(writer.isAlive()).isFalse();
  }
}
