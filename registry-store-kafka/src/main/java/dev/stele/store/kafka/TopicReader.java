package dev.stele.store.kafka;

import dev.stele.registry.log.RecordCodec;
import dev.stele.registry.log.RecordFormatException;
import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that reads the schema topic, from its first record on (or from where a state
 * snapshot ends, decision 0016), and delivers the records
 * to the sink in order (read_committed: only records of committed writes). Like Confluent's reader
 * it skips what it cannot read, with a warning, rather than refusing to start. Kafka being away
 * only pauses it; the consumer reconnects by itself.
 */
final class TopicReader implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final long ERROR_PAUSE_MILLIS = 1000;

  private final Consumer<byte[], byte[]> consumer;
  private final TopicPartition partition;
  private final RecordSink sink;
  private final OwnRecords own;
  private final OffsetWatcher watcher;
  private final long from;
  private final KafkaSnapshots snapshots; // null: none
  /** The last record read (delivered or skipped); null until one is. */
  private volatile ConsumerRecord<byte[], byte[]> last;
  private volatile boolean running = true;
  /** The log's end (last stable offset) when a poll last returned; 0 until one is known. */
  private volatile long end;
  /** The offset after the last record delivered (or skipped). */
  private volatile long applied;

  TopicReader(Consumer<byte[], byte[]> consumer, String topic, RecordSink sink, OwnRecords own,
      OffsetWatcher watcher) {
    this(consumer, topic, sink, own, watcher, 0, null);
  }

  /**
   * A reader that starts at {@code from} (the sink already holds every record below it) and
   * lets {@code snapshots} (null: none) save the state after its polls.
   */
  TopicReader(Consumer<byte[], byte[]> consumer, String topic, RecordSink sink, OwnRecords own,
      OffsetWatcher watcher, long from, KafkaSnapshots snapshots) {
    this.from = from;
    this.snapshots = snapshots;
    this.applied = from;
    this.consumer = consumer;
    this.partition = new TopicPartition(topic, 0);
    this.sink = sink;
    this.own = own;
    this.watcher = watcher;
  }

  @Override
  public void run() {
    try {
      consumer.assign(List.of(partition));
      if (from > 0) {
        consumer.seek(partition, from);
      } else {
        consumer.seekToBeginning(List.of(partition));
      }
      while (running) {
        pollOnce();
      }
    } catch (WakeupException | InterruptException e) {
      // stop() asked us to end
    } catch (RuntimeException | Error e) {
      LOG.error("The reader of {} stopped; this node no longer sees new records", partition, e);
      if (e instanceof VirtualMachineError fatal) {
        // Out of memory: the server's handler ends the process for a restart (decision 0010)
        // rather than leave a node serving from a state that no longer follows the log.
        throw fatal;
      }
    }
  }

  private void pollOnce() {
    try {
      ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
      noteEnd();
      for (ConsumerRecord<byte[], byte[]> record : records) {
        deliver(record);
      }
      // After a poll the position is known locally: the offset after the records returned, past
      // transaction markers and aborted records too.
      long position = consumer.position(partition, Duration.ZERO);
      own.forgetBelow(position);
      watcher.advanceTo(position);
      applied = Math.max(applied, position);
      if (snapshots != null) {
        snapshots.afterPoll(last);
      }
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      // no position yet (the broker is away at start): the next poll tries again
    } catch (KafkaException e) {
      // Authorization, a deleted topic, ...: not something a retry a moment later fixes, but the
      // operator may fix it, so keep trying at a slow pace rather than die.
      LOG.error("Cannot read {}: {}; retrying", partition, e.toString());
      pause();
    }
  }

  /**
   * Remembers where the log ends, from what the last fetch answered (the consumer's cached lag:
   * no call to the broker), before the records are delivered: while a slow apply holds this
   * thread, the lag still counts the records it has yet to deliver.
   */
  private void noteEnd() {
    try {
      OptionalLong lag = consumer.currentLag(partition);
      if (lag.isPresent()) {
        // A known lag implies a known position: this does not wait.
        end = consumer.position(partition, Duration.ZERO) + lag.getAsLong();
      }
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      // no position after all: keep the last end; the records polled must be delivered anyway
    }
  }

  /** Records committed to the topic that this reader has not delivered yet (0 when unknown). */
  long lag() {
    return Math.max(0, end - applied);
  }

  private void deliver(ConsumerRecord<byte[], byte[]> record) {
    long offset = record.offset();
    try {
      deliverRecord(record, offset);
    } finally {
      applied = offset + 1;
      last = record;
    }
  }

  private void deliverRecord(ConsumerRecord<byte[], byte[]> record, long offset) {
    RegistryRecord decoded = own.take(offset);
    if (decoded == null) {
      Optional<RegistryRecord> read;
      try {
        read = RecordCodec.decode(record.key(), record.value());
      } catch (RecordFormatException e) {
        LOG.warn("Skipping unreadable record at offset {} of {}: {}", offset, partition,
            e.getMessage());
        return;
      }
      if (read.isEmpty()) {
        LOG.debug("Skipping a record of a key type this registry does not use at offset {}", offset);
        return;
      }
      decoded = read.get();
    }
    try {
      sink.apply(decoded, offset, record.timestamp());
    } catch (RuntimeException e) {
      // A bug in applying this record; it is in the log all the same, so go on with the next one
      // rather than stall every writer behind it.
      LOG.error("Applying the record at offset {} failed; it is skipped: {}", offset, decoded, e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(ERROR_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** The last record read, delivered or skipped; null when none since the start. */
  ConsumerRecord<byte[], byte[]> last() {
    return last;
  }

  /** Asks the thread to end; it leaves its poll at once. */
  void stop() {
    running = false;
    consumer.wakeup();
  }
}
