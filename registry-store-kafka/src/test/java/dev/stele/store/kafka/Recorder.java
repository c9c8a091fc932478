package dev.stele.store.kafka;

import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.NoopRecord;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it is given, for tests; safe to read from any thread. */
final class Recorder implements RecordSink {
  record Applied(RegistryRecord record, long offset, long timestamp) {}

  private final List<Applied> applied = new ArrayList<>();

  @Override
  public synchronized void apply(RegistryRecord record, long offset, long timestamp) {
    applied.add(new Applied(record, offset, timestamp));
  }

  synchronized List<Applied> applied() {
    return List.copyOf(applied);
  }

  /** The records applied, NOOPs (one per open) left out. */
  synchronized List<RegistryRecord> records() {
    return applied.stream().map(Applied::record).filter(r -> !(r instanceof NoopRecord)).toList();
  }

  /** The record applied at {@code offset}, or null. */
  synchronized RegistryRecord at(long offset) {
    for (Applied a : applied) {
      if (a.offset() == offset) {
        return a.record();
      }
    }
    return null;
  }

  synchronized List<Long> offsets() {
    List<Long> out = new ArrayList<>();
    applied.forEach(a -> out.add(a.offset()));
    return out;
  }
}
