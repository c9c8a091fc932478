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

  /** Stops delivering and releases the log; appends not yet durable fail. */
  @Override
  void close();
}
