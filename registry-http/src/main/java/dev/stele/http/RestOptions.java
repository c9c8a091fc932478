package dev.stele.http;

import io.vertx.core.http.HttpServerOptions;

/**
 * How the REST server listens, and how much a client may ask of it: every limit here exists so
 * that a slow or hostile client cannot tie up the server or its memory.
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0}
 * @param port the port, 0 for any free one (tests)
 * @param maxRequestBodyBytes larger bodies get 413; schemas are far smaller (a Kafka record holding
 *     one is capped near 1 MB by default), so a few MB leaves room without inviting abuse
 * @param idleTimeoutSeconds a keep-alive connection idle this long is closed; 0 never. Also the
 *     longest wait for the next request's headers on a connection that has served one (bytes
 *     trickling in do not reset it, see {@link ConnectionGuard})
 * @param maxHeaderBytes all request headers together; larger: 431
 * @param maxInitialLineBytes the request line (method, path and query); longer: 414
 * @param requestTimeoutMillis how long a client has to send a whole request: the first request's
 *     headers after connecting, and each request's body after its headers. Late: 408 (or the
 *     connection is closed when there is no request to answer yet). Processing time is not counted
 * @param maxSchemaBytes a submitted schema text (UTF-8) larger than this is refused with 42209
 */
public record RestOptions(String host, int port, int maxRequestBodyBytes, int idleTimeoutSeconds,
    int maxHeaderBytes, int maxInitialLineBytes, long requestTimeoutMillis, int maxSchemaBytes) {
  public static final int DEFAULT_MAX_BODY = 8 * 1024 * 1024;
  /** Netty's and Vert.x's defaults, also what most proxies pass on. */
  public static final int DEFAULT_MAX_HEADER = 8 * 1024;
  public static final int DEFAULT_MAX_INITIAL_LINE = 4 * 1024;
  /** A client on a poor link sends 8 MB well within this; a trickle of bytes does not. */
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 30_000;
  /**
   * The default Kafka record limit (max.message.bytes, 1 MB): on the Kafka store a larger schema
   * could not be written anyway, and the Confluent registry refuses it with the same 42209.
   */
  public static final int DEFAULT_MAX_SCHEMA = 1024 * 1024;
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
    if (maxHeaderBytes <= 0 || maxInitialLineBytes <= 0 || maxSchemaBytes <= 0) {
      throw new IllegalArgumentException("header, request line and schema limits must be positive");
    }
    if (requestTimeoutMillis <= 0) {
      throw new IllegalArgumentException("requestTimeoutMillis must be positive");
    }
  }

  /** The default limits for everything but the body and the idle timeout. */
  public RestOptions(String host, int port, int maxRequestBodyBytes, int idleTimeoutSeconds) {
    this(host, port, maxRequestBodyBytes, idleTimeoutSeconds, DEFAULT_MAX_HEADER,
        DEFAULT_MAX_INITIAL_LINE, DEFAULT_REQUEST_TIMEOUT_MILLIS, DEFAULT_MAX_SCHEMA);
  }

  /** Loopback on any free port: what tests want. */
  public static RestOptions loopback() {
    return new RestOptions("127.0.0.1", 0, DEFAULT_MAX_BODY, DEFAULTS.idleTimeoutSeconds);
  }

  public RestOptions withMaxRequestBodyBytes(int bytes) {
    return new RestOptions(host, port, bytes, idleTimeoutSeconds, maxHeaderBytes,
        maxInitialLineBytes, requestTimeoutMillis, maxSchemaBytes);
  }

  public RestOptions withIdleTimeoutSeconds(int seconds) {
    return new RestOptions(host, port, maxRequestBodyBytes, seconds, maxHeaderBytes,
        maxInitialLineBytes, requestTimeoutMillis, maxSchemaBytes);
  }

  /** Header and request line limits (431 and 414 beyond them). */
  public RestOptions withHeaderLimits(int headerBytes, int initialLineBytes) {
    return new RestOptions(host, port, maxRequestBodyBytes, idleTimeoutSeconds, headerBytes,
        initialLineBytes, requestTimeoutMillis, maxSchemaBytes);
  }

  public RestOptions withRequestTimeoutMillis(long millis) {
    return new RestOptions(host, port, maxRequestBodyBytes, idleTimeoutSeconds, maxHeaderBytes,
        maxInitialLineBytes, millis, maxSchemaBytes);
  }

  public RestOptions withMaxSchemaBytes(int bytes) {
    return new RestOptions(host, port, maxRequestBodyBytes, idleTimeoutSeconds, maxHeaderBytes,
        maxInitialLineBytes, requestTimeoutMillis, bytes);
  }

  /**
   * Sets what the HTTP server itself enforces. The request timeout is not among them: Vert.x's
   * idle timeouts restart with every byte, so a client trickling one byte at a time would never
   * reach them; {@link ConnectionGuard} counts from the start of each request instead.
   */
  HttpServerOptions applyTo(HttpServerOptions options) {
    return options
        .setHost(host)
        .setPort(port)
        .setIdleTimeout(idleTimeoutSeconds)
        .setMaxHeaderSize(maxHeaderBytes)
        .setMaxInitialLineLength(maxInitialLineBytes)
        // Cleartext HTTP/2 (h2c) off: while Vert.x sniffs for its preface a connection exists
        // for no handler, so a client sending a few bytes and then nothing is watched by no
        // deadline. Clients asking to upgrade simply stay on HTTP/1.1, which the registry's
        // clients speak anyway.
        .setHttp2ClearTextEnabled(false);
  }
}
