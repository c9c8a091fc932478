package dev.stele.http;

/**
 * How the REST server listens.
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0}
 * @param port the port, 0 for any free one (tests)
 * @param maxRequestBodyBytes larger bodies get 413; schemas are far smaller (a Kafka record holding
 *     one is capped near 1 MB by default), so a few MB leaves room without inviting abuse
 * @param idleTimeoutSeconds a keep-alive connection idle this long is closed; 0 never
 */
public record RestOptions(String host, int port, int maxRequestBodyBytes, int idleTimeoutSeconds) {
  public static final int DEFAULT_MAX_BODY = 8 * 1024 * 1024;
  public static final RestOptions DEFAULTS = new RestOptions("0.0.0.0", 8081, DEFAULT_MAX_BODY, 300);

  public RestOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxRequestBodyBytes <= 0) {
      throw new IllegalArgumentException("maxRequestBodyBytes must be positive");
    }
    if (idleTimeoutSeconds < 0) {
      throw new IllegalArgumentException("idleTimeoutSeconds must not be negative");
    }
  }

  /** Loopback on any free port: what tests want. */
  public static RestOptions loopback() {
    return new RestOptions("127.0.0.1", 0, DEFAULT_MAX_BODY, DEFAULTS.idleTimeoutSeconds);
  }

  public RestOptions withMaxRequestBodyBytes(int bytes) {
    return new RestOptions(host, port, bytes, idleTimeoutSeconds);
  }
}
