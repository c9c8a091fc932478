package dev.stele.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * What the route classes declare their routes on: one line per route saying its method, path,
 * whether it reads or writes ({@link Effect}), the access it needs ({@link Access}) and its
 * handler. Everything that follows from a declaration is installed here from it, once: the access
 * check, forwarding a write to the leader, content negotiation, body reading and error mapping.
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
  private final boolean checksAccess;
  private final Forwarder forwarder;
  private final BodyHandler bodies;
  private final int maxSchemaBytes;

  /**
   * @param checksAccess whether the routes' access declarations are enforced (authentication on)
   * @param forwarder sends the declared writes to the leader while this node does not lead
   * @param limits the body and schema size limits
   */
  RouteTable(Router router, boolean checksAccess, Forwarder forwarder, RestOptions limits) {
    this.router = router;
    this.checksAccess = checksAccess;
    this.forwarder = forwarder;
    this.maxSchemaBytes = limits.maxSchemaBytes();
    this.bodies = BodyHandler.create(false)
        .setBodyLimit(limits.maxRequestBodyBytes())
        .setMergeFormAttributes(false)
        .setPreallocateBodyBuffer(false);
  }

  /** A GET route, and HEAD on the same path (health checks use it; Netty drops the body). */
  void get(String path, Effect effect, Access access, Handler handler) {
    route(HttpMethod.GET, path, false, effect, access, handler);
    route(HttpMethod.HEAD, path, false, effect, access, handler);
  }

  void delete(String path, Effect effect, Access access, Handler handler) {
    route(HttpMethod.DELETE, path, false, effect, access, handler);
  }

  void post(String path, Effect effect, Access access, Handler handler) {
    route(HttpMethod.POST, path, true, effect, access, handler);
  }

  void put(String path, Effect effect, Access access, Handler handler) {
    route(HttpMethod.PUT, path, true, effect, access, handler);
  }

  /**
   * Installs one declaration: the access check, forwarding for a write, content negotiation,
   * body reading and the handler, in that order, except that a read without a body is checked
   * after negotiation (both orders refuse the same requests; this one keeps which refusal wins).
   */
  private void route(HttpMethod method, String path, boolean readsBody, Effect effect,
      Access access, Handler handler) {
    // The API has no exceptions to HTTP's rules: GET and HEAD never change anything, PUT and
    // DELETE always do. A declaration against them is a mistake caught at start-up, not a
    // follower that silently decides a write itself.
    boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD;
    if (effect.isWrite() ? safe : method == HttpMethod.PUT || method == HttpMethod.DELETE) {
      throw new IllegalArgumentException(method + " " + path + " declared as " + effect);
    }
    Route route = router.route(method, path);
    PlatformHandler guard = checksAccess && access.operation() != null ? guard(access) : null;
    boolean guardFirst = readsBody || effect.isWrite();
    if (guard != null && guardFirst) {
      // Before the body is read and before forwarding: a denied upload is not worth receiving,
      // and the node that received a write decides whether its caller may make it.
      route.handler(guard);
    }
    if (effect.isWrite()) {
      route.handler(forwarder.forwarding(effect));
    }
    route.handler(NEGOTIATE);
    if (guard != null && !guardFirst) {
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

  private static PlatformHandler guard(Access access) {
    return ctx -> {
      try {
        access.check(ctx);
      } catch (RuntimeException denied) {
        Call.fail(ctx, denied);
        return;
      }
      ctx.next();
    };
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
