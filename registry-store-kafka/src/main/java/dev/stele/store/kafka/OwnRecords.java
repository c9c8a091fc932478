package dev.stele.store.kafka;

import dev.stele.registry.log.RegistryRecord;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The records this node wrote, by the offset Kafka gave them, until the reader reaches them: the
 * reader then delivers the very objects that were appended instead of decoding the bytes again,
 * so the writer's pending state and the readers' state share them.
 *
 * <p>The writer puts a record when Kafka acknowledges it, which is before its transaction
 * commits, so before a read_committed reader can see it. Should that ever not hold, the reader
 * simply decodes the record. Entries of aborted transactions are dropped as the reader passes
 * their offsets.
 */
final class OwnRecords {
  private final ConcurrentSkipListMap<Long, RegistryRecord> byOffset = new ConcurrentSkipListMap<>();

  void put(long offset, RegistryRecord record) {
    byOffset.put(offset, record);
  }

  /** The appended record at {@code offset}, or null when another writer wrote it. */
  RegistryRecord take(long offset) {
    return byOffset.remove(offset);
  }

  /** Forgets every record below {@code position}: the reader is past them. */
  void forgetBelow(long position) {
    ConcurrentNavigableMap<Long, RegistryRecord> passed = byOffset.headMap(position);
    if (!passed.isEmpty()) {
      passed.clear();
    }
  }

  int size() {
    return byOffset.size();
  }
}
