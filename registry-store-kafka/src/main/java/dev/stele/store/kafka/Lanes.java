package dev.stele.store.kafka;

import dev.stele.registry.log.RegistryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The two topics the Kafka log keeps (decision 0014): the schema topic, and the DEK registry's
 * key topic, where KEKs and DEKs go as Confluent keeps them. One reader reads both and one
 * transactional writer writes both (a transaction spans them), but offsets are per topic, so each
 * has its own read-your-writes watcher, its own records awaiting read-back, and its own place in
 * a snapshot.
 */
final class Lanes {
  private final Lane schemas;
  private final Lane keys;

  Lanes(String schemaTopic, String keyTopic) {
    this.schemas = new Lane(new TopicPartition(schemaTopic, 0));
    this.keys = new Lane(new TopicPartition(keyTopic, 0));
  }

  Lane schemas() {
    return schemas;
  }

  Lane keys() {
    return keys;
  }

  List<Lane> both() {
    return List.of(schemas, keys);
  }

  /** Where {@code record} is written: KEKs and DEKs to the key topic, the rest to the schema topic. */
  Lane of(RegistryRecord record) {
    return record instanceof RegistryRecord.KekRecord || record instanceof RegistryRecord.DekRecord
        ? keys : schemas;
  }

  /** The lane of a record read from {@code topic}. */
  Lane of(String topic) {
    return keys.partition().topic().equals(topic) ? keys : schemas;
  }

  /** Records committed to either topic that the reader has not delivered yet. */
  long lag() {
    return schemas.lag() + keys.lag();
  }

  /**
   * Completes once the reader has delivered, on each lane, the highest of {@code offsets} written
   * there ({@code lanes.get(i)} holds {@code offsets.get(i)}): a transaction spanning both topics
   * is applied once both are.
   */
  static CompletableFuture<Void> whenDelivered(List<Lane> lanes, List<Long> offsets) {
    List<CompletableFuture<Void>> waits = new ArrayList<>(2);
    for (Lane lane : lanes.stream().distinct().toList()) {
      long last = -1;
      for (int i = 0; i < lanes.size(); i++) {
        if (lanes.get(i) == lane) {
          last = Math.max(last, offsets.get(i));
        }
      }
      waits.add(lane.watcher().whenDelivered(last));
    }
    return CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new));
  }

  /** The offsets of the records of a committed transaction, each in its own topic. */
  static List<Long> offsets(List<Future<RecordMetadata>> sent) {
    List<Long> offsets = new ArrayList<>(sent.size());
    try {
      for (Future<RecordMetadata> record : sent) {
        offsets.add(record.get().offset()); // done: its transaction committed
      }
    } catch (ExecutionException | InterruptedException e) {
      throw new IllegalStateException("a record of a committed transaction has no offset", e);
    }
    return offsets;
  }

  /** One topic's partition 0 and what the reader and writer track of it. */
  static final class Lane {
    private final TopicPartition partition;
    private final OwnRecords own = new OwnRecords();
    private final OffsetWatcher watcher = new OffsetWatcher();
    /** The log's end (last stable offset) when a poll last returned; 0 until one is known. */
    private volatile long end;
    /** The offset after the last record delivered (or skipped). */
    private volatile long applied;
    /** The last record read (delivered or skipped); null until one is. */
    private volatile ConsumerRecord<byte[], byte[]> last;

    Lane(TopicPartition partition) {
      this.partition = partition;
    }

    TopicPartition partition() {
      return partition;
    }

    String topic() {
      return partition.topic();
    }

    OwnRecords own() {
      return own;
    }

    OffsetWatcher watcher() {
      return watcher;
    }

    /** The reader starts at {@code from}: every record below it is in the state already. */
    void startAt(long from) {
      applied = from;
      watcher.advanceTo(from);
    }

    void noteEnd(long newEnd) {
      end = newEnd;
    }

    void read(ConsumerRecord<byte[], byte[]> record) {
      applied = record.offset() + 1;
      last = record;
    }

    /** After a poll: every record below {@code position} has been delivered or skipped. */
    void passed(long position) {
      own.forgetBelow(position);
      watcher.advanceTo(position);
      applied = Math.max(applied, position);
    }

    long applied() {
      return applied;
    }

    long lag() {
      return Math.max(0, end - applied);
    }

    ConsumerRecord<byte[], byte[]> last() {
      return last;
    }
  }
}
