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
 * handler, and whether it is expensive ({@link Cost}; light unless said). Everything that follows
 * from a declaration is installed here from it, once: the access check, forwarding a write to the
 * leader, content negotiation, refusing expensive work while the heap is nearly full
 * ({@link HeapGuard}), body reading and error mapping.
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
  private final HeapGuard heap;

  /** The same without a heap guard (nothing is refused for memory). */
  RouteTable(Router router, boolean checksAccess, Forwarder forwarder, RestOptions limits) {
    this(router, checksAccess, forwarder, limits, HeapGuard.OFF);
  }

  /**
   * @param checksAccess whether the routes' access declarations are enforced (authentication on)
   * @param forwarder sends the declared writes to the leader while this node does not lead
   * @param limits the body and schema size limits
   * @param heap refuses the expensive routes' requests while the heap is nearly full
   */
  RouteTable(Router router, boolean checksAccess, Forwarder forwarder, RestOptions limits,
      HeapGuard heap) {
    this.router = router;
    this.heap = heap;
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
    get(path, effect, access, Cost.LIGHT, handler);
  }

  void get(String path, Effect effect, Access access, Cost cost, Handler handler) {
    route(HttpMethod.GET, path, false, effect, access, cost, handler);
    route(HttpMethod.HEAD, path, false, effect, access, cost, handler);
  }

  void delete(String path, Effect effect, Access access, Handler handler) {
    route(HttpMethod.DELETE, path, false, effect, access, Cost.LIGHT, handler);
  }

  void post(String path, Effect effect, Access access, Handler handler) {
    post(path, effect, access, Cost.LIGHT, handler);
  }

  void post(String path, Effect effect, Access access, Cost cost, Handler handler) {
    route(HttpMethod.POST, path, true, effect, access, cost, handler);
  }

  void put(String path, Effect effect, Access access, Handler handler) {
    route(HttpMethod.PUT, path, true, effect, access, Cost.LIGHT, handler);
  }

  /**
   * Installs one declaration: the access check, forwarding for a write, content negotiation,
   * the heap check of an expensive route, body reading and the handler, in that order, except
   * that a read without a body is checked after negotiation (both orders refuse the same
   * requests; this one keeps which refusal wins).
   */
  private void route(HttpMethod method, String path, boolean readsBody, Effect effect,
      Access access, Cost cost, Handler handler) {
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
    if (heap.enabled() && cost != Cost.LIGHT) {
      // After forwarding: a follower passes a write on to the leader, whose heap it will cost.
      // Before the body: a refused upload is not worth receiving.
      route.handler(heapCheck(heap, cost));
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

  /** 503 for an expensive request while the heap guard is tripped; Call adds Retry-After. */
  private static PlatformHandler heapCheck(HeapGuard heap, Cost cost) {
    return ctx -> {
      String refusal = cost.expensive(ctx) ? heap.refusal() : null;
      if (refusal != null) {
        Call.fail(ctx, EdgeError.LOW_MEMORY.withMessage(refusal));
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
