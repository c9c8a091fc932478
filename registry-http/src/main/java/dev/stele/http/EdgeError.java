package dev.stele.http;

/**
 * Errors only the HTTP edge raises: about the request itself (its bytes, headers, caller, size)
 * or about reaching the leader, never about the registry's contents. Each has the Confluent
 * registry's status, error code and message format; the core's own codes are
 * {@link dev.stele.registry.model.ErrorCode}, with their statuses in {@link HttpStatuses}.
 */
enum EdgeError {
  BAD_REQUEST(400, 400, "%s"),
  UNAUTHORIZED(401, 401, "%s"),
  FORBIDDEN(403, 403, "%s"),
  NOT_FOUND(404, 404, "HTTP 404 Not Found"),
  METHOD_NOT_ALLOWED(405, 405, "HTTP 405 Method Not Allowed"),
  NOT_ACCEPTABLE(406, 406, "HTTP 406 Not Acceptable"),
  UNSUPPORTED_MEDIA_TYPE(415, 415, "HTTP 415 Unsupported Media Type"),
  UNPROCESSABLE(422, 422, "%s"),
  INVALID_COMPATIBILITY_LEVEL(422, 42203,
      "Invalid compatibility level. Valid values are none, backward, forward, full,"
          + " backward_transitive, forward_transitive, and full_transitive"),
  SCHEMA_TOO_LARGE(422, 42209, "Register operation failed because schema is too large"),
  REQUEST_FORWARDING_FAILED(500, 50003, "%s"),
  /**
   * The heap is nearly full (or a request ran out of it): try again later. The Confluent registry
   * has no 503 of its own; 50301 follows its rule that an error code is the status and a serial.
   */
  LOW_MEMORY(503, 50301, "Server ran out of memory while serving this request; try again later"
      + " or raise the heap size"),
  /** Stopping (SIGTERM): the request was not run; another instance, or this one restarted, can. */
  SHUTTING_DOWN(503, 50302, "The registry is shutting down; the request was not applied, retry");

  private final int status;
  private final int code;
  private final String format;

  EdgeError(int status, int code, String format) {
    this.status = status;
    this.code = code;
    this.format = format;
  }

  int status() {
    return status;
  }

  int code() {
    return code;
  }

  /** An exception carrying this error and its message filled with {@code args}. */
  EdgeException exception(Object... args) {
    return new EdgeException(this, String.format(format, args));
  }

  /** An exception with a message of its own instead of the format. */
  EdgeException withMessage(String message) {
    return new EdgeException(this, message);
  }
}
