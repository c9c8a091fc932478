package dev.stele.http;

import dev.stele.console.ConsoleAssets;
import dev.stele.http.auth.Security;
import dev.stele.http.ops.Operations;
import dev.stele.registry.KeyRegistry;
import dev.stele.registry.Registry;
import dev.stele.registry.SchemaViews;
import dev.stele.registry.Settings;
import dev.stele.registry.cluster.Leadership;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The registry's REST API on Vert.x: builds the route tables over the services and listens.
 * Every answer, including the framework's own (no route, wrong method, body too large), is a
 * Confluent-shaped JSON error, never HTML.
 */
public final class RestServer {
  /** Confluent's leader.read.timeout.ms default: a forwarded write waits this long for the leader. */
  private static final long FORWARD_TIMEOUT_MILLIS = 60_000;
  private final HttpServer server;
  private final DrainGate drain;

  private RestServer(HttpServer server, DrainGate drain) {
    this.server = server;
    this.drain = drain;
  }

  /**
   * What a server serves and how: the registry's services, where it listens, who may call it,
   * which node leads, and what it reports. {@link #of} gives the defaults: loopback on a free
   * port, no authentication, a node alone (it leads and is ready), no metrics.
   *
   * @param options where to listen and the request limits
   * @param info what {@code /v1/metadata/*} report
   * @param security authentication (and the routes' access checks) when enabled, and TLS when
   *     set; {@link Security#NONE}: open plain HTTP
   * @param leadership for one node of a cluster: writes are forwarded to the leader while this
   *     node does not lead, and {@code /health/ready} reports its readiness
   * @param operations request metrics, {@code GET /metrics} and audit lines; null: none
   * @param heap refuses expensive requests while the heap is nearly full ({@link HeapGuard#OFF}:
   *     never); its refusals are counted in the metrics. The caller starts and closes it (one
   *     per process, shared by the listeners)
   * @param cors which browser origins may call the API ({@link CorsOptions#NONE}: no CORS headers)
   * @param console the web console's files, served at {@code /ui}; null: no console
   * @param keys the DEK registry ({@code /dek-registry/v1}); null: its routes are not served
   * @param views Stele's own reads of schemas ({@code /v1/search}, {@code /v1/schemas}); null: not served
   * @param associations whether {@code /associations} is served ({@code associations.enable})
   */
  public record Setup(Registry registry, Settings settings, RestOptions options, ServerInfo info,
      Security security, Leadership leadership, Operations operations, HeapGuard heap,
      CorsOptions cors, ConsoleAssets console, KeyRegistry keys, SchemaViews views,
      boolean associations) {
    /** The embedded store belongs to no Kafka cluster; Confluent's default group id. */
    static final ServerInfo UNNAMED = new ServerInfo("", "schema-registry", "unknown", "unknown");

    public Setup {
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(info, "info");
      Objects.requireNonNull(security, "security");
      Objects.requireNonNull(leadership, "leadership");
      Objects.requireNonNull(heap, "heap");
      Objects.requireNonNull(cors, "cors");
    }

    /** The defaults over these services (loopback, so that nothing is exposed unless asked). */
    public static Setup of(Registry registry, Settings settings) {
      return new Setup(registry, settings, RestOptions.loopback(), UNNAMED, Security.NONE,
          Leadership.ALONE, null, HeapGuard.OFF, CorsOptions.NONE, null, null, null, true);
    }

    /** The defaults over these services, the DEK registry included. */
    public static Setup of(Registry registry, Settings settings, KeyRegistry keys) {
      return of(registry, settings).withKeys(keys);
    }

    public Setup withOptions(RestOptions options) {
      return copy(b -> b.options = options);
    }

    public Setup withInfo(ServerInfo info) {
      return copy(b -> b.info = info);
    }

    public Setup withSecurity(Security security) {
      return copy(b -> b.security = security);
    }

    public Setup withLeadership(Leadership leadership) {
      return copy(b -> b.leadership = leadership);
    }

    public Setup withOperations(Operations operations) {
      return copy(b -> b.operations = operations);
    }

    public Setup withHeapGuard(HeapGuard heap) {
      return copy(b -> b.heap = heap);
    }

    public Setup withCors(CorsOptions cors) {
      return copy(b -> b.cors = cors);
    }

    public Setup withConsole(ConsoleAssets console) {
      return copy(b -> b.console = console);
    }

    public Setup withKeys(KeyRegistry keys) {
      return copy(b -> b.keys = keys);
    }

    public Setup withViews(SchemaViews views) {
      return copy(b -> b.views = views);
    }

    public Setup withAssociations(boolean served) {
      return copy(b -> b.associations = served);
    }

    /** A copy with what {@code change} sets, so that each wither names only its own field. */
    private Setup copy(Consumer<Copy> change) {
      Copy copy = new Copy(this);
      change.accept(copy);
      return copy.build();
    }

    /** The fields of a {@link Setup} while one is copied. */
    private static final class Copy {
      private final Registry registry;
      private final Settings settings;
      private RestOptions options;
      private ServerInfo info;
      private Security security;
      private Leadership leadership;
      private Operations operations;
      private HeapGuard heap;
      private CorsOptions cors;
      private ConsoleAssets console;
      private KeyRegistry keys;
      private SchemaViews views;
      private boolean associations;

      private Copy(Setup from) {
        registry = from.registry;
        settings = from.settings;
        options = from.options;
        info = from.info;
        security = from.security;
        leadership = from.leadership;
        operations = from.operations;
        heap = from.heap;
        cors = from.cors;
        console = from.console;
        keys = from.keys;
        views = from.views;
        associations = from.associations;
      }

      private Setup build() {
        return new Setup(registry, settings, options, info, security, leadership, operations,
            heap, cors, console, keys, views, associations);
      }
    }
  }

