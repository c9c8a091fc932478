package dev.stele.registry.log;

/**
 * The log could not store or read records (disk full, broker down, corrupt file). Usually nothing
 * of a failed append was stored; when the log cannot tell (Kafka did not confirm a commit it may
 * still apply), {@link #outcomeUnknown} says so, and the client is told the write may have landed
 * (50002) rather than that it failed (50001). When nothing was stored because this node's term
 * as the log's writer ended (fenced, or its transaction ended by Kafka), {@link #termEnded} says
 * so: the write can be decided again by whichever node leads next.
 */
public final class LogException extends RuntimeException {
  private final boolean outcomeUnknown;
  private final boolean termEnded;

  public LogException(String message) {
    this(message, null, false, false);
  }

  public LogException(String message, Throwable cause) {
    this(message, cause, false, false);
  }

  private LogException(String message, Throwable cause, boolean outcomeUnknown,
      boolean termEnded) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
    this.termEnded = termEnded;
  }

  /** A failure after which the records may still be stored (and then applied). */
  public static LogException outcomeUnknown(String message) {
    return new LogException(message, null, true, false);
  }

  /**
   * Nothing was stored, because this node stopped being the log's writer before the records
   * were committed (they were rolled back, or never sent): the same write may be sent to the
   * next leader without any risk of storing it twice.
   */
  public static LogException termEnded(String message) {
    return new LogException(message, null, false, true);
  }

  /** True when nothing was stored because this node's term as the writer ended. */
  public boolean termEnded() {
    return termEnded;
  }

  /** True when the records may still be stored: the write's outcome is unknown. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
