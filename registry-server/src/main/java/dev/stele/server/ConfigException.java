package dev.stele.server;

/**
 * A configuration the server cannot start with. The message is shown to the operator as the one
 * line explaining why the server did not start, so it names the key and what to do about it.
 */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
