package dev.stele.client;

/**
 * The registry answered with an error: the HTTP status and the Confluent {@code error_code}
 * (API.md §1.2), e.g. 404/40401 for an unknown subject. Callers branch on {@link #errorCode()}.
 * A registry that cannot be reached is an {@link java.io.IOException} instead, after retries.
 */
public class RestClientException extends Exception {
  private static final long serialVersionUID = 1L;
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  /** An incompatible schema: Confluent's server sends the bare status as the code. */
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  /** Client side only: the answer was not the JSON expected (Confluent uses the same code). */
  public static final int UNREADABLE_RESPONSE = 50005;

  private final int status;
  private final int errorCode;

  public RestClientException(String message, int status, int errorCode) {
    super(message + "; error code: " + errorCode);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** The registry's error code, e.g. 40401; the status itself when the body had none. */
  public int errorCode() {
    return errorCode;
  }
}
