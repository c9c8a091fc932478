package dev.stele.registry.model;

/**
 * A domain error with its registry error code. Handlers let it fly; the HTTP layer's one error
 * mapper turns it into status and body. No stack trace is filled: these are expected outcomes.
 * Subclasses carry typed details that the edge words (the 409's compatibility result).
 */
public class RegistryException extends RuntimeException {
  private final ErrorCode code;

  public RegistryException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