  /** Builds the routes of {@code setup} on {@code vertx} and listens. */
  public static Future<RestServer> start(Vertx vertx, Setup setup) {
    RestOptions options = setup.options();
    Security security = setup.security();
    // While the server stops, every request that still arrives gets an answer, see drain().
    DrainGate drain = new DrainGate(setup.leadership());
    Router router = router(vertx, setup, drain);
    HttpServerOptions serverOptions = options.applyTo(new HttpServerOptions())
        // Answers are small and mostly pre-rendered: compressing costs more than it saves.
        .setCompressionSupported(false)
        .setTcpNoDelay(true);
    if (security.tls() != null) {
      security.tls().applyTo(serverOptions);
    }
    return ConnectionGuard.install(vertx, vertx.createHttpServer(serverOptions), options, router)
        .listen()
        .map(server -> new RestServer(server, drain));
  }

  /**
   * Every route the server serves, in the order they run: what {@link #start} listens with, and
   * what {@code OpenApiDocumentTest} compares with docs/openapi.yaml.
   */
  static Router router(Vertx vertx, Setup setup, DrainGate drain) {
    RestOptions options = setup.options();
    Security security = setup.security();
    Leadership leadership = setup.leadership();
    Operations operations = setup.operations();
    Router router = Router.router(vertx);
    if (operations != null) {
      // First, so that every answer is timed and every write audited, refusals included.
      operations.instrument(router, leadership);
      if (setup.heap().enabled()) {
        HeapGuard heap = setup.heap();
        operations.gauge("stele_heap_refusing",
            "1 while expensive requests are refused because the heap is nearly full",
            () -> heap.tripped() ? 1 : 0);
        operations.counter("stele_heap_refusals",
            "Expensive requests refused because the heap was nearly full", heap::refusals);
      }
    }
    if (setup.cors().enabled()) {
      // Before authentication: a browser sends its preflight OPTIONS without credentials, and
      // answers that refuse (401, 503) need the CORS headers for the page to read them.
      router.route().handler(setup.cors().handler());
    }
    router.route().handler(drain);
    // Probes answer without credentials: an orchestrator has none.
    new HealthRoutes(leadership, drain::draining).declare(router);
    // Open too: the same document for every server of this version (README "API description").
    ApiDocument.declare(router);
    if (setup.console() != null) {
      // Open as well: the files hold no data; the console's API calls carry credentials.
      ConsoleRoutes.declare(router, setup.console());
    }
    if (security.enabled()) {
      // First on the router, so that it runs before every route (and before a 404 is answered).
      router.route().handler(new Authentication(security));
    }
    if (operations != null) {
      // After authentication: /metrics needs credentials unless stele.auth.open.paths lists it.
      operations.declareScrape(router);
    }
    // Before every route: a /contexts/{ctx}/... URL is routed as its plain form, so that the
    // plain route's access check, forwarding and handler apply to it.
    ContextUrls.declare(router);
    // Each route declares whether it writes; the route table puts the access check, then the
    // forwarding to the leader, ahead of its handler (after authentication: a follower refuses
    // what the leader would).
    Forwarder forwarder = new Forwarder(vertx, leadership, options.maxRequestBodyBytes(),
        FORWARD_TIMEOUT_MILLIS, security.tls());
    RouteTable routes = new RouteTable(router, security.enabled(), forwarder, options,
        setup.heap());
    new RootRoutes(setup.info()).declare(routes);
    new CallerRoutes().declare(routes);
    new ClusterRoutes(setup.info(), leadership, operations, forwarder).declare(routes);
    if (setup.views() != null) {
      new ViewRoutes(setup.views(), setup.registry()).declare(routes);
    }
    new SchemaRoutes(setup.registry()).declare(routes);
    new SubjectRoutes(setup.registry()).declare(routes);
    new SubjectVersionRoutes(setup.registry()).declare(routes);
    new CompatibilityRoutes(setup.registry()).declare(routes);
    new ConfigRoutes(setup.settings()).declare(routes);
    new ModeRoutes(setup.settings()).declare(routes);
    new ContextRoutes(setup.registry()).declare(routes);
    if (setup.associations()) {
      new AssociationRoutes(setup.registry().associations()).declare(routes);
    }
    if (setup.keys() != null) {
      new KeyRoutes(setup.keys()).declare(routes);
    }
    installErrorAnswers(router);
    return router;
  }

