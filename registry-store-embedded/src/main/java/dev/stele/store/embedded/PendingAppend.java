package dev.stele.store.embedded;

import dev.stele.registry.log.RegistryRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code append} call waiting for the committer: its records, their bytes (encoded on the
 * caller's thread, so the committer only writes) and the future to complete.
 */
record PendingAppend(
    List<RegistryRecord> records, List<byte[]> keys, List<byte[]> values,
    CompletableFuture<Long> future) {

  int size() {
    return records.size();
  }
}
