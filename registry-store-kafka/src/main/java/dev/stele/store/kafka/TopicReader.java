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
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that reads the schema topic and the DEK registry's key topic (one consumer
 * assigned both), from their first records on (or from where a state snapshot ends, decision
 * 0016), and delivers the records to the sink in each topic's order (read_committed: only records
 * of committed writes). The two topics' records never decide one another, so their interleaving
 * does not matter; a record of the key topic is delivered with the offset of the last schema
 * record delivered, so the state's offset stays the schema topic's. Like Confluent's reader it
 * skips what it cannot read, with a warning, rather than refusing to start. Kafka being away only
 * pauses it; the consumer reconnects by itself.
 */
final class TopicReader implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final long ERROR_PAUSE_MILLIS = 1000;

  private final Consumer<byte[], byte[]> consumer;
  private final RecordSink sink;
  private final Lanes lanes;
  private final long schemasFrom;
  private final long keysFrom;
  private final KafkaSnapshots snapshots; // null: none
  private volatile boolean running = true;

  TopicReader(Consumer<byte[], byte[]> consumer, Lanes lanes, RecordSink sink) {
    this(consumer, lanes, sink, new KafkaSnapshots.Resume(0, 0), null);
  }

  /**
   * A reader that starts where {@code from} says (the sink already holds every record below it
   * on each topic) and lets {@code snapshots} (null: none) save the state after its polls.
   */
  TopicReader(Consumer<byte[], byte[]> consumer, Lanes lanes, RecordSink sink,
      KafkaSnapshots.Resume from, KafkaSnapshots snapshots) {
    this.consumer = consumer;
    this.lanes = lanes;
    this.sink = sink;
    this.schemasFrom = from.schemas();
    this.keysFrom = from.keys();
    this.snapshots = snapshots;
    lanes.schemas().startAt(schemasFrom);
    lanes.keys().startAt(keysFrom);
  }

  @Override
  public void run() {
    try {
      consumer.assign(List.of(lanes.schemas().partition(), lanes.keys().partition()));
      seek(lanes.schemas(), schemasFrom);
      seek(lanes.keys(), keysFrom);
      while (running) {
        pollOnce();
      }
    } catch (WakeupException | InterruptException e) {
      // stop() asked us to end
    } catch (RuntimeException | Error e) {
      LOG.error("The reader of {} stopped; this node no longer sees new records",
          lanes.schemas().topic(), e);
      if (e instanceof VirtualMachineError fatal) {
        // Out of memory: the server's handler ends the process for a restart (decision 0010)
        // rather than leave a node serving from a state that no longer follows the log.
        throw fatal;
      }
    }
  }

  private void seek(Lanes.Lane lane, long from) {
    if (from > 0) {
      consumer.seek(lane.partition(), from);
    } else {
      consumer.seekToBeginning(List.of(lane.partition()));
    }
  }

  private void pollOnce() {
    try {
      ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
      lanes.both().forEach(this::noteEnd);
      for (ConsumerRecord<byte[], byte[]> record : records) {
        deliver(lanes.of(record.topic()), record);
      }
      // After a poll the position is known locally: the offset after the records returned, past
      // transaction markers and aborted records too.
      for (Lanes.Lane lane : lanes.both()) {
        lane.passed(consumer.position(lane.partition(), Duration.ZERO));
      }
      if (snapshots != null) {
        snapshots.afterPoll(lanes.schemas().last(), lanes.keys().last());
      }
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      // no position yet (the broker is away at start): the next poll tries again
    } catch (KafkaException e) {
      // Authorization, a deleted topic, ...: not something a retry a moment later fixes, but the
      // operator may fix it, so keep trying at a slow pace rather than die.
      LOG.error("Cannot read {} and {}: {}; retrying", lanes.schemas().partition(),
          lanes.keys().partition(), e.toString());
      pause();
    }
  }

  /**
   * Remembers where the log ends, from what the last fetch answered (the consumer's cached lag:
   * no call to the broker), before the records are delivered: while a slow apply holds this
   * thread, the lag still counts the records it has yet to deliver.
   */
  private void noteEnd(Lanes.Lane lane) {
    try {
      OptionalLong lag = consumer.currentLag(lane.partition());
      if (lag.isPresent()) {
        // A known lag implies a known position: this does not wait.
        lane.noteEnd(consumer.position(lane.partition(), Duration.ZERO) + lag.getAsLong());
      }
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      // no position after all: keep the last end; the records polled must be delivered anyway
    }
  }

  /** Records committed to the topics that this reader has not delivered yet (0 when unknown). */
  long lag() {
    return lanes.lag();
  }

  private void deliver(Lanes.Lane lane, ConsumerRecord<byte[], byte[]> record) {
    try {
      deliverRecord(lane, record, record.offset());
    } finally {
      lane.read(record);
    }
  }

  private void deliverRecord(Lanes.Lane lane, ConsumerRecord<byte[], byte[]> record, long offset) {
    RegistryRecord decoded = lane.own().take(offset);
    if (decoded == null) {
      Optional<RegistryRecord> read;
      try {
        read = RecordCodec.decode(record.key(), record.value());
      } catch (RecordFormatException e) {
        LOG.warn("Skipping unreadable record at offset {} of {}: {}", offset, lane.partition(),
            e.getMessage());
        return;
      }
      if (read.isEmpty()) {
        LOG.debug("Skipping a record of a key type this registry does not use at offset {} of {}",
            offset, lane.partition());
        return;
      }
      decoded = read.get();
      if (lane == lanes.keys() && lanes.of(decoded) != lane) {
        // Only KEKs and DEKs belong there; a schema record on it was written by no registry.
        LOG.warn("Skipping a record that is no KEK or DEK at offset {} of {}", offset,
            lane.partition());
        return;
      }
    }
    try {
      long at = lane == lanes.keys() ? lanes.schemas().applied() - 1 : offset;
      sink.apply(decoded, at, record.timestamp());
    } catch (RuntimeException e) {
      // A bug in applying this record; it is in the log all the same, so go on with the next one
      // rather than stall every writer behind it.
      LOG.error("Applying the record at offset {} of {} failed; it is skipped: {}", offset,
          lane.partition(), decoded, e);
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

  /** Asks the thread to end; it leaves its poll at once. */
  void stop() {
    running = false;
    consumer.wakeup();
  }
}
