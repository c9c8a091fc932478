package dev.stele.http;

import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a follower, sends every write to the leader over HTTP and relays the leader's answer as is
 * (status, content type, body), as the Confluent registry's followers do (../shared/API.md §2.2
 * step 3, §3.5): same method, path, query and body, the caller's headers ({@code Authorization}
 * included). {@code 50004} when no leader is known, {@code 50003} when the leader cannot be
 * reached. A write that arrives while no leader is known, or while the leader cannot take it yet,
 * waits for one ({@link HeldWrite}). Reads are never forwarded: a follower serves them from its
 * own state. Which routes
 * write is declared with each route ({@link Effect}); {@link RouteTable} puts this forwarding on
 * exactly those.
 *
 * <p>A forwarded request carries {@link #FORWARDED}; a node receiving one never forwards it again
 * (leadership may have moved meanwhile): it answers itself, which on a non-leader is 50004, and
 * the follower tries again once it learns the new leader.
 */
final class Forwarder {
  private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
  static final String FORWARDED = "X-Stele-Forwarded";
  /** Per-connection headers (RFC 9110 §7.6.1) and those the client sets itself. */
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive",
      "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
      "content-length", "expect");

  private final Leadership leadership;
  private final HttpClient client;
  private final int maxBodyBytes;
  private final long timeoutMillis;

  /** @param tls this node's TLS settings, used toward an {@code https://} leader; null: none */
  Forwarder(Vertx vertx, Leadership leadership, int maxBodyBytes, long timeoutMillis, TlsOptions tls) {
    this.leadership = leadership;
    this.maxBodyBytes = maxBodyBytes;
    this.timeoutMillis = timeoutMillis;
    HttpClientOptions options = new HttpClientOptions()
        .setConnectTimeout((int) Math.min(timeoutMillis, 10_000))
        .setKeepAlive(true)
        .setTcpNoDelay(true);
    if (tls != null) {
      tls.applyTo(options);
    }
    this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(32));
  }

  /**
   * The handler a write route starts with (after its access check): sends the request to the
   * leader while this node does not lead; passes it on otherwise. A platform handler, because it
   * must run before the route reads the body.
   */
  PlatformHandler forwarding(Effect write) {
    if (!write.isWrite()) {
      throw new IllegalArgumentException("a read is never forwarded");
    }
    return ctx -> handle(ctx, write);
  }

  private void handle(RoutingContext ctx, Effect write) {
    HttpServerRequest request = ctx.request();
    long deadline = System.nanoTime() + leadership.leaderWait().toNanos();
    if (request.getHeader(FORWARDED) != null) {
      // Sent by a follower that believes this node leads. Never forwarded again (leadership may
      // have moved meanwhile): decided here, or refused 50004 for the follower to try elsewhere.
      new HeldWrite(this, ctx, write, deadline, true).step();
      return;
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (!leadership.leads() && length != null && length.matches("[0-9]{1,18}")
        && Long.parseLong(length) > maxBodyBytes) {
      Call.failStatus(ctx, 413);
      return;
    }
    new HeldWrite(this, ctx, write, deadline, false).step();
  }

  Leadership leadership() {
    return leadership;
  }

  int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Sends the request with {@code body} to {@code leader}. {@code notSent} runs when no
   * connection could be made (nothing reached the leader: safe to try again); otherwise
   * {@code answered} gets the leader's answer, or a failure once the request may have arrived.
   */
  void forward(RoutingContext ctx, NodeIdentity leader, Buffer body, Runnable notSent,
      Handler<AsyncResult<Relayed>> answered) {
    HttpServerRequest request = ctx.request();
    MultiMap headers = passedOn(request);
    RequestOptions options = new RequestOptions()
        .setMethod(request.method())
        .setAbsoluteURI(leader.url() + request.uri())
        .setHeaders(headers)
        .setIdleTimeout(timeoutMillis);
    client.request(options).onComplete(connected -> {
      if (connected.failed()) {
        LOG.debug("Cannot reach the leader {}: {}", leader.url(), connected.cause().toString());
        notSent.run();
        return;
      }
      connected.result().send(body)
          .compose(answer -> answer.body().map(b -> new Relayed(answer, b)))
          .onComplete(done -> {
            if (done.failed()) {
              LOG.warn("Forwarding {} {} to the leader {} failed: {}", request.method(),
                  request.path(), leader.url(), done.cause().toString());
            }
            answered.handle(done);
          });
    });
  }

  /** The caller's headers as a peer gets them: its credentials kept, marked forwarded. */
  private static MultiMap passedOn(HttpServerRequest request) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    request.headers().forEach(h -> {
      if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        headers.add(h.getKey(), h.getValue());
      }
    });
    headers.set(FORWARDED, "1");
    return headers;
  }

  /**
   * Asks the node at {@code peer} (its URL) a read of Stele's own ({@code GET path}) for the caller of {@code ctx}, with
   * its credentials and the TLS settings writes are forwarded with, marked forwarded so that the
   * peer answers from what it knows itself and asks nobody in turn. Succeeds with the body of a
   * 200 answer; fails with any other status, or once {@code timeoutMillis} have passed.
   */
  Future<Buffer> ask(RoutingContext ctx, String peer, String path, long timeoutMillis) {
    Promise<Buffer> answer = Promise.promise();
    long timer = ctx.vertx().setTimer(timeoutMillis, t -> answer.tryFail(
        new TimeoutException("no answer within " + timeoutMillis + " ms")));
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setAbsoluteURI(peer + path)
        .setHeaders(passedOn(ctx.request()))
        .setConnectTimeout(timeoutMillis)
        .setIdleTimeout(timeoutMillis);
    client.request(options)
        .compose(request -> request.send())
        .compose(response -> response.body().compose(body -> response.statusCode() == 200
            ? Future.succeededFuture(body)
            : Future.failedFuture("answered " + response.statusCode())))
        .onComplete(done -> {
          ctx.vertx().cancelTimer(timer);
          if (done.succeeded()) {
            answer.tryComplete(done.result());
          } else {
            answer.tryFail(done.cause());
          }
        });
    return answer.future();
  }

  record Relayed(HttpClientResponse answer, Buffer body) {}

  static void relay(RoutingContext ctx, Relayed relayed) {
    var response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    String type = relayed.answer().getHeader(HttpHeaders.CONTENT_TYPE);
    response.setStatusCode(relayed.answer().statusCode());
    if (type != null) {
      response.putHeader(HttpHeaders.CONTENT_TYPE, type);
    }
    response.end(relayed.body());
  }

  void close() {
    client.close();
  }
}
