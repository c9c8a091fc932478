package dev.stele.registry.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.LogException;
import dev.stele.registry.log.RecordLog;
import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.ConfigRecord;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.NotStoredException;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.write.Writer.Decision;
import dev.stele.schema.CompatibilityLevel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's promises, against a log whose appends the test completes by hand: a command sees
 * the records of commands before it while they are still in flight; an answer that writes nothing
 * waits for the appends it may rest on; after a failed append the next command starts again from
 * the durable state; a writer that does not lead refuses.
 */
class WriterTest {
  private final HeldLog log = new HeldLog();
  private final RegistryState durable = new RegistryState();
  private Writer writer;

  private Writer open(boolean active, Duration timeout) {
    log.open(durable);
    writer = new Writer(log, durable, timeout, active);
    return writer;
  }

  @AfterEach
  void close() {
    if (writer != null) {
      writer.close();
    }
  }

  @Test
  void aCommandSeesTheRecordsOfCommandsStillInFlight() throws Exception {
    Writer writer = open(true, Duration.ofSeconds(30));
    CompletableFuture<Config> first = writer.submit(setLevel("s", CompatibilityLevel.FULL));
    CompletableFuture<Config> second = writer.submit(setLevel("s", CompatibilityLevel.NONE));
    Append firstAppend = log.next();
    Append secondAppend = log.next();

    assertThat(first).isNotDone();
    assertThat(second).isNotDone();
    assertThat(durable.config("s")).as("nothing is durable yet").isNull();
    firstAppend.complete();
    secondAppend.complete();

    assertThat(first.get(5, TimeUnit.SECONDS)).as("the level before the first command").isNull();
    assertThat(second.get(5, TimeUnit.SECONDS).compatibilityLevel())
        .as("the second command saw the first's record before it was durable")
        .isEqualTo(CompatibilityLevel.FULL);
    assertThat(durable.config("s").compatibilityLevel()).isEqualTo(CompatibilityLevel.NONE);
  }

