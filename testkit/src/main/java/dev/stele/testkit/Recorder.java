package dev.stele.testkit;

import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.NoopRecord;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it is given, for assertions; safe to read from any thread. */
public final class Recorder implements RecordSink {

  /** One record as the log delivered it. */
  public record Delivery(RegistryRecord record, long offset, long timestamp) {}

  private final List<Delivery> deliveries = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  @Override
  public synchronized void apply(RegistryRecord record, long offset, long timestamp) {
    deliveries.add(new Delivery(record, offset, timestamp));
    threads.add(Thread.currentThread());
  }

  public synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  public synchronized List<RegistryRecord> records() {
    return deliveries.stream().map(Delivery::record).toList();
  }

  /** The records delivered, NOOPs left out (the Kafka store writes one whenever it takes over). */
  public synchronized List<RegistryRecord> recordsExceptNoops() {
    return withoutNoops(records());
  }

  public synchronized List<Long> offsets() {
    return deliveries.stream().map(Delivery::offset).toList();
  }

  /** The thread that delivered each record, in delivery order. */
  public synchronized List<Thread> threads() {
    return List.copyOf(threads);
  }

  /** The record delivered at {@code offset}, or null. */
  public synchronized RegistryRecord at(long offset) {
    for (Delivery d : deliveries) {
      if (d.offset() == offset) {
        return d.record();
      }
    }
    return null;
  }

  /** {@code records} without the NOOPs. */
  public static List<RegistryRecord> withoutNoops(List<RegistryRecord> records) {
    return records.stream().filter(r -> !(r instanceof NoopRecord)).toList();
  }
}
