package dev.stele.registry.log;

/** Receives the log's records in order. */
@FunctionalInterface
public interface RecordSink {

  /**
   * Applies one record.
   *
   * @param offset its position in the log, increasing
   * @param timestamp epoch millis at which it was written
   */
  void apply(RegistryRecord record, long offset, long timestamp);
}