  /** The port listened on (the one picked when the options said 0). */
  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close();
  }

  /**
   * The first step of a stop, while still listening: answers say {@code Connection: close},
   * readiness says 503, reads and forwardable writes are served, other writes answered 503 (see
   * {@link DrainGate}). Without it, requests a client had just sent on a kept-alive connection met
   * a closed connection and no answer at all; {@link #shutdown} after the drain leaves only those
   * sent on a connection idle through the drain.
   */
  public void drain() {
    drain.start();
  }

  /**
   * Stops accepting connections and lets the requests in flight finish (a write reaches the log
   * and its answer is sent) for up to {@code timeoutMillis}; then closes what is left.
   */
  public Future<Void> shutdown(long timeoutMillis) {
    return server.shutdown(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /**
   * Routes end in handlers that answer every failure themselves; what reaches the router is the
   * framework's: no matching path (404), a path without that method (405), a body over the
   * limit (413), or a failure outside any handler.
   */
  private static void installErrorAnswers(Router router) {
    router.route().failureHandler(RestServer::answerFailure);
    for (int status : new int[] {400, 404, 405, 406, 413, 415, 500}) {
      router.errorHandler(status, RestServer::answerFailure);
    }
  }

  private static void answerFailure(RoutingContext ctx) {
    if (ctx.failure() != null) {
      Call.fail(ctx, ctx.failure());
    } else {
      Call.failStatus(ctx, ctx.statusCode());
    }
  }
}
