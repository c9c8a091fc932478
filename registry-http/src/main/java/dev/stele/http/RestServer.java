package dev.stele.http;

import dev.stele.registry.Registry;
import dev.stele.registry.Settings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * The registry's REST API on Vert.x: builds the route tables over the services and listens.
 * Every answer, including the framework's own (no route, wrong method, body too large), is a
 * Confluent-shaped JSON error, never HTML.
 */
public final class RestServer {
  private final HttpServer server;

  private RestServer(HttpServer server) {
    this.server = server;
  }

  public static Future<RestServer> start(
      Vertx vertx, RestOptions options, Registry registry, Settings settings, ServerInfo info) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(settings, "settings");
    Router router = Router.router(vertx);
    RouteTable routes = new RouteTable(router, options.maxRequestBodyBytes());
    new RootRoutes(info).declare(routes);
    new SchemaRoutes(registry).declare(routes);
    new SubjectRoutes(registry).declare(routes);
    new SubjectVersionRoutes(registry).declare(routes);
    new CompatibilityRoutes(registry).declare(routes);
    new ConfigRoutes(settings).declare(routes);
    new ModeRoutes(settings).declare(routes);
    new ContextRoutes(registry).declare(routes);
    router.routeWithRegex("/contexts/[^/]+/.+").handler(ctx -> {
      try {
        ContextUrls.reroute(ctx);
      } catch (RuntimeException failure) {
        Call.fail(ctx, failure);
      }
    });
    installErrorAnswers(router);

    HttpServerOptions serverOptions = new HttpServerOptions()
        .setHost(options.host())
        .setPort(options.port())
        // Answers are small and mostly pre-rendered: compressing costs more than it saves.
        .setCompressionSupported(false)
        .setIdleTimeout(options.idleTimeoutSeconds())
        .setTcpNoDelay(true);
    return vertx.createHttpServer(serverOptions)
        .requestHandler(router)
        .listen()
        .map(RestServer::new);
  }

  /** The port listened on (the one picked when the options said 0). */
  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close();
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
