package dev.stele.http;

import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import dev.stele.registry.model.ErrorCode;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a follower, sends every write to the leader over HTTP and relays the leader's answer as is
 * (status, content type, body), as the Confluent registry's followers do (../shared/API.md §2.2
 * step 3, §3.5): same method, path, query and body, the caller's headers ({@code Authorization}
 * included). {@code 50004} when no leader is known, {@code 50003} when the leader cannot be
 * reached. Reads are never forwarded: a follower serves them from its own state. Which routes
 * write is declared with each route ({@link Effect}); {@link RouteTable} puts this forwarding on
 * exactly those.
 *
 * <p>A forwarded request carries {@link #FORWARDED}; a node receiving one never forwards it again
 * (leadership may have moved meanwhile): it answers itself, which on a non-leader is 50004.
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
    String failed = write.forwardingFailed();
    return ctx -> handle(ctx, failed);
  }

  private void handle(RoutingContext ctx, String failed) {
    HttpServerRequest request = ctx.request();
    if (leadership.leads() || request.getHeader(FORWARDED) != null) {
      ctx.next();
      return;
    }
    Optional<NodeIdentity> leader = leadership.leader();
    if (leader.isEmpty()) {
      Call.fail(ctx, ErrorCode.UNKNOWN_LEADER.exception());
      return;
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > maxBodyBytes) {
      Call.failStatus(ctx, 413);
      return;
    }
    request.body().onComplete(read -> {
      if (read.failed()) {
        Call.fail(ctx, EdgeError.REQUEST_FORWARDING_FAILED.exception(failed));
        return;
      }
      if (read.result().length() > maxBodyBytes) {
        Call.failStatus(ctx, 413);
        return;
      }
      forward(ctx, leader.get(), read.result(), failed);
    });
    request.resume(); // the router pauses requests until a body handler reads them
  }

  private void forward(RoutingContext ctx, NodeIdentity leader, Buffer body, String failed) {
    HttpServerRequest request = ctx.request();
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    request.headers().forEach(h -> {
      if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        headers.add(h.getKey(), h.getValue());
      }
    });
    headers.set(FORWARDED, "1");
    RequestOptions options = new RequestOptions()
        .setMethod(request.method())
        .setAbsoluteURI(leader.url() + request.uri())
        .setHeaders(headers)
        .setIdleTimeout(timeoutMillis);
    client.request(options)
        .compose(out -> out.send(body))
        .compose(answer -> answer.body().map(b -> new Relayed(answer, b)))
        .onComplete(done -> {
          if (done.succeeded()) {
            relay(ctx, done.result());
          } else {
            LOG.warn("Forwarding {} {} to the leader {} failed: {}", request.method(),
                request.path(), leader.url(), done.cause().toString());
            Call.fail(ctx, EdgeError.REQUEST_FORWARDING_FAILED.exception(failed));
          }
        });
  }

  private record Relayed(HttpClientResponse answer, Buffer body) {}

  private static void relay(RoutingContext ctx, Relayed relayed) {
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
