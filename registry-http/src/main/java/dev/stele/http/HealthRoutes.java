package dev.stele.http;

import dev.stele.registry.cluster.Leadership;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * Probes for orchestrators: {@code /health/live} answers 200 while the process serves HTTP;
 * {@code /health/ready} answers 200 once the node has replayed the log (it listens only after
 * that), knows who leads and, when it leads, its writer runs; 503 otherwise, and from the moment
 * a stop begins (see {@link DrainGate}). The body says which
 * ({@code {"ready":true,"leader":true,"leaderUrl":"http://..."}}). Neither is a Confluent
 * endpoint, so neither is negotiated or forwarded.
 */
final class HealthRoutes {
  static final String LIVE = "/health/live";
  static final String READY = "/health/ready";

  private final Leadership leadership;
  private final BooleanSupplier draining;

  /** @param draining true once the server stops: not ready, whatever the node's state */
  HealthRoutes(Leadership leadership, BooleanSupplier draining) {
    this.leadership = leadership;
    this.draining = draining;
  }

  void declare(Router router) {
    router.get(LIVE).handler(ctx -> answer(ctx, 200, Buffer.buffer("{\"live\":true}")));
    router.head(LIVE).handler(ctx -> answer(ctx, 200, Buffer.buffer()));
    router.get(READY).handler(this::ready);
    router.head(READY).handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    boolean ready = leadership.ready() && !draining.getAsBoolean();
    Buffer body = Json.render(out -> {
      out.writeStartObject();
      out.writeBooleanField("ready", ready);
      out.writeBooleanField("leader", leadership.leads());
      String url = leadership.leader().map(l -> l.url()).orElse(null);
      if (url != null) {
        out.writeStringField("leaderUrl", url);
      }
      out.writeEndObject();
    });
    answer(ctx, ready ? 200 : 503, body);
  }

  private static void answer(RoutingContext ctx, int status, Buffer body) {
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body);
  }
}
