package dev.stele.schema;

/** The text is not a valid schema of the format; the message is the parser's reason. */
public final class InvalidSchemaException extends Exception {
  public InvalidSchemaException(String message) {
    super(message);
  }

  public InvalidSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
