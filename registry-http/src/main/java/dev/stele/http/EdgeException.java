package dev.stele.http;

/**
 * A request refused at the edge ({@link EdgeError}); ErrorMapper answers it. No stack trace:
 * these are expected outcomes, like the core's {@code RegistryException}.
 */
final class EdgeException extends RuntimeException {
  private final EdgeError code;

  EdgeException(EdgeError code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  EdgeError code() {
    return code;
  }
}
