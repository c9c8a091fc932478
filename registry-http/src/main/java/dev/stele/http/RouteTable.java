package dev.stele.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * What the route classes declare their routes on: one line per route, the plumbing every route
 * shares (content negotiation, body reading, error mapping) added here once.
 */
final class RouteTable {
  /** A route handler: parse, call the service, render. Whatever it throws is mapped. */
  @FunctionalInterface
  interface Handler {
    void handle(Call call) throws Exception;
  }

  // Vert.x insists that a route's handlers come in the order platform, body, user; the checks
  // that answer before the body is read are platform handlers for that reason.
  private static final PlatformHandler NEGOTIATE = RouteTable::negotiate;
  private static final PlatformHandler CHECK_CONTENT_TYPE = RouteTable::checkContentType;

  private final Router router;
  private final BodyHandler bodies;

  RouteTable(Router router, int maxBodyBytes) {
    this.router = router;
    this.bodies = BodyHandler.create(false)
        .setBodyLimit(maxBodyBytes)
        .setMergeFormAttributes(false)
        .setPreallocateBodyBuffer(false);
  }

  /** A GET route, and HEAD on the same path (health checks use it; Netty drops the body). */
  void get(String path, Handler handler) {
    route(HttpMethod.GET, path, false, handler);
    route(HttpMethod.HEAD, path, false, handler);
  }

  void delete(String path, Handler handler) {
    route(HttpMethod.DELETE, path, false, handler);
  }

  void post(String path, Handler handler) {
    route(HttpMethod.POST, path, true, handler);
  }

  void put(String path, Handler handler) {
    route(HttpMethod.PUT, path, true, handler);
  }

  private void route(HttpMethod method, String path, boolean readsBody, Handler handler) {
    Route route = router.route(method, path).handler(NEGOTIATE);
    if (readsBody) {
      route.handler(CHECK_CONTENT_TYPE).handler(bodies);
    }
    route.handler(ctx -> {
      Call call = new Call(ctx);
      try {
        handler.handle(call);
      } catch (Throwable failure) {
        call.fail(failure);
      }
    });
  }

  /** Picks the response media type from Accept, or answers 406. */
  private static void negotiate(RoutingContext ctx) {
    String type = MediaTypes.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT));
    if (type == null) {
      Call.failStatus(ctx, 406);
      return;
    }
    ctx.put(Call.RESPONSE_TYPE, type);
    ctx.next();
  }

  /** 415 for a body the registry does not read as JSON (checked before reading it). */
  private static void checkContentType(RoutingContext ctx) {
    if (!MediaTypes.readableBody(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
      Call.failStatus(ctx, 415);
      return;
    }
    ctx.next();
  }
}
