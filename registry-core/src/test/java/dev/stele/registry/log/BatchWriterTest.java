package dev.stele.registry.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.RegistryRecord.NoopRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BatchWriterTest {
  private final AppendQueue queue = new AppendQueue();

  private CompletableFuture<Long> append() {
    return queue.append(List.of(new NoopRecord()));
  }

  /** Numbers records from 0 like a store, holding its first batch until the test opens it. */
  private static final class HeldSink implements BatchSink {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch open = new CountDownLatch(1);
    final List<Integer> batchSizes = new ArrayList<>();
    long next;

    @Override
    public boolean write(List<PendingAppend> batch) {
      entered.countDown();
      try {
        open.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (batchSizes) {
        batchSizes.add(batch.size());
      }
      for (PendingAppend append : batch) {
        next += append.size();
        append.future().complete(next - 1);
      }
      return true;
    }
  }

  @Test
  void appendsQueuedWhileABatchIsStoredGoTogetherIntoTheNextBatch() throws Exception {
    HeldSink sink = new HeldSink();
    Thread thread = BatchWriter.start(queue, sink, "test log", "test-writer");
    CompletableFuture<Long> first = append();
    sink.entered.await(); // the writer holds the first batch: what comes now has to queue
    List<CompletableFuture<Long>> queued = List.of(append(), append(), append());
    sink.open.countDown();

    assertThat(first.join()).isZero();
    assertThat(queued.stream().map(CompletableFuture::join)).containsExactly(1L, 2L, 3L);
    synchronized (sink.batchSizes) {
      assertThat(sink.batchSizes).containsExactly(1, 3);
    }
    queue.close("closed");
    thread.join();
  }

  @Test
  void aSinkThatSaysStopEndsTheThreadAndLeavesLaterAppendsToTheStore() throws Exception {
    Thread thread = BatchWriter.start(queue, batch -> {
      batch.forEach(append -> append.future().complete(0L));
      return false;
    }, "test log", "test-writer");
    CompletableFuture<Long> stored = append();
    thread.join();

    assertThat(stored.join()).isZero();
    CompletableFuture<Long> later = append();
    assertThat(queue.drain()).extracting(PendingAppend::future).containsExactly(later);
  }

  @Test
  void aSinkThatThrowsFailsItsBatchAsMaybeStoredAndRefusesEveryLaterAppend() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch open = new CountDownLatch(1);
    Thread thread = BatchWriter.start(queue, batch -> {
      entered.countDown();
      try {
        open.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("bug");
    }, "test log", "test-writer");
    CompletableFuture<Long> inFlight = append();
    entered.await();
    CompletableFuture<Long> queued = append();
    open.countDown();
    thread.join();

    assertThatThrownBy(inFlight::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(LogException.class).hasMessageContaining("may be stored")
        .matches(e -> ((LogException) e).outcomeUnknown(), "outcome unknown");
    assertThatThrownBy(queued::join).cause().isInstanceOf(LogException.class)
        .hasMessageStartingWith("not stored: the writer of test log stopped")
        .matches(e -> !((LogException) e).outcomeUnknown(), "not stored");
    assertThatThrownBy(() -> append().join()).cause()
        .hasMessageStartingWith("not stored: the writer of test log stopped");
  }
}
