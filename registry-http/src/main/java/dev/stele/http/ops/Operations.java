package dev.stele.http.ops;

import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.log.AppendListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.DoubleStream;

/**
 * The operator's side of the REST server: request metrics, the {@code /metrics} scrape and the
 * audit line of every write. One instance per process (its meter registry is the process's).
 */
public final class Operations {
  /**
   * The latency buckets of every histogram: 1 ms to 10 s in 1-2.5-5 steps (13 and +Inf), which
   * spans a read by id to a slow compatibility check. Micrometer's default percentile histogram
   * has 69 per series, which made /metrics a quarter of a megabyte after a few requests.
   */
  static final Duration[] BUCKETS = DoubleStream.of(
          0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
      .mapToObj(seconds -> Duration.ofNanos((long) (seconds * 1e9)))
      .toArray(Duration[]::new);

  private final PrometheusMeterRegistry meters;
  private final RequestMetrics requests;
  private final AuditLog audit;

  private Operations(PrometheusMeterRegistry meters, AuditLog audit) {
    this.meters = meters;
    this.requests = new RequestMetrics(meters);
    this.audit = audit;
  }

  /** Metrics with the JVM's and the process's meters, audit lines to the {@code stele.audit} logger. */
  public static Operations create() {
    return create(AuditLog.toLogger());
  }

  /**
   * The same with audit lines as text to {@code auditSink} (tests read them there):
   * {@code audit principal=... status=... result=...}, as {@link KeyValueText} writes pairs.
   */
  public static Operations create(Consumer<String> auditSink) {
    return create(AuditLog.toText(auditSink));
  }

  private static Operations create(AuditLog audit) {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmGcMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ClassLoaderMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    new UptimeMetrics().bindTo(meters);
    return new Operations(meters, audit);
  }

  public PrometheusMeterRegistry meters() {
    return meters;
  }

  /** Leader state as gauges: 1 while this node leads, 1 while it is ready (caught up). */
  public void watch(Leadership leadership) {
    Gauge.builder("stele_leader", leadership, l -> l.leads() ? 1 : 0)
        .description("1 while this node is the leader").strongReference(true).register(meters);
    Gauge.builder("stele_ready", leadership, l -> l.ready() ? 1 : 0)
        .description("1 while this node has caught up with the log").strongReference(true)
        .register(meters);
  }

  /** A gauge read at each scrape; {@code value} must be cheap (no scan of the registry). */
  public void gauge(String name, String description, java.util.function.Supplier<Number> value) {
    Gauge.builder(name, value, v -> v.get().doubleValue()).description(description)
        .strongReference(true).register(meters);
  }

  /** A gauge's current value, or null when none of that name is registered. */
  public Double gaugeValue(String name) {
    Gauge gauge = meters.find(name).gauge();
    return gauge == null ? null : gauge.value();
  }

  /**
   * A counter read at each scrape from {@code count}, which only grows ({@code name_total} in
   * Prometheus); {@code count} must be cheap.
   */
  public void counter(String name, String description, java.util.function.Supplier<Number> count) {
    FunctionCounter.builder(name, count, c -> c.get().doubleValue()).description(description)
        .register(meters);
  }

  /** {@code stele_store_append_seconds} by result: the time from append to durable. */
  public AppendListener appendTimer() {
    Timer ok = Timer.builder("stele.store.append").description("Log appends until durable")
        .tag("result", "ok").serviceLevelObjectives(BUCKETS).register(meters);
    Timer failed = Timer.builder("stele.store.append").description("Log appends until durable")
        .tag("result", "failed").serviceLevelObjectives(BUCKETS).register(meters);
    return (nanos, succeeded) -> (succeeded ? ok : failed).record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * First on the router: times every request and writes the audit lines. {@code leadership}
   * tells whether this node forwards a write (it does not lead and the write came from a client).
   */
  public void instrument(Router router, Leadership leadership) {
    router.route().handler(ctx -> {
      requests.start(ctx);
      audit.start(ctx, leadership);
      ctx.next();
    });
  }

  /** {@code GET /metrics} in Prometheus text format, or OpenMetrics when the Accept header asks. */
  public void declareScrape(Router router) {
    router.get("/metrics").handler(this::scrape);
  }

  private void scrape(RoutingContext ctx) {
    String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
    boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
    String contentType = openMetrics
        ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
        : "text/plain; version=0.0.4; charset=utf-8";
    String body = meters.scrape(contentType);
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body);
  }

  static boolean isWrite(HttpMethod method) {
    return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.DELETE;
  }
}
