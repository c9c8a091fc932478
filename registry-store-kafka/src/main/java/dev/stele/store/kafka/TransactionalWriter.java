package dev.stele.store.kafka;

import dev.stele.registry.log.AppendQueue;
import dev.stele.registry.log.BatchSink;
import dev.stele.registry.log.Gather;
import dev.stele.registry.log.LogException;
import dev.stele.registry.log.PendingAppend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the Kafka store's batches go: the one writer of the schema topic, called by the core
 * pipeline's {@link dev.stele.registry.log.BatchWriter} thread with every append that queued up
 * during the previous commit, which it writes in one Kafka transaction (group commit); an append
 * completes once its transaction is committed and this node's reader has delivered its records,
 * or, if the reader has not within the apply timeout, as committed (see {@code notReadBack}).
 *
 * <p>Transactions are what make a second writer safe: a writer that starts with the same
 * transactional id fences this one, and Kafka then refuses this one's writes, so a fenced node
 * can never write records decided on a state that lacks the new writer's. A fenced writer stops
 * for good. Read_committed readers never see aborted records, which gives failures a clean
 * meaning: an aborted write is not stored.
 *
 * <p>A commit that Kafka does not confirm in time is <em>unconfirmed</em>: it may still land.
 * Its appends fail saying so, and the {@link WriteGate} refuses every append until the outcome is
 * known and, if committed, applied, so nothing is decided on a state that lacks it. The first
 * append offered after that is refused too: it may have been decided before the outcome was
 * applied. That rests on the core's writer, which decides one command at a time and rebuilds its
 * state from the applied records after every failed append (decision 0002).
 */
