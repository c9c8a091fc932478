package dev.stele.schema;

/**
 * The text is not a valid schema of the format; the message is the parser's reason.
 *
 * <p>Two cases are told apart because the Confluent registry words them differently: text that
 * does not parse at all, and text that parsed but failed a later check (an unresolvable type, a
 * schema that breaks its meta-schema). The second kind is made with {@link #afterParsing}.
 */
public final class InvalidSchemaException extends Exception {
  private final boolean afterParsing;

  public InvalidSchemaException(String message) {
    this(message, null, false);
  }

  public InvalidSchemaException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private InvalidSchemaException(String message, Throwable cause, boolean afterParsing) {
    super(message, cause);
    this.afterParsing = afterParsing;
  }

  /** The text parsed, but the schema it describes is not valid. */
  public static InvalidSchemaException afterParsing(String message, Throwable cause) {
    return new InvalidSchemaException(message, cause, true);
  }

  public boolean isAfterParsing() {
    return afterParsing;
  }
}
