package dev.stele.testkit;

import dev.stele.registry.log.LogException;
import dev.stele.registry.log.RecordCodec;
import dev.stele.registry.log.RecordFormatException;
import dev.stele.registry.log.RecordLog;
import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RecordLog} in memory for tests of the core. Records are stored as the codec's bytes
 * and decoded again for every delivery, so tests go through the real {@code _schemas} format.
 *
 * <p>{@link #reopen()} gives a new log over the same stored records, to test a restart; while
 * both are open each receives the other's appends too, like two nodes on one topic. Delivery is
 * synchronous on the appending thread by default, or on one thread per log
 * ({@link #deliveringOnOneThread()}) to test code that must not assume it. A sink must not
 * append from inside {@code apply}. Unlike the real stores, a sink that throws is not skipped:
 * the exception fails the append (or {@code open}) so a test sees the bug.
 */
public final class InMemoryRecordLog implements RecordLog {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryRecordLog.class);

  private record Row(byte[] key, byte[] value, long timestamp) {}

  /** What survives a reopen: the rows, and the logs currently reading them. */
  private static final class Store {
    final List<Row> rows = new ArrayList<>();
    final List<InMemoryRecordLog> open = new ArrayList<>();
  }

  private final Store store;
  private final ExecutorService deliveryThread; // null: deliver on the appending thread
  private RecordSink sink; // guarded by store
  private boolean closed; // guarded by store
  private int failuresToInject; // guarded by store
  private boolean injectTermEnded; // guarded by store

  /** An empty log that delivers on the appending thread. */
  public InMemoryRecordLog() {
    this(new Store(), false);
  }

  private InMemoryRecordLog(Store store, boolean ownThread) {
    this.store = store;
    this.deliveryThread = ownThread ? Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "in-memory-log-delivery");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  /** An empty log that delivers appended records on a thread of its own. */
  public static InMemoryRecordLog deliveringOnOneThread() {
    return new InMemoryRecordLog(new Store(), true);
  }

  /** A new, unopened log over the same stored records, delivering the same way as this one. */
  public InMemoryRecordLog reopen() {
    return new InMemoryRecordLog(store, deliveryThread != null);
  }

  /** The next {@code count} appends to this log fail with a LogException and store nothing. */
  public void failNextAppends(int count) {
    synchronized (store) {
      failuresToInject = count;
      injectTermEnded = false;
    }
  }

  /**
   * The next {@code count} appends fail as a Kafka log's do when the node's writer term ends
   * under them ({@link LogException#termEnded}): nothing stored, the next leader may decide them.
   */
  public void endTermOnNextAppends(int count) {
    synchronized (store) {
      failuresToInject = count;
      injectTermEnded = true;
    }
  }

  /**
   * Stores a record as raw bytes, as another writer (a Confluent node, a corrupting disk) might:
   * open logs get it like any other record, or skip it if it does not decode.
   */
  public void appendRaw(byte[] key, byte[] value) {
    Objects.requireNonNull(key, "key");
    synchronized (store) {
      store.rows.add(new Row(key.clone(), value == null ? null : value.clone(),
          System.currentTimeMillis()));
      int offset = store.rows.size() - 1;
      for (InMemoryRecordLog log : store.open) {
        log.deliver(offset, offset + 1, null);
      }
    }
  }

  /** Every stored record that decodes, in log order (fresh copies). */
  public List<RegistryRecord> records() {
    synchronized (store) {
      List<RegistryRecord> out = new ArrayList<>();
      for (int offset = 0; offset < store.rows.size(); offset++) {
        decode(store.rows.get(offset), offset).ifPresent(out::add);
      }
      return out;
    }
  }

  /** Stored rows, readable or not: the offset the next record gets. */
  public int size() {
    synchronized (store) {
      return store.rows.size();
    }
  }

  @Override
  public void open(RecordSink sink) {
    Objects.requireNonNull(sink, "sink");
    synchronized (store) {
      if (this.sink != null || closed) {
        throw new IllegalStateException("a log is opened once");
      }
      this.sink = sink;
      for (int offset = 0; offset < store.rows.size(); offset++) {
        Row row = store.rows.get(offset);
        Optional<RegistryRecord> record = decode(row, offset);
        if (record.isPresent()) {
          sink.apply(record.get(), offset, row.timestamp());
        }
      }
      store.open.add(this);
    }
  }

  @Override
  public CompletableFuture<Long> append(List<RegistryRecord> records) {
    if (records.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("no records to append"));
    }
    List<Row> rows = new ArrayList<>(records.size());
    long now = System.currentTimeMillis();
    try {
      for (RegistryRecord record : records) {
        rows.add(new Row(RecordCodec.key(record), RecordCodec.value(record), now));
      }
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(new LogException("cannot encode records", e));
    }
    CompletableFuture<Long> future = new CompletableFuture<>();
    synchronized (store) {
      if (sink == null || closed) {
        return CompletableFuture.failedFuture(
            new LogException(closed ? "the log is closed" : "the log is not open"));
      }
      if (failuresToInject > 0) {
        failuresToInject--;
        return CompletableFuture.failedFuture(injectTermEnded
            ? LogException.termEnded("injected: this node's writer term ended")
            : new LogException("injected append failure"));
      }
      int first = store.rows.size();
      store.rows.addAll(rows);
      for (InMemoryRecordLog log : store.open) {
        log.deliver(first, store.rows.size(), log == this ? future : null);
      }
    }
    return future;
  }

  /** Called with the store locked, so every open log gets rows in the order they were stored. */
  private void deliver(int from, int to, CompletableFuture<Long> done) {
    List<Row> rows = List.copyOf(store.rows.subList(from, to));
    if (deliveryThread == null) {
      deliverNow(rows, from, done);
    } else {
      deliveryThread.execute(() -> {
        synchronized (store) {
          if (closed) {
            if (done != null) {
              done.completeExceptionally(new LogException("the log closed before delivery"));
            }
            return;
          }
        }
        deliverNow(rows, from, done);
      });
    }
  }

  private void deliverNow(List<Row> rows, int from, CompletableFuture<Long> done) {
    RuntimeException failure = null;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      long offset = from + i;
      Optional<RegistryRecord> record = decode(row, offset);
      if (record.isEmpty()) {
        continue;
      }
      try {
        sink.apply(record.get(), offset, row.timestamp());
      } catch (RuntimeException e) {
        LOG.error("the sink failed on the record at offset {}", offset, e);
        failure = failure == null ? e : failure;
      }
    }
    if (done != null) {
      if (failure != null) {
        done.completeExceptionally(failure);
      } else {
        done.complete(from + rows.size() - 1L);
      }
    }
  }

  private static Optional<RegistryRecord> decode(Row row, long offset) {
    try {
      return RecordCodec.decode(row.key(), row.value());
    } catch (RecordFormatException e) {
      LOG.warn("skipping unreadable record at offset {}: {}", offset, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    synchronized (store) {
      closed = true;
      store.open.remove(this);
    }
    if (deliveryThread != null) {
      deliveryThread.shutdown();
      try {
        deliveryThread.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
