package dev.stele.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AppendQueueTest {
  private final AppendQueue queue = new AppendQueue();

  private static PendingAppend append() {
    return new PendingAppend(List.of(), List.of(), List.of(), new CompletableFuture<>());
  }

  @Test
  void takeAllReturnsEverythingQueuedSinceTheLastTake() {
    PendingAppend a = append();
    PendingAppend b = append();
    assertThat(queue.offer(a)).isNull();
    assertThat(queue.offer(b)).isNull();

    assertThat(queue.takeAll()).containsExactly(a, b);
  }

  @Test
  void refusingHandsBackTheQueuedAndRefusesNewOnesUntilAcceptedThenRefusesOneMore() {
    PendingAppend queued = append();
    queue.offer(queued);

    assertThat(queue.refuse("busy")).containsExactly(queued);
    assertThat(queue.offer(append())).isEqualTo("busy");
    queue.accept("once more");
    assertThat(queue.offer(append())).isEqualTo("once more");
    PendingAppend accepted = append();
    assertThat(queue.offer(accepted)).isNull();
    assertThat(queue.takeAll()).containsExactly(accepted);
  }

  @Test
  void closingIsForGood() {
    PendingAppend queued = append();
    queue.offer(queued);

    assertThat(queue.close("closed")).containsExactly(queued);
    queue.accept(null);
    assertThat(queue.offer(append())).isEqualTo("closed");
    assertThat(queue.takeAll()).isNull();
  }
}
