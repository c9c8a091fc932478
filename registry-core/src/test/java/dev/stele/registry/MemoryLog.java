package dev.stele.registry;

import dev.stele.registry.log.LogException;
import dev.stele.registry.log.RecordLog;
import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The smallest durable-enough log for the core's own tests: records kept in a shared list, so a
 * new instance over the same list is a restart. (testkit's InMemoryRecordLog also round-trips the
 * bytes; the core cannot depend on testkit, which depends on it.)
 */
public final class MemoryLog implements RecordLog {
  private final List<RegistryRecord> records;
  private RecordSink sink;
  private int failNext;

  public MemoryLog() {
    this(new ArrayList<>());
  }

  private MemoryLog(List<RegistryRecord> records) {
    this.records = records;
  }

  /** A new log over the same records, as after a restart. */
  public MemoryLog reopen() {
    return new MemoryLog(records);
  }

  public synchronized void failNextAppends(int count) {
    failNext = count;
  }

  public synchronized List<RegistryRecord> records() {
    return List.copyOf(records);
  }

  @Override
  public synchronized void open(RecordSink target) {
    this.sink = target;
    for (int i = 0; i < records.size(); i++) {
      target.apply(records.get(i), i, 0L);
    }
  }

  @Override
  public synchronized CompletableFuture<Long> append(List<RegistryRecord> batch) {
    if (failNext > 0) {
      failNext--;
      return CompletableFuture.failedFuture(new LogException("injected failure"));
    }
    for (RegistryRecord record : batch) {
      records.add(record);
      sink.apply(record, records.size() - 1, System.currentTimeMillis());
    }
    return CompletableFuture.completedFuture((long) records.size() - 1);
  }

  @Override
  public void close() {}
}
