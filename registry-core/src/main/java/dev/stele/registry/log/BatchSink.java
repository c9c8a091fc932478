package dev.stele.registry.log;

import java.util.List;

/**
 * Where a store's batches go: the one thing a store adds to the shared append pipeline
 * ({@link AppendQueue}, {@link BatchWriter}). The embedded store writes a batch in one SQLite
 * transaction, the Kafka store in one Kafka transaction.
 */
@FunctionalInterface
public interface BatchSink {

  /**
   * Stores every append of {@code batch} (in order, offsets contiguous within the batch) and
   * completes each one's future with the offset of its last record only once it is durable and
   * delivered to the log's {@link RecordSink}; or fails them. Completing may happen after this
   * returns (when the records have been read back, say). Called from one thread only.
   *
   * @return false to stop taking batches (the store was fenced or is closing); the store fails
   *     whatever is still queued
   */
  boolean write(List<PendingAppend> batch);

  /**
   * How the writer gathers the next batch; asked before each. The default takes whatever is
   * queued at once. A store whose transactions cost far more than their records (Kafka) may ask
   * it to wait briefly for the clients it has just answered, so that one transaction carries them.
   */
  default Gather nextGather() {
    return Gather.NONE;
  }
}
