package dev.stele.server;

/** The server could not start: the store did not open, a port is taken, and the like. */
public final class StartException extends Exception {
  public StartException(String message, Throwable cause) {
    super(message, cause);
  }
}