  @Test
  void anAnswerWithoutRecordsWaitsForTheAppendInFlight() throws Exception {
    Writer writer = open(true, Duration.ofSeconds(30));
    CompletableFuture<Config> write = writer.submit(setLevel("s", CompatibilityLevel.FULL));
    CompletableFuture<Config> read = writer.submit(pending -> Decision.answer(pending.config("s")));
    Append append = log.next();

    // The read's answer rests on the write's record: it must not be given before that is durable.
    Thread.sleep(100);
    assertThat(read).isNotDone();
    append.complete();
    assertThat(read.get(5, TimeUnit.SECONDS).compatibilityLevel()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(write.get(5, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void afterAFailedAppendTheNextCommandStartsFromTheDurableState() throws Exception {
    Writer writer = open(true, Duration.ofSeconds(30));
    CompletableFuture<Config> lost = writer.submit(setLevel("s", CompatibilityLevel.FULL));
    log.next().fail(new LogException("disk gone"));

    assertThatThrownBy(() -> lost.get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOf(RegistryException.class)
        .satisfies(e -> assertThat(((RegistryException) e).code()).isEqualTo(ErrorCode.STORE_ERROR))
        .hasMessageContaining("disk gone");

    CompletableFuture<Config> next = writer.submit(setLevel("s", CompatibilityLevel.NONE));
    log.next().complete();
    assertThat(next.get(5, TimeUnit.SECONDS)).as("the failed record is forgotten").isNull();
    assertThat(durable.config("s").compatibilityLevel()).isEqualTo(CompatibilityLevel.NONE);
  }

  @Test
  void anAppendWhoseOutcomeIsUnknownIsReportedAsSuch() {
    Writer writer = open(true, Duration.ofSeconds(30));
    CompletableFuture<Config> unsure = writer.submit(setLevel("s", CompatibilityLevel.FULL));
    log.next().fail(LogException.outcomeUnknown("broker gone mid-commit"));

    assertThatThrownBy(() -> unsure.get(5, TimeUnit.SECONDS)).cause()
        .satisfies(e -> assertThat(((RegistryException) e).code()).isEqualTo(ErrorCode.OPERATION_TIMEOUT))
        .hasMessageContaining("may or may not have been applied");
  }

  /**
   * Not stored because the node's writer term ended: a 50001 the edge may send to the next
   * leader. A plain not-stored failure on a node still writing stays an ordinary 50001.
   */
  @Test
  void anAppendNotStoredBecauseTheTermEndedSaysSo() {
    Writer writer = open(true, Duration.ofSeconds(30));
    CompletableFuture<Config> ended = writer.submit(setLevel("s", CompatibilityLevel.FULL));
    log.next().fail(LogException.termEnded("not stored: fenced"));
    assertThatThrownBy(() -> ended.get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOf(NotStoredException.class).hasMessageContaining("fenced")
        .satisfies(e -> assertThat(((RegistryException) e).code()).isEqualTo(ErrorCode.STORE_ERROR));

    CompletableFuture<Config> plain = writer.submit(setLevel("s", CompatibilityLevel.FULL));
    log.next().fail(new LogException("not stored: disk full"));
    assertThatThrownBy(() -> plain.get(5, TimeUnit.SECONDS)).cause()
        .isNotInstanceOf(NotStoredException.class).hasMessageContaining("disk full");

    log.writing = false; // the term ended without the failure saying so (the writer was stopped)
    CompletableFuture<Config> stopped = writer.submit(setLevel("s", CompatibilityLevel.FULL));
    log.next().fail(new LogException("not stored: no longer leads"));
    assertThatThrownBy(() -> stopped.get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOf(NotStoredException.class);
  }

  @Test
  void aWriterThatDoesNotLeadRefusesUntilActivated() throws Exception {
    Writer writer = open(false, Duration.ofSeconds(30));
    CompletableFuture<Config> refused = writer.submit(setLevel("s", CompatibilityLevel.FULL));
    assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).cause()
        .satisfies(e -> assertThat(((RegistryException) e).code()).isEqualTo(ErrorCode.UNKNOWN_LEADER));
    assertThat(log.appends).isEmpty();

    writer.activate().get(5, TimeUnit.SECONDS);
    assertThat(writer.active()).isTrue();
    CompletableFuture<Config> accepted = writer.submit(setLevel("s", CompatibilityLevel.FULL));
    log.next().complete();
    assertThat(accepted.get(5, TimeUnit.SECONDS)).isNull();

    writer.deactivate();
    CompletableFuture<Config> deposed = writer.submit(setLevel("s", CompatibilityLevel.NONE));
    assertThatThrownBy(() -> deposed.get(5, TimeUnit.SECONDS)).cause()
        .satisfies(e -> assertThat(((RegistryException) e).code()).isEqualTo(ErrorCode.UNKNOWN_LEADER));
  }

  @Test
  void aCommandThatWaitedTooLongIsAnsweredAsNotAppliedAndNeverRuns() throws Exception {
    Writer writer = open(true, Duration.ofMillis(300));
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Config> slow = writer.submit(pending -> {
      awaitQuietly(release);
      return Decision.answer(null);
    });
    AtomicInteger ran = new AtomicInteger();
    CompletableFuture<Config> queued = writer.submit(pending -> {
      ran.incrementAndGet();
      return new Decision<>(List.of(new ConfigRecord("s", Config.ofLevel(CompatibilityLevel.FULL))), null);
    });

    assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS)).cause()
        .satisfies(e -> assertThat(((RegistryException) e).code()).isEqualTo(ErrorCode.OPERATION_TIMEOUT))
        .hasMessageEndingWith("it was not applied");
    release.countDown();
    assertThat(slow.get(5, TimeUnit.SECONDS)).as("a command that started is not expired").isNull();
    // Anything queued after the expired command has run, so the expired one would have too.
    writer.submit(pending -> Decision.answer(null)).get(5, TimeUnit.SECONDS);
    assertThat(ran).as("the expired command never ran").hasValue(0);
    assertThat(log.appends).isEmpty();
  }

  @Test
  void aCommandWhoseAppendIsSlowWaitsForTheLogInsteadOfGuessing() throws Exception {
    Writer writer = open(true, Duration.ofMillis(200));
    CompletableFuture<Config> write = writer.submit(setLevel("s", CompatibilityLevel.FULL));
    Append append = log.next();
    Thread.sleep(600); // well past the timeout: the append is in the log's hands
    assertThat(write).as("no 'may still be applied' guess").isNotDone();
    append.complete();
    assertThat(write.get(5, TimeUnit.SECONDS)).isNull();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aCommandThatThrowsFailsAloneAndLeavesTheWriterUsable() throws Exception {
    Writer writer = open(true, Duration.ofSeconds(30));
    CompletableFuture<Config> bad = writer.submit(pending -> {
      throw ErrorCode.INVALID_MODE.exception("no such mode");
    });
    assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).cause().hasMessage("no such mode");
    CompletableFuture<Config> good = writer.submit(setLevel("s", CompatibilityLevel.FULL));
    log.next().complete();
    assertThat(good.get(5, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void aCommandThatRunsOutOfMemoryWhileDecidingFailsAloneAndTheWriterGoesOn() throws Exception {
    Writer writer = open(true, Duration.ofSeconds(30));
    CompletableFuture<Config> starved = writer.submit(pending -> {
      throw new OutOfMemoryError("test: deciding needed more than the heap has");
    });
    assertThatThrownBy(() -> starved.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(OutOfMemoryError.class);
    CompletableFuture<Config> next = writer.submit(setLevel("s", CompatibilityLevel.FULL));
    log.next().complete();
    assertThat(next.get(5, TimeUnit.SECONDS)).isNull();
  }

  /** A command that sets a subject's level and answers with the level it saw before. */
  private static Function<RegistryState, Decision<Config>> setLevel(String subject, CompatibilityLevel level) {
    return pending -> new Decision<>(List.of(new ConfigRecord(subject, Config.ofLevel(level))),
        pending.config(subject));
  }

  /** One append the test settles by hand. */
  private static final class Append {
    final List<RegistryRecord> records;
    final CompletableFuture<Long> result = new CompletableFuture<>();
    final HeldLog log;

    Append(HeldLog log, List<RegistryRecord> records) {
      this.log = log;
      this.records = records;
    }

    void complete() {
      result.complete(log.deliver(records));
    }

    void fail(LogException failure) {
      result.completeExceptionally(failure);
    }
  }

  /** A log whose appends wait until the test completes or fails them, in order. */
  private static final class HeldLog implements RecordLog {
    final LinkedBlockingQueue<Append> appends = new LinkedBlockingQueue<>();
    private RecordSink sink;
    private long offset = -1;
    volatile boolean writing = true;

    @Override
    public boolean writing() {
      return writing;
    }

    @Override
    public void open(RecordSink target) {
      sink = target;
    }

    @Override
    public CompletableFuture<Long> append(List<RegistryRecord> records) {
      Append append = new Append(this, records);
      appends.add(append);
      return append.result;
    }

    synchronized long deliver(List<RegistryRecord> records) {
      for (RegistryRecord record : records) {
        sink.apply(record, ++offset, System.currentTimeMillis());
      }
      return offset;
    }

    Append next() {
      try {
        Append append = appends.poll(5, TimeUnit.SECONDS);
        assertThat(append).as("an append reached the log").isNotNull();
        return append;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CompletionException(e);
      }
    }

    @Override
    public void close() {}
  }
}
