package dev.stele.registry.log;

/** The log could not store or read records (disk full, broker down, corrupt file). */
public final class LogException extends RuntimeException {
  public LogException(String message) {
    super(message);
  }

  public LogException(String message, Throwable cause) {
    super(message, cause);
  }
}
