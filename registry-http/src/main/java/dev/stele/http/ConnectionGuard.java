package dev.stele.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the HTTP server does before a request reaches the router, against clients that are slow,
 * hostile or do not speak HTTP.
 *
 * <p>Deadlines that a client's own pace cannot stretch. Vert.x's idle timeout restarts with every
 * byte received, so a client sending its headers or body one byte every few seconds (slowloris)
 * would hold a connection for ever. Here each HTTP/1 connection is watched from the outside:
 *
 * <ul>
 *   <li>the first request's headers must arrive within the request timeout of connecting;
 *   <li>a request's body must arrive within the request timeout of its headers, else 408;
 *   <li>after an answer, the next request's headers must arrive within the idle timeout (when
 *       there is one), trickling or not;
 *   <li>the server's own processing time is not counted: that is not the client's to stretch.
 * </ul>
 *
 * <p>Requests the HTTP decoder cannot read (request line or headers too long, garbage), HTTP/1.1
 * requests without {@code Host} and paths or queries with a malformed percent-encoding (which
 * Vert.x Web cannot route: it would answer 500) get a Confluent-shaped answer here, instead of
 * Vert.x's empty one or a failure deep in the router.
 */
final class ConnectionGuard {
  /**
   * At least this long a connection is kept after answering a request that could not be read:
   * the client is told to close it (Connection: close) and normally does so at once.
   */
  private static final long MIN_CLOSE_GRACE_MILLIS = 5_000;

  private final Vertx vertx;
  private final long requestTimeoutMillis;
  private final long idleMillis;
  private final long tickMillis;
  private final Map<HttpConnection, Watch> watches = new ConcurrentHashMap<>();

  private ConnectionGuard(Vertx vertx, RestOptions options) {
    this.vertx = vertx;
    this.requestTimeoutMillis = options.requestTimeoutMillis();
    this.idleMillis = options.idleTimeoutSeconds() * 1000L;
    // Checked a few times per timeout: a late client is cut within a quarter of it.
    this.tickMillis = Math.max(50, Math.min(1000, requestTimeoutMillis / 4));
  }

  /** Serves {@code requests} on {@code server} with these deadlines and JSON answers to bad requests. */
  static HttpServer install(Vertx vertx, HttpServer server, RestOptions options,
      Handler<HttpServerRequest> requests) {
    ConnectionGuard guard = new ConnectionGuard(vertx, options);
    return server
        .connectionHandler(guard::connected)
        .invalidRequestHandler(guard::invalid)
        .requestHandler(request -> {
          guard.started(request);
          String problem = unroutable(request);
          if (problem != null) {
            answer(request, ErrorMapper.map(EdgeError.BAD_REQUEST.exception(problem)))
                .onComplete(done -> request.connection().close());
            return;
          }
          requests.handle(request);
        });
  }

  private void connected(HttpConnection connection) {
    Watch watch = new Watch(connection);
    watches.put(connection, watch);
    connection.closeHandler(closed -> {
      Watch closing = watches.remove(connection);
      if (closing != null) {
        closing.stop();
      }
    });
    watch.schedule();
  }

  private void started(HttpServerRequest request) {
    Watch watch = watches.get(request.connection());
    if (watch == null) {
      return;
    }
    if (request.version() == HttpVersion.HTTP_2) {
      // Multiplexed streams: one connection, many requests. Not offered today (no h2c, no ALPN);
      // should it be, such connections are left to Vert.x's own timeouts rather than misjudged.
      watches.remove(request.connection());
      watch.stop();
      return;
    }
    watch.started(request);
  }

  /**
   * Why Vert.x Web could not route this request (it would fail with a 500 deep inside), or null.
   * HTTP/1.0 may omit {@code Host} (health checkers do); the server's own address stands in.
   */
  private static String unroutable(HttpServerRequest request) {
    if (request.version() == HttpVersion.HTTP_1_0 && request.getHeader(HttpHeaders.HOST) == null
        && request.localAddress() != null) {
      request.headers().set(HttpHeaders.HOST, request.localAddress().hostAddress() + ":"
          + request.localAddress().port());
    }
    if (request.version() != HttpVersion.HTTP_2 && request.authority() == null) {
      return "Host header is required";
    }
    String path = request.path();
    if (path == null || !percentEncodingIsValid(path)) {
      return "Malformed request path";
    }
    if (request.query() != null && !percentEncodingIsValid(request.query())) {
      return "Malformed query string";
    }
    return null;
  }

  /** Every {@code %} followed by two hex digits (what Vert.x's decoders insist on). */
  private static boolean percentEncodingIsValid(String path) {
    for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
      if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
          || Character.digit(path.charAt(i + 2), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** 414, 431 or 400 as JSON; the decoder reads nothing more on this connection, so it closes. */
  private void invalid(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = cause instanceof TooLongHttpLineException ? 414
        : cause instanceof TooLongHttpHeaderException ? 431 : 400;
    HttpConnection connection = request.connection();
    // Closed by the server only a while later: a client still writing its oversized request
    // (body included) when the server closes gets a reset, which discards the answer unread.
    // The decoder ignores everything after a bad request, so the wait (the request timeout, at
    // least 5 s) costs a connection, not work.
    answer(request, status).onComplete(done -> vertx.setTimer(
        Math.max(MIN_CLOSE_GRACE_MILLIS, requestTimeoutMillis), id -> connection.close()));
  }

  private static Future<Void> answer(HttpServerRequest request, int status) {
    return answer(request, ErrorMapper.forStatus(status));
  }

  /** No router, no negotiation: the default media type, and the connection is to close. */
  private static Future<Void> answer(HttpServerRequest request, ErrorMapper.Answer answer) {
    HttpServerResponse response = request.response();
    return response.setStatusCode(answer.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.V1_JSON)
        .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
        .end(answer.body());
  }

  /** One connection's state; touched only on its event loop (timers set there run there). */
  private final class Watch {
    private final HttpConnection connection;
    private final long opened = System.nanoTime();
    private HttpServerRequest request;
    private long requestStarted;
    private long answeredAt;
    private long timer = -1;

    Watch(HttpConnection connection) {
      this.connection = connection;
    }

    void started(HttpServerRequest next) {
      request = next;
      requestStarted = System.nanoTime();
      answeredAt = 0;
    }

    void schedule() {
      timer = vertx.setTimer(tickMillis, id -> check());
    }

    void stop() {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }

    private void check() {
      long now = System.nanoTime();
      if (request == null) {
        if (millis(now - opened) >= requestTimeoutMillis) {
          connection.close(); // no request to answer yet
          return;
        }
      } else if (request.response().ended()) {
        // Waiting for the next request (its first bytes may be trickling in already, or the
        // rest of a body the server answered without reading: 404, 405, 413, 415 ...).
        if (answeredAt == 0) {
          answeredAt = now;
        } else if (idleMillis > 0 && millis(now - answeredAt) >= idleMillis) {
          connection.close();
          return;
        }
      } else if (!request.isEnded()) {
        if (millis(now - requestStarted) >= requestTimeoutMillis) {
          if (request.response().headWritten()) {
            connection.close();
          } else {
            answer(request, 408).onComplete(done -> connection.close());
          }
          return;
        }
      }
      schedule();
    }

    private long millis(long nanos) {
      return nanos / 1_000_000;
    }
  }
}
