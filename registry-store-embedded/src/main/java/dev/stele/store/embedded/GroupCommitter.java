package dev.stele.store.embedded;

import dev.stele.registry.log.BatchSink;
import dev.stele.registry.log.LogException;
import dev.stele.registry.log.PendingAppend;
import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the embedded store's batches go: the single writer of the table, called by the
 * pipeline's {@link dev.stele.registry.log.BatchWriter} thread with every append that queued up
 * during the previous fsync. It writes them in one transaction, and only after the commit hands
 * the records to the sink and completes their futures, so a caller that sees its offset
 * can rely on the record being on disk and applied. One fsync per turn instead of one per append
 * is what lets many concurrent writers share the disk's latency.
 */
final class GroupCommitter implements BatchSink {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

  private final RecordTable table;
  private final RecordSink sink;
  private final AtomicLong commits = new AtomicLong();
  private final EmbeddedSnapshots snapshots; // null: none
  private long nextOffset; // confined to the pipeline's writer thread once it runs

  GroupCommitter(RecordTable table, RecordSink sink, long nextOffset, EmbeddedSnapshots snapshots) {
    this.table = table;
    this.sink = sink;
    this.nextOffset = nextOffset;
    this.snapshots = snapshots;
  }

  /** Transactions committed so far. */
  long commits() {
    return commits.get();
  }

  @Override
  public boolean write(List<PendingAppend> batch) {
    commit(batch);
    return true; // a failed commit fails its batch only; the next one may well succeed
  }

  private void commit(List<PendingAppend> batch) {
    long first = nextOffset;
    long timestamp = System.currentTimeMillis();
    try {
      table.insert(first, timestamp, batch);
    } catch (Exception e) {
      fail(batch, e);
      return;
    }
    commits.incrementAndGet();
    long offset = first;
    for (PendingAppend append : batch) {
      for (RegistryRecord record : append.records()) {
        deliver(sink, record, offset++, timestamp);
      }
      nextOffset = offset;
      append.future().complete(offset - 1);
    }
    PendingAppend last = batch.isEmpty() ? null : batch.get(batch.size() - 1);
    if (snapshots != null && last != null && last.size() > 0) {
      int i = last.size() - 1;
      snapshots.applied(new EmbeddedSnapshots.Row(offset - 1, last.keys().get(i),
          last.values().get(i), timestamp));
    }
  }

  private void fail(List<PendingAppend> batch, Exception cause) {
    LOG.error("could not store {} append(s) in {}", batch.size(), table.file(), cause);
    try {
      // A commit can report failure yet have reached the journal; numbering on from the file
      // keeps the next batch from colliding with such rows.
      nextOffset = Math.max(nextOffset, table.nextOffset());
    } catch (Exception e) {
      LOG.warn("cannot read the log end of {} after a failed commit: {}", table.file(), e.toString());
    }
    LogException failure = new LogException(
        "could not store records in " + table.file() + ": " + cause.getMessage(), cause);
    PendingAppend.failAll(batch, failure);
  }

  /**
   * A sink that throws has a bug in applying this record; the record is durable all the same, so
   * the log goes on with the next one instead of stalling every writer behind it.
   */
  static void deliver(RecordSink sink, RegistryRecord record, long offset, long timestamp) {
    try {
      sink.apply(record, offset, timestamp);
    } catch (RuntimeException e) {
      LOG.error("applying the record at offset {} failed; it is skipped: {}", offset, record, e);
    }
  }
}
