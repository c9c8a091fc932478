package dev.stele.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A registry client for the load generator: HTTP/1.1 with keep-alive, so each concurrent caller
 * ends up holding one pooled connection, as a fleet of producers would. Thread-safe. The timed
 * runs use the asynchronous calls, so a client's next request leaves from the event loop that
 * received its answer, with no thread hand-off; set-up steps use the blocking ones.
 *
 * <p>Built on Vert.x's client with one event loop, not the JDK's HttpClient: the load generator
 * shares the machine's two cores with the server (and the broker), and the JDK client spent about
 * 0.6 ms of CPU per registration, more than the server itself, so it measured its own cost.
 */
final class Http implements AutoCloseable {
  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  static final ObjectMapper JSON = new ObjectMapper();
  /** A request slower than this is a failure, so that no run can hang on a wedged server. */
  private static final long REQUEST_TIMEOUT_MILLIS = 60_000;
  /** More than any run's clients, so that no caller waits for a connection. */
  private static final int MAX_CONNECTIONS = 256;

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final String host;
  private final int port;

  Http(String base) {
    URI uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    String text = uri.toString();
    if (!text.startsWith("http://127.") && !text.startsWith("http://localhost")
        && !text.startsWith("http://[::1]")) {
      // Load goes to this machine only (see docs/benchmarks.md).
      throw new IllegalArgumentException("refusing to load a non-loopback address: " + base);
    }
    this.host = uri.getHost();
    this.port = uri.getPort() < 0 ? 80 : uri.getPort();
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
        .setConnectTimeout(5_000), new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS));
  }

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }

    boolean ok() {
      return status == 200;
    }
  }

  /** Registers a schema; the answer's body is {@code {"id":N}} on success. */
  Response register(String subject, String schema) {
    return await(registerAsync(subject, schema));
  }

  CompletableFuture<Response> registerAsync(String subject, String schema) {
    return sendAsync("POST", "/subjects/" + subject + "/versions", body(Map.of("schema", schema)));
  }

  /** A registration of a schema of another format ({@code JSON}, {@code PROTOBUF}). */
  CompletableFuture<Response> registerAsync(String subject, String schema, String type) {
    return sendAsync("POST", "/subjects/" + subject + "/versions",
        body(Map.of("schema", schema, "schemaType", type)));
  }

  Response setCompatibility(String subject, String level) {
    return await(sendAsync("PUT", "/config/" + subject, body(Map.of("compatibility", level))));
  }

  Response get(String path) {
    return await(getAsync(path));
  }

  CompletableFuture<Response> getAsync(String path) {
    return sendAsync("GET", path, null);
  }

  /**
   * Sends a request; the answer completes on the client's event loop and never exceptionally: a
   * failure is a response with status -1 and the reason as its body.
   */
  CompletableFuture<Response> sendAsync(String method, String path, String body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method))
        .setHost(host).setPort(port).setURI(path).setTimeout(REQUEST_TIMEOUT_MILLIS)
        .putHeader("Accept", MEDIA_TYPE);
    if (body != null) {
      options.putHeader("Content-Type", MEDIA_TYPE);
    }
    return client.request(options)
        .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
        .compose(response -> response.body().map(b -> new Response(response.statusCode(), b.toString())))
        .otherwise(failure -> new Response(-1, String.valueOf(failure)))
        .toCompletionStage().toCompletableFuture();
  }

  private static Response await(CompletableFuture<Response> answer) {
    try {
      return answer.get(REQUEST_TIMEOUT_MILLIS + 1_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return new Response(-1, String.valueOf(e.getCause()));
    } catch (TimeoutException e) {
      return new Response(-1, "no answer in " + REQUEST_TIMEOUT_MILLIS + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(-1, "interrupted");
    }
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // the process ends right after; nothing to keep
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String body(Map<String, String> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
