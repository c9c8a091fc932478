package dev.stele.client;

/**
 * A Confluent configuration key that Stele does not act on, set by the user. Thrown where the
 * configuration is read ({@code configure()}, {@link ClientConfig#fromMap}) so that a setting
 * Stele would otherwise ignore fails at start, not in production. An
 * {@link IllegalArgumentException}, as every other bad setting here, so existing catch blocks
 * still see it.
 */
public final class UnsupportedConfigException extends IllegalArgumentException {
  private final String key;

  public UnsupportedConfigException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The key as the user spelled it. */
  public String key() {
    return key;
  }
}
