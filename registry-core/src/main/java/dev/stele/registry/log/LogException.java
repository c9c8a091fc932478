package dev.stele.registry.log;

/**
 * The log could not store or read records (disk full, broker down, corrupt file). Usually nothing
 * of a failed append was stored; when the log cannot tell (Kafka did not confirm a commit it may
 * still apply), {@link #outcomeUnknown} says so, and the client is told the write may have landed
 * (50002) rather than that it failed (50001).
 */
public final class LogException extends RuntimeException {
  private final boolean outcomeUnknown;

  public LogException(String message) {
    this(message, null, false);
  }

  public LogException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private LogException(String message, Throwable cause, boolean outcomeUnknown) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /** A failure after which the records may still be stored (and then applied). */
  public static LogException outcomeUnknown(String message) {
    return new LogException(message, null, true);
  }

  /** True when the records may still be stored: the write's outcome is unknown. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
