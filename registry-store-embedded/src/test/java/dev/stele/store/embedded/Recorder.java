package dev.stele.store.embedded;

import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it was given, for assertions. */
final class Recorder implements RecordSink {

  record Delivery(RegistryRecord record, long offset, long timestamp) {}

  private final List<Delivery> deliveries = new ArrayList<>();

  @Override
  public synchronized void apply(RegistryRecord record, long offset, long timestamp) {
    deliveries.add(new Delivery(record, offset, timestamp));
  }

  synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  synchronized List<RegistryRecord> records() {
    return deliveries.stream().map(Delivery::record).toList();
  }

  synchronized List<Long> offsets() {
    return deliveries.stream().map(Delivery::offset).toList();
  }
}
