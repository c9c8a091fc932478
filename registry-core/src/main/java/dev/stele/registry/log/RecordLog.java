package dev.stele.registry.log;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The source of truth: an ordered, durable log of records (the embedded SQLite store or the
 * Kafka {@code _schemas} topic). Every node builds its state by applying the log in order.
 */
public interface RecordLog extends AutoCloseable {

  /**
   * Delivers every durable record to {@code sink} in log order, then keeps delivering records as
   * they become durable (this node's own and other writers'). Deliveries come from one thread at a
   * time. Returns once the records that were durable when it was called have been delivered.
   *
   * @throws LogException when the log cannot be opened or read
   */
  void open(RecordSink sink) throws LogException;

  /**
   * Appends records in order. The future completes with the offset of the last one once they are
   * durable and have been delivered to the sink, or exceptionally with a {@link LogException}
   * when nothing of the batch was stored. Records of concurrent calls may share one durable
   * commit.
   */
  CompletableFuture<Long> append(List<RegistryRecord> records);

  /**
   * Makes this node the log's one writer, for logs that several nodes share (the Kafka store,
   * whose leader calls it when elected): fences every earlier writer, so the log refuses their
   * appends from now on, and returns once everything they committed has been delivered to the
   * sink. A log with a single node (the embedded store) is always its writer: nothing to do.
   *
   * @throws LogException when the log cannot be taken over now (the caller may retry)
   */
  default void becomeWriter() throws LogException {}

  /**
   * Whether appends can still succeed on this node's writer term: false once {@link #stopWriting}
   * ended it or another writer fenced it (so a node re-elected after being fenced takes over anew).
   */
  default boolean writing() {
    return true;
  }

  /** Stops writing (leadership moved on): appends fail until {@link #becomeWriter} again. */
  default void stopWriting() {}

  /**
   * How many records are durable in the log but not yet delivered to the sink, as far as this
   * node last learned the log's end; for the {@code /metrics} scrape, so it must answer at once
   * and never ask a remote log. A log that delivers each record as it makes it durable (the
   * embedded store) has none.
   */
  default long lag() {
    return 0;
  }

  /** Stops delivering and releases the log; appends not yet durable fail. */
  @Override
  void close();
}
