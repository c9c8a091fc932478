package dev.stele.registry.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RegistryException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks run off the caller's thread under a budget; one over budget is refused and interrupted. */
class CheckRunnerTest {
  private final CheckRunner runner = new CheckRunner(2, Duration.ofMillis(200));

  @AfterEach
  void close() {
    runner.close();
  }

  @Test
  void aCheckWithinItsBudgetCompletes() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();
    runner.run(() -> ran.set(true)).get(5, TimeUnit.SECONDS);
    assertThat(ran).isTrue();
  }

  @Test
  void aCheckOverItsBudgetIsRefusedNamingTheSettingAndInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    CompletableFuture<Void> slow = runner.run(() -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
    });
    assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA))
        .hasMessage("The compatibility check took longer than 200 ms; the setting "
            + "stele.compatibility.check.timeout.ms raises it");
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the check's thread was interrupted").isTrue();
  }

  @Test
  void aThreadThatWasInterruptedServesTheNextCheckCleanly() throws Exception {
    CompletableFuture<Void> slow = runner.run(() -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // leaves the flag set, as careless code would
      }
    });
    assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).isNotNull();
    for (int i = 0; i < 4; i++) {
      AtomicBoolean clean = new AtomicBoolean();
      runner.run(() -> clean.set(!Thread.currentThread().isInterrupted())).get(5, TimeUnit.SECONDS);
      assertThat(clean).isTrue();
    }
  }

  @Test
  void aFailingCheckFailsItsRegistrationOnly() throws Exception {
    CompletableFuture<Void> failing = runner.run(() -> {
      throw new IllegalStateException("boom");
    });
    assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    runner.run(() -> { }).get(5, TimeUnit.SECONDS);
  }
}
