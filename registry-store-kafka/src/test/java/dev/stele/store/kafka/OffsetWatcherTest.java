package dev.stele.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.log.LogException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OffsetWatcherTest {
  private final OffsetWatcher watcher = new OffsetWatcher();

  @Test
  void aWaiterIsReleasedOnceThePositionPassesItsOffset() {
    CompletableFuture<Void> five = watcher.whenDelivered(5);
    CompletableFuture<Void> seven = watcher.whenDelivered(7);

    watcher.advanceTo(5);
    assertThat(five).isNotDone();
    watcher.advanceTo(6);
    assertThat(five).isCompleted();
    assertThat(seven).isNotDone();
    watcher.advanceTo(10);
    assertThat(seven).isCompleted();
  }

  @Test
  void anOffsetAlreadyPassedIsReleasedAtOnceAndPositionsNeverGoBack() {
    watcher.advanceTo(10);
    watcher.advanceTo(3);

    assertThat(watcher.position()).isEqualTo(10);
    assertThat(watcher.whenDelivered(9)).isCompleted();
    assertThat(watcher.whenDelivered(10)).isNotDone();
  }

  @Test
  void closingFailsWaitersNowAndLater() {
    CompletableFuture<Void> waiting = watcher.whenDelivered(1);
    watcher.advanceTo(1);
    watcher.close(new LogException("closed"));

    assertThat(waiting).isCompletedExceptionally();
    assertThat(watcher.whenDelivered(4)).isCompletedExceptionally();
    assertThat(watcher.whenDelivered(0)).isCompleted(); // delivered before the close
  }
}
