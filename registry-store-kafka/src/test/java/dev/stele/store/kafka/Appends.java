package dev.stele.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.log.LogException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Waiting on appends to the Kafka log in tests that make them fail. */
final class Appends {
  private Appends() {}

  /** The LogException an append that must fail failed with; an error if it succeeds. */
  static LogException failure(CompletableFuture<Long> append) throws Exception {
    try {
      append.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(LogException.class);
      return (LogException) e.getCause();
    }
    throw new AssertionError("the append succeeded");
  }

  /** An append that was stored after being refused this many times, with these messages. */
  record Stored(long offset, List<String> refusals) {}

  /**
   * Appends again and again until an append is stored (within 60 s), as a client retries while
   * the log refuses writes.
   */
  static Stored untilStored(Supplier<CompletableFuture<Long>> append) throws Exception {
    List<String> refusals = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        return new Stored(append.get().get(60, TimeUnit.SECONDS), refusals);
      } catch (ExecutionException e) {
        refusals.add(e.getCause().getMessage());
        Thread.sleep(50);
      }
    }
    throw new AssertionError("no append stored within 60 s; refused with " + refusals);
  }
}
