package dev.stele.store.kafka;

import dev.stele.registry.log.AppendQueue;
import dev.stele.registry.log.BatchWriter;
import dev.stele.registry.log.LogException;
import dev.stele.registry.log.RecordLog;
import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.NoopRecord;
import dev.stele.registry.state.RegistryState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka {@link RecordLog}: the one-partition, compacted schema topic ({@code _schemas}), in
 * the Confluent registry's exact record format, so Stele can take over a topic a Confluent
 * registry wrote. One {@link TopicReader} thread delivers every committed record in order; appends
 * go through the core's pipeline to one {@link TransactionalWriter}, which writes them in
 * group-committed transactions, and an append completes once the reader has delivered it
 * (read-your-writes). See docs/kafka-store.md.
 */
public final class KafkaRecordLog implements RecordLog {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaRecordLog.class);
  private static final long RETRY_PAUSE_MILLIS = 200;
  /** How often a long replay at start says how far it got. */
  private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final AppendQueue NOT_OPEN = AppendQueue.refusing("the log is not open");
  private static final AppendQueue NOT_WRITER = AppendQueue.refusing("not stored: this node does"
      + " not lead the registry cluster (it is not the schema topic's writer)");

  private final KafkaStoreConfig config;
  private final boolean writesOnOpen;
  private final Lanes lanes;
  private final OffsetWatcher watcher; // the schema topic's
  private KafkaSnapshots snapshots; // null: none (off, or a sink that is no RegistryState)
  private volatile long startOffset;
  private KafkaConsumer<byte[], byte[]> consumer;
  private volatile TopicReader reader; // read by lag() from the metrics scrape
  private Thread readerThread;
  private volatile WriterTerm term; // null: this node does not write now
  private volatile boolean opened;
  private volatile String clusterId = "";
  private boolean closed;

  /** One stretch of this node writing: from {@link #becomeWriter} to {@link #stopWriting}. */
  private record WriterTerm(AppendQueue queue, TransactionalWriter writer, Thread thread) {}

  /** A log for a node alone on its topic: {@link #open} also makes it the writer. */
  public KafkaRecordLog(KafkaStoreConfig config) {
    this(config, true);
  }

  private KafkaRecordLog(KafkaStoreConfig config, boolean writesOnOpen) {
    this.config = Objects.requireNonNull(config, "config");
    this.writesOnOpen = writesOnOpen;
    this.lanes = new Lanes(config.topic(), config.keysTopic());
    this.watcher = lanes.schemas().watcher();
  }

  /**
   * A log for one node of an elected cluster: {@link #open} only reads; the node writes between
   * {@link #becomeWriter} (when elected) and {@link #stopWriting}.
   */
  public static KafkaRecordLog member(KafkaStoreConfig config) {
    return new KafkaRecordLog(config, false);
  }

  /**
   * Creates or checks the topic, replays it from the start and returns once the reader has
   * delivered everything committed when it was called. A log made with the public constructor
   * then becomes the writer ({@link #becomeWriter}).
   *
   * <p>With snapshots on ({@link KafkaStoreConfig#snapshots()}) and the core's
   * {@link RegistryState} as the sink, a snapshot that fits the topic is loaded into it first and
   * the topic is read from where the snapshot ends (decision 0016); any other sink replays all.
   */
  @Override
  public synchronized void open(RecordSink sink) {
    Objects.requireNonNull(sink, "sink");
    if (opened || closed) {
      throw new IllegalStateException("a log is opened once");
    }
    long deadline = System.nanoTime() + config.initTimeout().toNanos();
    long endAtStart = -1;
    long keysEndAtStart = -1;
    KafkaSnapshots.Resume from = KafkaSnapshots.Resume.START;
    if (config.snapshots().enabled() && sink instanceof RegistryState) {
      snapshots = new KafkaSnapshots(config);
      snapshots.checkFolder();
    }
    BrokerProbe.reach(config.bootstrapServers(), config.initTimeout());
    try {
      Admin admin = Admin.create(ClientSettings.admin(config));
      try {
        if (!config.skipTopicValidation()) {
          new TopicSetup(admin, config, config.initTimeout()).ensure();
          TopicSetup.keys(admin, config, config.initTimeout()).ensure();
        } else {
          TopicSetup.keys(admin, config, config.initTimeout()).createIfMissing();
        }
        clusterId = clusterId(admin);
        if (snapshots != null) {
          from = snapshots.restore((RegistryState) sink, admin);
        }
        if (!writesOnOpen) {
          endAtStart = TopicSetup.committedEnd(admin, config.topic(), config.initTimeout());
        }
        keysEndAtStart = TopicSetup.committedEnd(admin, config.keysTopic(), config.initTimeout());
      } finally {
        admin.close(Duration.ZERO); // calls still pending (Kafka is away) are abandoned
      }
      consumer = new KafkaConsumer<>(ClientSettings.consumer(config), new ByteArrayDeserializer(),
          new ByteArrayDeserializer());
      startOffset = from.schemas();
      reader = new TopicReader(consumer, lanes, sink, from, snapshots);
      readerThread = start(reader, "stele-kafka-reader");
      opened = true;
      awaitDelivered(lanes.keys(), keysEndAtStart - 1, deadline);
      if (writesOnOpen) {
        startWriting(deadline);
      } else {
        awaitDelivered(lanes.schemas(), endAtStart - 1, deadline);
      }
      if (snapshots != null && from.schemas() == 0) {
        snapshots.writeSoon(); // a full replay: save it, so the next start need not repeat it
      }
    } catch (RuntimeException e) {
      close();
      if (e instanceof LogException le) {
        throw le;
      }
      throw new LogException("cannot open the schema topic '" + config.topic() + "' on "
          + config.bootstrapServers() + ": " + Failures.reasons(e), e);
    }
    LOG.info("Replayed the schema topic '{}' up to offset {}", config.topic(), watcher.position());
  }

  private String clusterId(Admin admin) {
    try {
      String id = admin.describeCluster().clusterId()
          .get(config.initTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return id == null ? "" : id;
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Cannot learn the Kafka cluster id: {}", Failures.reasons(e));
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogException("interrupted while opening the schema topic", e);
    }
  }

  /**
   * Makes this node the topic's writer: a new transactional producer registers with Kafka, which
   * fences the previous writer (even one that still believes it leads) and settles the
   * transaction it left open; then a NOOP is written and this returns once the reader has
   * delivered it, so everything the previous writer committed is applied. Nothing to do while
   * this node already writes and has not been fenced.
   */
  @Override
  public synchronized void becomeWriter() {
    if (closed || !opened) {
      throw new LogException("the log is not open");
    }
    WriterTerm current = term;
    if (current != null && !current.writer().stopped()) {
      return;
    }
    stopWriting();
    startWriting(System.nanoTime() + config.initTimeout().toNanos());
  }

  private void startWriting(long deadline) {
    WriteGate gate = new WriteGate();
    AppendQueue queue = new AppendQueue(gate);
    TransactionalWriter writer = new TransactionalWriter(queue, gate, () -> new KafkaProducer<>(
        ClientSettings.producer(config), new ByteArraySerializer(), new ByteArraySerializer()),
        config, lanes);
    try {
      writer.initialize(deadline);
    } catch (RuntimeException e) {
      quietly(writer::closeProducer);
      throw e;
    }
    term = new WriterTerm(queue, writer, BatchWriter.start(queue, writer,
        "the schema topic '" + config.topic() + "'", "stele-kafka-writer"));
    try {
      catchUp(deadline);
      // The key topic has no NOOP of its own (a Confluent reader of it could not read one): once
      // initTransactions has settled the previous writer's transactions, its committed end is
      // final, and reading up to it is catching up.
      awaitDelivered(lanes.keys(), TopicSetup.committedEnd(config, config.keysTopic()) - 1,
          deadline);
    } catch (RuntimeException e) {
      stopWriting();
      throw e;
    }
  }

  @Override
  public boolean writing() {
    WriterTerm current = term;
    return current != null && !current.writer().stopped();
  }

  /** Stops writing: appends not yet written fail; a transaction in flight finishes first. */
  @Override
  public synchronized void stopWriting() {
    endTerm("not stored: this node no longer leads the registry cluster; retry");
  }

  private void endTerm(String reason) {
    WriterTerm current = term;
    term = null;
    if (current == null) {
      return;
    }
    Failures.failTermEnded(current.queue().close(reason), reason);
    current.writer().stop();
    join(current.thread(), config.timeout().multipliedBy(2).plusSeconds(5));
    quietly(current.writer()::closeProducer);
  }

  /** Waits until the reader has delivered {@code offset} of the lane's topic (none if negative). */
  private void awaitDelivered(Lanes.Lane lane, long offset, long deadline) {
    if (offset < 0) {
      return;
    }
    OffsetWatcher watcher = lane.watcher();
    try {
      CompletableFuture<Void> delivered = watcher.whenDelivered(offset);
      // A long replay says how far it got every few seconds, so a slow start is not a silent one.
      while (true) {
        long left = deadline - System.nanoTime();
        try {
          delivered.get(Math.max(1, Math.min(left, PROGRESS_NANOS)), TimeUnit.NANOSECONDS);
          return;
        } catch (TimeoutException e) {
          if (deadline - System.nanoTime() <= 0) {
            throw e;
          }
          LOG.info("Replaying the topic '{}': at offset {} of {}", lane.topic(),
              watcher.position(), offset + 1);
        }
      }
    } catch (TimeoutException e) {
      throw new LogException("did not catch up with the topic '" + lane.topic()
          + "' within " + config.initTimeout().toMillis() + " ms (" + KafkaStoreConfig.INIT_TIMEOUT
          + "); read up to offset " + watcher.position(), e);
    } catch (ExecutionException e) {
      throw new LogException("stopped replaying the topic '" + lane.topic() + "': "
          + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogException("interrupted while replaying the topic '" + lane.topic() + "'", e);
    }
  }

  /** Writes a NOOP (again if Kafka was slow to confirm it) and waits until it is delivered. */
  private void catchUp(long deadline) {
    while (true) {
      long left = deadline - System.nanoTime();
      try {
        append(List.of(new NoopRecord())).get(Math.max(1, left), TimeUnit.NANOSECONDS);
        return;
      } catch (ExecutionException e) {
        if (deadline - System.nanoTime() < TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MILLIS)) {
          throw new LogException("cannot write to the schema topic '" + config.topic() + "' to"
              + " find its end: " + e.getCause().getMessage(), e.getCause());
        }
        pause();
      } catch (TimeoutException e) {
        throw new LogException("did not catch up with the schema topic '" + config.topic()
            + "' within " + config.initTimeout().toMillis() + " ms (" + KafkaStoreConfig.INIT_TIMEOUT
            + "); read up to offset " + watcher.position(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LogException("interrupted while replaying the schema topic", e);
      }
    }
  }

  @Override
  public CompletableFuture<Long> append(List<RegistryRecord> records) {
    WriterTerm current = term;
    AppendQueue queue = !opened ? NOT_OPEN : current == null ? NOT_WRITER : current.queue();
    return queue.append(records);
  }

  /** The id of the Kafka cluster holding the topic, learned by {@link #open} ("" if unknown). */
  public String clusterId() {
    return clusterId;
  }

  /** Where the log lives, for the start-up line: {@code topic 'x' on host:port}. */
  public String describe() {
    return "topic '" + config.topic() + "' on " + config.bootstrapServers();
  }

  /** Transactions committed since open; tests use it to see appends sharing one. */
  public long commitCount() {
    WriterTerm current = term;
    return current == null ? 0 : current.writer().commits();
  }

  /** Where the reader started: 0 after a full replay, else where the loaded snapshot ended. */
  public long startOffset() {
    return startOffset;
  }

  /** The offset the reader will deliver next: every record below it has been applied. */
  public long readerPosition() {
    return watcher.position();
  }

  /** Records committed to the topic that the reader has yet to deliver, as of its last fetch. */
  @Override
  public long lag() {
    TopicReader current = reader;
    return current == null ? 0 : current.lag();
  }

  /**
   * Stops writing and reading. Appends not yet written fail; a transaction in flight is left to
   * the broker, which aborts it.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    endTerm("not stored: the log was closed");
    if (reader != null) {
      reader.stop();
      join(readerThread, Duration.ofSeconds(10));
      if (snapshots != null && !readerThread.isAlive()) {
        snapshots.close(lanes.schemas().last(), lanes.keys().last()); // the state is still now
      }
    }
    if (consumer != null) {
      quietly(() -> consumer.close(CloseOptions.timeout(Duration.ofSeconds(5))));
    }
    LogException closedFirst = LogException.outcomeUnknown("the log was closed before this node"
        + " applied the records; they are stored in Kafka");
    lanes.both().forEach(lane -> lane.watcher().close(closedFirst));
  }

  private static Thread start(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true); // an unclosed log must not keep the JVM alive
    thread.start();
    return thread;
  }

  private static void join(Thread thread, Duration timeout) {
    if (thread == null || thread == Thread.currentThread()) {
      return;
    }
    try {
      thread.join(timeout.toMillis());
      if (thread.isAlive()) {
        thread.interrupt(); // a blocking Kafka call; the interrupt ends it
        thread.join(timeout.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void quietly(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      LOG.warn("Closing a Kafka client failed: {}", e.toString());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogException("interrupted while opening the schema topic");
    }
  }
}
