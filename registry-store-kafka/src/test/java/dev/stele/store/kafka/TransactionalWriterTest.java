package dev.stele.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.log.AppendQueue;
import dev.stele.registry.log.Gather;
import dev.stele.registry.log.LogException;
import dev.stele.registry.log.PendingAppend;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.ModeRecord;
import dev.stele.testkit.Records;
import dev.stele.testkit.kafka.KafkaBrokers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The writer on its own against a real broker, called as the pipeline's thread would call it;
 * the test plays the reader by advancing the offset watcher itself.
 */
class TransactionalWriterTest {
  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);

  private final List<Writer> writers = new ArrayList<>();
  private KafkaStoreConfig config;

  /** A writer with what it works with: its queue and gate, and the reader's side. */
  private record Writer(TransactionalWriter writer, AppendQueue queue, WriteGate gate,
      OwnRecords own, OffsetWatcher watcher) {}

  @BeforeEach
  void topic(TestInfo info) throws Exception {
    String name = info.getTestMethod().orElseThrow().getName();
    config = KafkaStoreConfig.of(KAFKA.bootstrapServers(), "writer-" + name, "group-" + name)
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60))
        // These tests look at a batch between its commit and its read-back, so write() must
        // return at the commit; the wait for the read-back is the last test's subject.
        .withBatchWait(Duration.ZERO);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(config.topic(), 1, (short) 1)
          .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
    }
  }

  @AfterEach
  void close() {
    for (Writer w : writers) {
      w.writer().stop();
      w.writer().closeProducer();
      w.watcher().close(new LogException("test over"));
    }
  }

  /** A writer registered with Kafka as the writer of the config's transactional id. */
  private Writer writer() {
    WriteGate gate = new WriteGate();
    AppendQueue queue = new AppendQueue(gate);
    Lanes lanes = new Lanes(config.topic(), config.keysTopic());
    TransactionalWriter writer = new TransactionalWriter(queue, gate, () -> new KafkaProducer<>(
        ClientSettings.producer(config), new ByteArraySerializer(), new ByteArraySerializer()),
        config, lanes);
    Writer w = new Writer(writer, queue, gate, lanes.schemas().own(), lanes.schemas().watcher());
    writers.add(w);
    writer.initialize(System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
    return w;
  }

  private List<ConsumerRecord<byte[], byte[]>> committed(int expected) throws Exception {
    return TopicContents.committed(KAFKA.bootstrapServers(), config.topic(), expected);
  }

  @Test
  void aBatchIsOneTransactionWhoseAppendsCompleteOnlyOnceTheReaderHasThem() throws Exception {
    Writer w = writer();
    List<PendingAppend> batch = List.of(
        PendingAppend.encode(List.of(Records.schema("a", 1, 1))),
        PendingAppend.encode(List.of(Records.schema("b", 1, 2), new ModeRecord("b", null))),
        PendingAppend.encode(List.of(Records.schema("c", 1, 3))));

    assertThat(w.writer().write(batch)).isTrue();

    assertThat(w.writer().commits()).isEqualTo(1);
    List<ConsumerRecord<byte[], byte[]>> stored = committed(4);
    assertThat(stored).extracting(ConsumerRecord::key).containsExactlyElementsOf(
        batch.stream().flatMap(append -> append.keys().stream()).toList());
    // Committed, yet not complete: this node's reader has not delivered the records.
    assertThat(batch).allSatisfy(append -> assertThat(append.future()).isNotDone());
    long[] offsets = stored.stream().mapToLong(ConsumerRecord::offset).toArray();
    // Kafka's offsets, with the very objects appended, are left for the reader to deliver.
    List<RegistryRecord> appended = batch.stream().flatMap(a -> a.records().stream()).toList();
    for (int i = 0; i < offsets.length; i++) {
      assertThat(w.own().take(offsets[i])).isSameAs(appended.get(i));
    }

    w.watcher().advanceTo(offsets[3]); // delivered up to, not including, the last record
    assertThat(batch.get(2).future()).isNotDone();
    w.watcher().advanceTo(offsets[3] + 1);
    assertThat(batch.stream().map(append -> append.future().join()))
        .containsExactly(offsets[0], offsets[2], offsets[3]);
  }

  @Test
  void aDeposedWriterIsFencedAndStoresNothingMore() throws Exception {
    Writer old = writer();
    PendingAppend first = PendingAppend.encode(List.of(Records.schema("f", 1, 1)));
    assertThat(old.writer().write(List.of(first))).isTrue();
    assertThat(old.writer().fenced()).isFalse();

    Writer next = writer(); // registers the same transactional id: Kafka fences the old one
    PendingAppend refused = PendingAppend.encode(List.of(Records.schema("f", 2, 2)));
    old.writer().write(List.of(refused));

    assertThat(Appends.failure(refused.future())).isInstanceOf(LogException.class);
    assertThat(old.writer().fenced()).isTrue();
    assertThat(old.queue().offer(PendingAppend.encode(List.of(Records.schema("f", 3, 3)))))
        .contains("this node was fenced").contains(config.transactionalId());
    // A batch that reaches a fenced writer anyway fails, and tells the pipeline to stop.
    PendingAppend late = PendingAppend.encode(List.of(Records.schema("f", 4, 4)));
    assertThat(old.writer().write(List.of(late))).isTrue();
    assertThat(Appends.failure(late.future())).hasMessageContaining("fenced");

    PendingAppend second = PendingAppend.encode(List.of(Records.schema("f", 2, 5)));
    assertThat(next.writer().write(List.of(second))).isTrue();
    assertThat(next.writer().fenced()).isFalse();
    assertThat(committed(2)).extracting(ConsumerRecord::value)
        .containsExactly(first.values().get(0), second.values().get(0));
  }

  /**
   * Kafka 4.x answers a commit that races an abort by the coordinator INVALID_TXN_STATE (rather
   * than PRODUCER_FENCED when another writer's registration caused the abort). The transaction
   * is rolled back: the batch is not stored, and no new producer registers on its own (it would
   * fence a successor and write records decided without its records); the term ends, for the
   * node's leadership to take the topic over again with a catch-up.
   */
  @Test
  void aTransactionKafkaEndedStopsTheTermWithoutANewProducer() throws Exception {
    AtomicInteger producers = new AtomicInteger();
    MockProducer<byte[], byte[]> mock = new MockProducer<>(true, null, new ByteArraySerializer(),
        new ByteArraySerializer());
    WriteGate gate = new WriteGate();
    AppendQueue queue = new AppendQueue(gate);
    Lanes lanes = new Lanes(config.topic(), config.keysTopic());
    TransactionalWriter writer = new TransactionalWriter(queue, gate, () -> {
      producers.incrementAndGet();
      return mock;
    }, config, lanes);
    writers.add(new Writer(writer, queue, gate, lanes.schemas().own(), lanes.schemas().watcher()));
    writer.initialize(System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
    mock.commitTransactionException = new InvalidTxnStateException("The producer attempted a"
        + " transactional operation in an invalid state.");

    PendingAppend refused = PendingAppend.encode(List.of(Records.schema("t", 1, 1)));
    assertThat(writer.write(List.of(refused))).as("the pipeline stops").isFalse();

    LogException failure = Appends.failure(refused.future());
    assertThat(failure).hasMessageStartingWith("not stored: Kafka ended this node's transaction");
    assertThat(failure.outcomeUnknown()).as("rolled back: not stored").isFalse();
    assertThat(failure.termEnded()).as("the next leader may decide it again").isTrue();
    assertThat(writer.stopped()).isTrue();
    assertThat(writer.fenced()).isFalse();
    assertThat(queue.offer(PendingAppend.encode(List.of(Records.schema("t", 2, 2)))))
        .contains("Kafka ended this node's transaction");
    PendingAppend late = PendingAppend.encode(List.of(Records.schema("t", 3, 3)));
    writer.write(List.of(late));
    assertThat(Appends.failure(late.future())).hasMessageStartingWith("not stored")
        .matches(LogException::termEnded, "term ended");
    assertThat(producers).as("no producer registered on its own").hasValue(1);
  }

  /**
   * A writer on a producer whose first commit waits {@code firstWaitMillis} and then times out,
   * as the real one does when Kafka's answer has not been read by the end of max.block.ms; later
   * commits succeed.
   */
  private TransactionalWriter timingOutOnce(long firstWaitMillis, AtomicInteger commitsAsked) {
    MockProducer<byte[], byte[]> mock = new MockProducer<>(true, null, new ByteArraySerializer(),
        new ByteArraySerializer()) {
      @Override
      public void commitTransaction() {
        if (commitsAsked.incrementAndGet() == 1) {
          try {
            Thread.sleep(firstWaitMillis);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          throw new TimeoutException("Timeout expired after " + config.timeout().toMillis()
              + "ms while awaiting EndTxn(true)");
        }
        super.commitTransaction();
      }
    };
    WriteGate gate = new WriteGate();
    AppendQueue queue = new AppendQueue(gate);
    Lanes lanes = new Lanes(config.topic(), config.keysTopic());
    TransactionalWriter writer = new TransactionalWriter(queue, gate, () -> mock, config, lanes);
    writers.add(new Writer(writer, queue, gate, lanes.schemas().own(), lanes.schemas().watcher()));
    writer.initialize(System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
    return writer;
  }

  /**
   * Decision 0031: a full collection longer than the commit's wait makes the producer's timer
   * expire while Kafka's answer waits to be read. A wait that ended well past its deadline gets
   * one more, and the batch is stored and answered rather than "may or may not have been applied".
   */
  @Test
  void aCommitThatTimedOutLateBecauseThisProcessStoodStillIsAskedAgainAndStored() throws Exception {
    config = config.withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(60));
    AtomicInteger commitsAsked = new AtomicInteger();
    // The wait's 300 ms and a pause of 400 ms past it: late by 4 x TransactionalWriter.LATE.
    TransactionalWriter writer = timingOutOnce(700, commitsAsked);
    PendingAppend append = PendingAppend.encode(List.of(Records.schema("l", 1, 1)));

    CompletableFuture<Boolean> written =
        CompletableFuture.supplyAsync(() -> writer.write(List.of(append)));
    assertThat(written.get(30, TimeUnit.SECONDS)).isTrue();

    assertThat(append.future()).as("stored, answered once read back").isNotDone();
    assertThat(commitsAsked).hasValue(2);
    assertThat(writer.commits()).isEqualTo(1);
    Writer w = writers.get(writers.size() - 1);
    assertThat(w.queue().offer(PendingAppend.encode(List.of(Records.schema("l", 2, 2)))))
        .as("the gate stays open: the outcome is known").isNull();
    w.watcher().advanceTo(1);
    assertThat(append.future().get(10, TimeUnit.SECONDS)).isZero();
  }

  /** A commit that timed out on time is Kafka being slow: unconfirmed at once, as before. */
  @Test
  void aCommitThatTimedOutOnTimeIsAnsweredUnconfirmedWithoutAnotherWait() throws Exception {
    config = config.withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(60));
    AtomicInteger commitsAsked = new AtomicInteger();
    TransactionalWriter writer = timingOutOnce(0, commitsAsked);
    PendingAppend append = PendingAppend.encode(List.of(Records.schema("o", 1, 1)));

    CompletableFuture<Boolean> written =
        CompletableFuture.supplyAsync(() -> writer.write(List.of(append)));

    LogException failure = Appends.failure(append.future());
    assertThat(failure.outcomeUnknown()).isTrue();
    assertThat(failure).hasMessageContaining("did not confirm the write within 300 ms");
    // The writer settles the commit (a second commit call) and waits for its read-back.
    writers.get(writers.size() - 1).watcher().advanceTo(1);
    assertThat(written.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(commitsAsked).hasValue(2);
    assertThat(writer.commits()).isEqualTo(1);
  }

  /** Decision 0027: with a batch wait, the next batch forms only once this one is read back. */
  @Test
  void withABatchWaitWriteReturnsOnceItsCallersAreAnsweredAndAsksForThemNext() throws Exception {
    config = config.withBatchWait(Duration.ofMillis(5));
    Writer w = writer();
    assertThat(w.writer().nextGather()).isEqualTo(new Gather(0, Duration.ofMillis(5)));
    List<PendingAppend> batch = List.of(
        PendingAppend.encode(List.of(Records.schema("a", 1, 1))),
        PendingAppend.encode(List.of(Records.schema("b", 1, 2))));

    CompletableFuture<Boolean> written = CompletableFuture.supplyAsync(() -> w.writer().write(batch));
    long last = committed(2).get(1).offset();
    Thread.sleep(200); // time enough to return wrongly at the commit
    assertThat(written).isNotDone();

    w.watcher().advanceTo(last + 1);
    assertThat(written.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(batch).allSatisfy(append -> assertThat(append.future()).isCompleted());
    assertThat(w.writer().nextGather()).isEqualTo(new Gather(2, Duration.ofMillis(5)));
  }
}
