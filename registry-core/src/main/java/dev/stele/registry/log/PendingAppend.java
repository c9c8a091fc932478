package dev.stele.registry.log;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code append} call waiting for a store's writer thread: its records, their {@code _schemas}
 * key and value bytes (encoded on the caller's thread, so the writer thread only writes) and the
 * future to complete with the offset of its last record.
 */
public record PendingAppend(
    List<RegistryRecord> records, List<byte[]> keys, List<byte[]> values,
    CompletableFuture<Long> future) {

  /**
   * Copies and encodes {@code records} for a new append.
   *
   * @throws LogException when a record cannot be encoded (nothing is queued then)
   */
  public static PendingAppend encode(List<RegistryRecord> records) {
    List<RegistryRecord> copy = List.copyOf(records);
    List<byte[]> keys = new ArrayList<>(copy.size());
    List<byte[]> values = new ArrayList<>(copy.size());
    try {
      for (RegistryRecord record : copy) {
        keys.add(RecordCodec.key(record));
        values.add(RecordCodec.value(record));
      }
    } catch (RuntimeException e) {
      throw new LogException("cannot encode records: " + e.getMessage(), e);
    }
    return new PendingAppend(copy, keys, values, new CompletableFuture<>());
  }

  /** How many records the append holds. */
  public int size() {
    return records.size();
  }

  /** Fails every append of {@code appends} with the one {@code failure}. */
  public static void failAll(List<PendingAppend> appends, LogException failure) {
    appends.forEach(append -> append.future().completeExceptionally(failure));
  }
}
