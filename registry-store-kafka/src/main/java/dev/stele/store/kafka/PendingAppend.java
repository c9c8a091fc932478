package dev.stele.store.kafka;

import dev.stele.registry.log.RegistryRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code append} call waiting for the writer: its records, their key and value bytes
 * (encoded on the caller's thread, so the writer thread only sends) and the future to complete
 * with the offset of the last record.
 */
record PendingAppend(
    List<RegistryRecord> records, List<byte[]> keys, List<byte[]> values,
    CompletableFuture<Long> future) {

  int size() {
    return records.size();
  }
}
