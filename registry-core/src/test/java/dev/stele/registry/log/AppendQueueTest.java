package dev.stele.registry.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.RegistryRecord.ModeRecord;
import dev.stele.registry.log.RegistryRecord.NoopRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AppendQueueTest {
  private final AppendQueue queue = new AppendQueue();

  private static PendingAppend append() {
    return PendingAppend.encode(List.of(new NoopRecord()));
  }

  @Test
  void takeAllReturnsEverythingQueuedSinceTheLastTakeInOrder() {
    PendingAppend a = append();
    PendingAppend b = append();
    assertThat(queue.offer(a)).isNull();
    assertThat(queue.offer(b)).isNull();

    assertThat(queue.takeAll()).containsExactly(a, b);
    PendingAppend c = append();
    queue.offer(c);
    assertThat(queue.takeAll()).containsExactly(c);
  }

  /** A take on a thread of its own, returned once that thread waits in the queue (or is done). */
  private CompletableFuture<List<PendingAppend>> takeWhenWaiting(Gather gather)
      throws InterruptedException {
    CompletableFuture<List<PendingAppend>> result = new CompletableFuture<>();
    Thread taker = new Thread(() -> result.complete(queue.take(gather)), "taker");
    taker.setDaemon(true);
    taker.start();
    while (!result.isDone() && taker.getState() != Thread.State.WAITING
        && taker.getState() != Thread.State.TIMED_WAITING) {
      Thread.sleep(1);
    }
    return result;
  }

  @Test
  void aGatherWaitsForTheAppendsExpectedBeyondThoseAlreadyQueued() throws Exception {
    PendingAppend a = append();
    PendingAppend b = append();
    PendingAppend c = append();
    queue.offer(a);
    CompletableFuture<List<PendingAppend>> taken =
        takeWhenWaiting(new Gather(2, Duration.ofMinutes(5)));
    queue.offer(b);
    Thread.sleep(200); // time enough to return wrongly with a and b
    assertThat(taken).isNotDone();

    queue.offer(c);
    assertThat(taken.get(30, TimeUnit.SECONDS)).containsExactly(a, b, c);
  }

  @Test
  void aGatherOnAnEmptyQueueWaitsForTheFirstAppendAndThenForTheRest() throws Exception {
    PendingAppend a = append();
    PendingAppend b = append();
    CompletableFuture<List<PendingAppend>> taken =
        takeWhenWaiting(new Gather(2, Duration.ofMinutes(5)));
    queue.offer(a);
    Thread.sleep(200);
    assertThat(taken).isNotDone();

    queue.offer(b);
    assertThat(taken.get(30, TimeUnit.SECONDS)).containsExactly(a, b);
  }

  @Test
  void aGatherTakesWhatIsThereOnceItsWaitHasPassed() throws Exception {
    PendingAppend a = append();
    queue.offer(a);
    CompletableFuture<List<PendingAppend>> taken =
        takeWhenWaiting(new Gather(3, Duration.ofMillis(20)));

    assertThat(taken.get(30, TimeUnit.SECONDS)).containsExactly(a);
    assertThat(queue.drain()).isEmpty();
  }

  @Test
  void closingTheQueueEndsAGatherWithNothingTaken() throws Exception {
    PendingAppend a = append();
    queue.offer(a);
    CompletableFuture<List<PendingAppend>> taken =
        takeWhenWaiting(new Gather(1, Duration.ofMinutes(5)));

    assertThat(queue.close("closing")).containsExactly(a);
    assertThat(taken.get(30, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void aGatherRefusesNegativeCountsAndWaits() {
    assertThatThrownBy(() -> new Gather(-1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Gather(0, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void appendQueuesACopyWithItsBytesEncodedOnTheCallersThread() {
    List<RegistryRecord> records = new ArrayList<>(List.of(new ModeRecord(null, null)));
    CompletableFuture<Long> future = queue.append(records);
    records.clear();

    List<PendingAppend> taken = queue.takeAll();
    assertThat(taken).hasSize(1);
    PendingAppend pending = taken.get(0);
    assertThat(pending.future()).isSameAs(future).isNotDone();
    assertThat(pending.records()).containsExactly(new ModeRecord(null, null));
    assertThat(pending.keys().get(0)).isEqualTo(RecordCodec.key(new ModeRecord(null, null)));
    assertThat(pending.values().get(0)).isNull(); // a MODE tombstone
  }

  @Test
  void appendingNothingFailsAtOnce() {
    assertThatThrownBy(() -> queue.append(List.of()).join())
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThat(queue.drain()).isEmpty();
  }

  @Test
  void aRefusingQueueFailsAppendsWithItsReasonAndNeverHandsThemOut() {
    AppendQueue refusing = AppendQueue.refusing("the log is not open");

    assertThatThrownBy(() -> refusing.append(List.of(new NoopRecord())).join())
        .isInstanceOf(CompletionException.class).cause().isInstanceOf(LogException.class)
        .hasMessage("the log is not open");
    assertThat(refusing.offer(append())).isEqualTo("the log is not open");
    assertThat(refusing.takeAll()).isNull();
  }

  @Test
  void theAdmissionIsAskedForEveryAppendAndItsRefusalIsTheCallersFailure() {
    AtomicReference<String> refusal = new AtomicReference<>("busy");
    AppendQueue gated = new AppendQueue(refusal::get);

    assertThatThrownBy(() -> gated.append(List.of(new NoopRecord())).join())
        .cause().isInstanceOf(LogException.class).hasMessage("busy");
    assertThat(gated.drain()).isEmpty();
    refusal.set(null);
    PendingAppend accepted = append();
    assertThat(gated.offer(accepted)).isNull();
    assertThat(gated.takeAll()).containsExactly(accepted);
  }

  @Test
  void closingHandsBackTheQueuedAndIsForGoodWithTheFirstReason() {
    PendingAppend queued = append();
    queue.offer(queued);

    assertThat(queue.close("closed")).containsExactly(queued);
    assertThat(queue.close("again")).isEmpty();
    assertThat(queue.offer(append())).isEqualTo("closed");
    assertThat(queue.takeAll()).isNull();
  }

  @Test
  void takeAllWaitsForAnAppendAndEndsWithNullWhenClosed() throws Exception {
    AtomicReference<List<PendingAppend>> first = new AtomicReference<>();
    AtomicReference<List<PendingAppend>> second = new AtomicReference<>(List.of());
    Thread taker = new Thread(() -> {
      first.set(queue.takeAll());
      second.set(queue.takeAll());
    });
    taker.start();
    PendingAppend a = append();
    queue.offer(a);
    while (first.get() == null) {
      Thread.onSpinWait();
    }
    queue.close("closed");
    taker.join();

    assertThat(first.get()).containsExactly(a);
    assertThat(second.get()).isNull();
  }
}
