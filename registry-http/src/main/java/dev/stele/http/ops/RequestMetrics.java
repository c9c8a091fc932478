package dev.stele.http.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code stele_http_requests_seconds}: a latency histogram per route template, method and status.
 * Labels come from the route's template ({@code /subjects/:subject/versions}), never the raw path,
 * so that the number of series stays bounded; the per-request work is one map lookup and one record.
 */
final class RequestMetrics {
  static final String NAME = "stele.http.requests";
  private final MeterRegistry meters;
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

  RequestMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  void start(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addEndHandler(done -> record(ctx, System.nanoTime() - started));
  }

  private void record(RoutingContext ctx, long nanos) {
    String route = template(ctx);
    String method = ctx.request().method().name();
    int status = ctx.response().getStatusCode();
    String key = route + ' ' + method + ' ' + status;
    timers.computeIfAbsent(key, k -> Timer.builder(NAME)
            .description("HTTP requests by route template, method and status")
            .tag("route", route)
            .tag("method", method)
            .tag("status", Integer.toString(status))
            .serviceLevelObjectives(Operations.BUCKETS)
            .register(meters))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The template of the route that answered; a regex route or no route at all is "other". */
  static String template(RoutingContext ctx) {
    Route route = ctx.currentRoute();
    String path = route == null ? null : route.getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return ctx.statusCode() == 404 || ctx.response().getStatusCode() == 404 ? "unmatched" : "other";
    }
    return path;
  }
}
