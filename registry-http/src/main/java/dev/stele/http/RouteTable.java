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
  private final Router guards;
  private final BodyHandler bodies;
  private final int maxSchemaBytes;

  RouteTable(Router router, int maxBodyBytes) {
    this(router, null, RestOptions.loopback().withMaxRequestBodyBytes(maxBodyBytes));
  }

  /**
   * @param guards where the routes' access checks are declared (null: no authentication); a
   *     router mounted ahead of anything that acts on a request, write forwarding included, so
   *     that the node receiving a request decides whether its caller may make it
   * @param limits the body and schema size limits
   */
  RouteTable(Router router, Router guards, RestOptions limits) {
    this.router = router;
    this.guards = guards;
    this.maxSchemaBytes = limits.maxSchemaBytes();
    this.bodies = BodyHandler.create(false)
        .setBodyLimit(limits.maxRequestBodyBytes())
        .setMergeFormAttributes(false)
        .setPreallocateBodyBuffer(false);
  }

  /** A GET route, and HEAD on the same path (health checks use it; Netty drops the body). */
  void get(String path, Handler handler) {
    get(path, Access.SIGNED_IN, handler);
  }

  void delete(String path, Handler handler) {
    delete(path, Access.SIGNED_IN, handler);
  }

  void post(String path, Handler handler) {
    post(path, Access.SIGNED_IN, handler);
  }

  void put(String path, Handler handler) {
    put(path, Access.SIGNED_IN, handler);
  }

  // The same with what the caller needs (checked only when authentication is on).

  void get(String path, Access access, Handler handler) {
    route(HttpMethod.GET, path, false, access, handler);
    route(HttpMethod.HEAD, path, false, access, handler);
  }

  void delete(String path, Access access, Handler handler) {
    route(HttpMethod.DELETE, path, false, access, handler);
  }

  void post(String path, Access access, Handler handler) {
    route(HttpMethod.POST, path, true, access, handler);
  }

  void put(String path, Access access, Handler handler) {
    route(HttpMethod.PUT, path, true, access, handler);
  }

  private void route(HttpMethod method, String path, boolean readsBody, Access access,
      Handler handler) {
    PlatformHandler guard = guards == null || access.operation() == null ? null : ctx -> {
      try {
        access.check(ctx);
      } catch (RuntimeException denied) {
        Call.fail(ctx, denied);
        return;
      }
      ctx.next();
    };
    boolean readOnly = method == HttpMethod.GET || method == HttpMethod.HEAD;
    if (guard != null && !readOnly) {
      // Ahead of forwarding, and before the body is read: a denied upload is not worth receiving.
      guards.route(method, path).handler(guard);
    }
    Route route = router.route(method, path).handler(NEGOTIATE);
    if (guard != null && readOnly) {
      // GETs are never forwarded: checked in their own route, off the guard router's path.
      route.handler(guard);
    }
    if (readsBody) {
      route.handler(CHECK_CONTENT_TYPE).handler(bodies);
    }
    route.handler(ctx -> {
      Call call = new Call(ctx, maxSchemaBytes);
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
