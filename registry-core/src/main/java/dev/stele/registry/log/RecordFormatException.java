package dev.stele.registry.log;

/**
 * A stored key or value is not a record we can read (bad JSON, a missing or mistyped field, an
 * unknown compatibility level or mode). Readers log it with the record's offset and skip the
 * record, as the Confluent registry does, rather than refusing to start.
 */
public final class RecordFormatException extends RuntimeException {
  public RecordFormatException(String message) {
    super(message);
  }

  public RecordFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