final class TransactionalWriter implements BatchSink {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionalWriter.class);

  private enum Outcome { COMMITTED, ABORTED, FENCED, LOST, STOPPED }

  private final AppendQueue queue;
  private final WriteGate gate;
  private final Supplier<Producer<byte[], byte[]>> producers;
  private final KafkaStoreConfig config;
  private final Lanes lanes;
  private final AtomicLong commits = new AtomicLong();
  private volatile boolean stopping;
  private volatile Producer<byte[], byte[]> producer; // null: to be created
  private boolean initialized; // the producer has registered as the writer of its id
  private boolean abortPending; // an abort that timed out; finish it before the next transaction
  private volatile boolean fenced; // for good: a new producer would fence the writer that fenced us
  private volatile boolean lost; // Kafka ended a transaction of ours: the term needs a takeover
  private int answered; // appends the last batch answered: clients likely to write again soon
  private final Duration commitWait; // the producer's max.block.ms: how long a commit call waits

  /** How far past its deadline a commit's wait must end to be this JVM's delay, not Kafka's. */
  static final Duration LATE = Duration.ofMillis(100);

  /** @param gate the admission of {@code queue}, which this writer closes and opens */
  TransactionalWriter(AppendQueue queue, WriteGate gate,
      Supplier<Producer<byte[], byte[]>> producers, KafkaStoreConfig config, Lanes lanes) {
    this.queue = queue;
    this.gate = gate;
    this.producers = producers;
    this.config = config;
    this.lanes = lanes;
    this.commitWait = Duration.ofMillis(Long.parseLong(String.valueOf(
        ClientSettings.producer(config).get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).trim()));
  }

  /**
   * Creates the producer and registers it as the writer of its transactional id, which fences
   * any older writer of that id and settles the transaction it left open. Runs before the thread.
   *
   * @throws LogException when Kafka's transaction coordinator does not answer before the deadline
   */
  void initialize(long deadlineNanos) {
    producer = producers.get();
    while (true) {
      try {
        producer.initTransactions();
        initialized = true;
        return;
      } catch (TimeoutException e) {
        if (System.nanoTime() > deadlineNanos) {
          throw new LogException("Kafka's transaction coordinator did not answer in time (" + e
              .getMessage() + "); is " + config.bootstrapServers() + " reachable?", e);
        }
      }
    }
  }

  /** Whether a newer writer fenced this one: it writes no more; a new term needs a new writer. */
  boolean fenced() {
    return fenced;
  }

  /**
   * Whether this writer has stopped because Kafka ended one of its transactions (see {@link
   * #lost}), or was fenced: either way the term is over, and only a takeover writes again.
   */
  boolean stopped() {
    return fenced || lost;
  }

  /** Transactions committed so far. */
  long commits() {
    return commits.get();
  }

  /** @return false when this writer must stop (fenced while writing, or interrupted by close) */
  @Override
  public boolean write(List<PendingAppend> batch) {
    answered = 0;
    return !ready(batch) || send(batch);
  }

  /**
   * With a batch wait, the next transaction waits for the clients the last one answered, since a
   * transaction costs the broker and this node far more than its records (decision 0027).
   */
  @Override
  public Gather nextGather() {
    return config.batchWait().isZero() ? Gather.NONE : new Gather(answered, config.batchWait());
  }

  /** Settles what the last transaction left; false when the batch failed on the way. */
  private boolean ready(List<PendingAppend> batch) {
    if (fenced) {
      Failures.failTermEnded(batch, "not stored: this node was fenced off the topic");
      return false;
    }
    if (lost) {
      Failures.failTermEnded(batch, LOST_REASON);
      return false;
    }
    try {
      if (producer == null) {
        producer = producers.get();
      }
      if (!initialized) {
        // A new producer of our own id: its init also settles whatever the old one left open.
        producer.initTransactions();
        initialized = true;
      }
      if (abortPending) {
        producer.abortTransaction();
        abortPending = false;
      }
      return true;
    } catch (TimeoutException e) {
      Failures.fail(batch, "not stored: Kafka is unreachable (" + Failures.reasons(e) + ")");
    } catch (KafkaException | IllegalStateException e) {
      if (Failures.isFenced(e)) {
        fenced(batch, e);
      } else if (Failures.isTransactionLost(e)) {
        lost(batch, e);
      } else {
        Failures.fail(batch, "not stored: the Kafka producer failed (" + Failures.reasons(e) + ")");
        discardProducer(e);
      }
    }
    return false;
  }

  /** One transaction, KEKs and DEKs to the key topic; false: stop (fenced, or closed). */
  private boolean send(List<PendingAppend> batch) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    List<Lanes.Lane> sentTo = new ArrayList<>();
    boolean committing = false;
    try {
      producer.beginTransaction();
      for (PendingAppend append : batch) {
        for (int i = 0; i < append.size(); i++) {
          var record = append.records().get(i);
          Lanes.Lane lane = lanes.of(record);
          sentTo.add(lane);
          sent.add(producer.send(new ProducerRecord<>(lane.topic(), 0, append.keys().get(i),
              append.values().get(i)), (metadata, failure) -> {
                if (failure == null) {
                  lane.own().put(metadata.offset(), record);
                }
              }));
        }
      }
      committing = true;
      commit();
    } catch (TimeoutException e) {
      if (committing) {
        return unconfirmed(batch, sent, sentTo, e);
      }
      abort(batch, e);
      return true;
    } catch (InterruptException e) {
      // Only close() interrupts, after its wait; a commit under way may still complete.
      if (committing) {
        Failures.failUnknown(batch, "the log was closed while Kafka committed this write; it may"
            + " still be stored");
      } else {
        Failures.fail(batch, "not stored: the log was closed");
      }
      return false;
    } catch (KafkaException | IllegalStateException e) {
      if (Failures.isFenced(e)) {
        fenced(batch, e);
        return false;
      }
      if (Failures.isTransactionLost(e)) {
        lost(batch, e);
        return false;
      }
      abort(batch, e);
      return true;
    }
    commits.incrementAndGet();
    List<Long> offsets = Lanes.offsets(sent);
    long[] lasts = new long[batch.size()];
    int end = 0;
    for (int i = 0; i < batch.size(); i++) {
      end += batch.get(i).size();
      lasts[i] = offsets.get(end - 1);
    }
    // The batch's last record on each topic delivered means all of it is: one bounded wait.
    CompletableFuture<Void> delivered = Lanes.whenDelivered(sentTo, offsets);
    delivered.copy().orTimeout(config.applyTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((v, failure) -> {
          if (failure == null) {
            for (int i = 0; i < lasts.length; i++) {
              batch.get(i).future().complete(lasts[i]);
            }
          } else if (failure instanceof java.util.concurrent.TimeoutException) {
            notReadBack(batch, lasts, delivered);
          } else {
            batch.forEach(append -> append.future().completeExceptionally(failure));
          }
        });
    if (!config.batchWait().isZero()) {
      awaitAnswered(delivered, batch.size());
    }
    return true;
  }

  /**
   * Commits the open transaction. A commit whose wait ended well past its deadline was not timed
   * out by Kafka but by this JVM standing still (a full collection longer than the wait: the
   * broker's answer may be sitting unread), so it gets one more wait before it counts as
   * unconfirmed; Kafka's producer allows a commit to be retried after a timeout. A commit that
   * timed out on time is Kafka being slow, and fails at once as before (decision 0031).
   */
  private void commit() {
    long started = System.nanoTime();
    try {
      producer.commitTransaction();
    } catch (TimeoutException e) {
      long lateMillis = (System.nanoTime() - started) / 1_000_000 - commitWait.toMillis();
      if (lateMillis < LATE.toMillis()) {
        throw e;
      }
      LOG.info("A commit to {} timed out {} ms after its deadline (this process stood still, a GC"
          + " pause say); waiting for Kafka's answer once more", config.topic(), lateMillis);
      producer.commitTransaction();
    }
  }

  /**
   * Holds the next transaction until this one's callers are answered (read back, or the apply
   * timeout passed, when the callback above answers them anyway), so that their next writes,
   * which {@link #nextGather} then waits for, can go together. Without it, clients split into
   * two groups that alternate between transactions in flight, each half as large.
   */
  private void awaitAnswered(CompletableFuture<Void> delivered, int appends) {
    try {
      delivered.get(config.applyTimeout().toNanos(), TimeUnit.NANOSECONDS);
      answered = appends;
    } catch (java.util.concurrent.TimeoutException | ExecutionException e) {
      // not read back in time (the callback holds the gate) or the log is closing: go on
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // close(): the queue's take sees it and ends the thread
    }
  }

  /**
   * A committed batch this node's reader has not read back in time (the broker went away right
   * after confirming, say). It is in the log, so its callers are answered as applied, at once,
   * rather than with "may or may not have been applied", which no client can act on; this node's
   * reads show it once the reader has it. Until then appends are refused: if one failed, the core
   * would rebuild its state from what was read back, which lacks this batch, and decide on it
   * (reusing its ids and versions).
   */
  private void notReadBack(List<PendingAppend> batch, long[] lasts,
      CompletableFuture<Void> delivered) {
    String refusal = "not stored: a write Kafka confirmed has not been read back yet, and what"
        + " may be written next depends on it; retry when Kafka is reachable";
    gate.hold(refusal);
    LOG.warn("A write Kafka confirmed on {} was not read back within {} ms; answered as applied,"
        + " refusing writes until it is read back", config.topic(), config.applyTimeout().toMillis());
    for (int i = 0; i < lasts.length; i++) {
      batch.get(i).future().complete(lasts[i]);
    }
    delivered.whenComplete((v, failure) -> {
      if (failure == null) {
        LOG.info("The write on {} confirmed earlier has been read back; accepting writes",
            config.topic());
      }
      gate.release("not stored: this write may have been decided before an earlier write was"
          + " read back; retry");
    });
  }

  /** The transaction failed before its commit was asked for: abort it, nothing is stored. */
  private void abort(List<PendingAppend> batch, Exception cause) {
    String reasons = Failures.reasons(cause);
    LOG.warn("A write to {} failed and is aborted: {}", config.topic(), reasons);
    Failures.fail(batch, "not stored: Kafka refused the write (" + reasons + ")");
    try {
      producer.abortTransaction();
    } catch (TimeoutException e) {
      abortPending = true; // Kafka is away; the next batch finishes the abort first
    } catch (KafkaException | IllegalStateException e) {
      if (Failures.isFenced(e)) {
        fenced(List.of(), e);
      } else if (Failures.isTransactionLost(e)) {
        lost(List.of(), e);
      } else {
        discardProducer(e); // its successor's init aborts the transaction
      }
    }
  }

  /** @return false when fenced while settling */
  private boolean unconfirmed(List<PendingAppend> batch, List<Future<RecordMetadata>> sent,
      List<Lanes.Lane> sentTo, TimeoutException cause) {
    LOG.warn("Kafka did not confirm a write to {} in time; refusing writes until it does: {}",
        config.topic(), cause.getMessage());
    Failures.failUnknown(batch, "Kafka did not confirm the write within " + config.timeout().toMillis()
        + " ms (" + cause.getMessage() + "); it may still be stored and then applied");
    String refusal = "not stored: Kafka has not confirmed an earlier write yet, and what may be"
        + " written next depends on it; retry when Kafka is reachable";
    Failures.fail(refuse(refusal), refusal);
    Outcome outcome = settle();
    if (outcome == Outcome.COMMITTED) {
      commits.incrementAndGet();
      awaitDelivered(Lanes.whenDelivered(sentTo, Lanes.offsets(sent)));
    }
    LOG.info("The unconfirmed write to {} was {}", config.topic(), outcome);
    switch (outcome) {
      case FENCED -> fenced(List.of(), null);
      case LOST -> lost(List.of(), null);
      case STOPPED -> { }
      default -> gate.accept("not stored: this write may have been decided before an earlier"
          + " unconfirmed write was settled; retry");
    }
    return outcome != Outcome.FENCED && outcome != Outcome.LOST;
  }

  /** Retries the commit until Kafka answers (each try blocks at most max.block.ms). */
  private Outcome settle() {
    while (!stopping) {
      try {
        producer.commitTransaction();
        return Outcome.COMMITTED;
      } catch (TimeoutException e) {
        // still no answer; ask again
      } catch (InterruptException e) {
        return Outcome.STOPPED;
      } catch (KafkaException e) {
        if (Failures.isFenced(e)) {
          return Outcome.FENCED;
        }
        if (Failures.isTransactionLost(e)) {
          return Outcome.LOST; // rolled back by the coordinator
        }
        // The records never all reached Kafka (their delivery timed out): abort, not stored.
        LOG.warn("The unconfirmed write to {} failed: {}", config.topic(), e.toString());
        return abortUntilDone();
      }
    }
    return Outcome.STOPPED;
  }

  private Outcome abortUntilDone() {
    while (!stopping) {
      try {
        producer.abortTransaction();
        return Outcome.ABORTED;
      } catch (TimeoutException e) {
        // ask again
      } catch (InterruptException e) {
        return Outcome.STOPPED;
      } catch (KafkaException | IllegalStateException e) {
        if (Failures.isFenced(e)) {
          return Outcome.FENCED;
        }
        if (Failures.isTransactionLost(e)) {
          return Outcome.LOST;
        }
        // A producer that cannot abort is dropped; its successor's init aborts the transaction.
        discardProducer(e);
        return Outcome.ABORTED;
      }
    }
    return Outcome.STOPPED;
  }

  /** Waits until the reader has applied a settled commit, so no decision can miss it. */
  private void awaitDelivered(CompletableFuture<Void> delivered) {
    while (!stopping) {
      try {
        delivered.get(1, TimeUnit.SECONDS);
        return;
      } catch (java.util.concurrent.TimeoutException e) {
        // the reader is catching up
      } catch (ExecutionException e) {
        return; // the log is closing
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static final String LOST_REASON = "not stored: Kafka ended this node's transaction (it was"
      + " aborted, by the coordinator or for another writer of the schema topic); this node takes"
      + " the topic over again if it still leads; retry";

  /**
   * Kafka's coordinator answered that our transaction is no longer open, so it was rolled back:
   * not stored. The producer is in a fatal state. A new one must not simply register and write
   * on: if another writer's registration caused the abort, that would fence it back and write
   * records decided without its records. So this term ends like a fenced one; the node's
   * leadership takes the topic over anew while it is still elected, with a full catch-up.
   */
  private void lost(List<PendingAppend> batch, Exception e) {
    LOG.warn("Kafka ended a transaction on {} ({}); this writer stops until the node takes the"
        + " topic over again", config.topic(), e == null ? "while settling" : Failures.reasons(e));
    lost = true;
    Failures.failTermEnded(batch, LOST_REASON);
    Failures.failTermEnded(refuse(LOST_REASON), LOST_REASON);
    discardProducer(null);
  }

  private void fenced(List<PendingAppend> batch, Exception e) {
    String reason = "this node was fenced: another Stele instance started writing to '"
        + config.topic() + "' with the same transactional id '" + config.transactionalId()
        + "' (same schema.registry.group.id and topic); this node keeps serving reads but writes"
        + " no more until it is elected leader again (or restarted, without election)";
    LOG.error("Fenced off {}: {}", config.topic(), reason, e);
    fenced = true;
    Failures.failUnknown(batch, "this write may or may not have been stored (the instance that"
        + " took over decides): " + reason);
    Failures.failTermEnded(refuse(reason), reason);
    discardProducer(null);
  }

  /** Refuses appends, then hands back those queued: see {@link WriteGate} for why in this order. */
  private List<PendingAppend> refuse(String reason) {
    gate.refuse(reason);
    return queue.drain();
  }

  private void discardProducer(Exception cause) {
    if (cause != null) {
      LOG.warn("Replacing the Kafka producer of {} after: {}", config.topic(), cause.toString());
    }
    Producer<byte[], byte[]> old = producer;
    producer = null;
    initialized = false;
    abortPending = false;
    if (old != null) {
      old.close(Duration.ZERO);
    }
  }

  /** Asks the thread to end: it leaves any retry loop within max.block.ms. */
  void stop() {
    stopping = true;
  }

  /** Closes the producer; an open transaction is left to the broker, which aborts it. */
  void closeProducer() {
    Producer<byte[], byte[]> current = producer;
    producer = null;
    if (current != null) {
      current.close(config.timeout());
    }
  }
}
