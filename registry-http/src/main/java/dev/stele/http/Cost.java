package dev.stele.http;

import io.vertx.ext.web.RoutingContext;

/**
 * What serving a route costs the heap, declared with the route: the {@link HeapGuard} refuses
 * the expensive ones (parsing a schema builds object trees many times its text; a compatibility
 * check parses several) while the heap is nearly full, and always serves the light ones, which
 * are what consumers need and allocate little.
 */
enum Cost {
  /** Look-ups in the registry's state and small renderings: never refused. */
  LIGHT,
  /** Parses a submitted schema (registration, lookup, compatibility check). */
  PARSES,
  /**
   * Parses a stored schema only when {@code ?format=} asks for another rendering of it, or
   * {@code ?findTags=} for its tagged entities.
   */
  PARSES_FOR_FORMAT;

  /** Whether this request does the expensive work its route may do. */
  boolean expensive(RoutingContext ctx) {
    return switch (this) {
      case LIGHT -> false;
      case PARSES -> true;
      case PARSES_FOR_FORMAT -> {
        String format = ctx.queryParams().get("format");
        yield format != null && !format.isEmpty() || ctx.queryParams().contains("findTags");
      }
    };
  }
}
