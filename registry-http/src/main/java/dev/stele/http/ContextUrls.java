package dev.stele.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code /contexts/{ctx}/...} URL forms (../shared/API.md §2.7): each is another spelling of
 * a plain route with the context folded into the subject ({@code :.ctx:name}) or into the
 * {@code subject}/{@code subjectPrefix} query parameter, so they are rewritten and routed again
 * rather than declared twice. Works on the raw (still encoded) path, so that a subject's own
 * {@code %2F} or {@code %3A} survives the second routing.
 */
final class ContextUrls {
  private ContextUrls() {}

  /**
   * The one place context URLs are handled: ahead of every route, so that the plain route's
   * access check, forwarding and handler see the rewritten request, whatever its method.
   */
  static void declare(Router router) {
    router.route("/contexts/*").handler(ContextUrls::reroute);
  }

  /** Reroutes a context URL, or lets the router answer 404 for one that names nothing. */
  private static void reroute(RoutingContext ctx) {
    String uri;
    try {
      uri = rewrite(ctx.request().path(), ctx.request().query());
    } catch (RuntimeException refused) {
      Call.fail(ctx, refused);
      return;
    }
    if (uri == null) {
      ctx.next();
    } else {
      ctx.reroute(ctx.request().method(), uri);
    }
  }

  /**
   * The plain URI for a raw {@code /contexts/{ctx}/...} path and query; null when the rest of
   * the path is no resource a context scopes. 400 for a context name with a colon.
   */
  static String rewrite(String rawPath, String rawQuery) {
    String[] parts = rawPath.split("/", 4); // "", "contexts", ctx, rest
    if (parts.length < 4 || parts[2].isEmpty()) {
      return null;
    }
    String context = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
    if (context.contains(":")) {
      throw EdgeError.BAD_REQUEST.exception("Context name cannot contain a colon");
    }
    String qualifier = ":" + (context.startsWith(".") ? context : "." + context) + ":";
    String encoded = encode(qualifier);
    String rest = "/" + parts[3];
    String query = rawQuery == null ? "" : rawQuery;
    if (rest.equals("/subjects") || rest.equals("/subjects/") || rest.equals("/schemas")
        || rest.equals("/schemas/")) {
      return rest + "?" + withPrefixed(query, "subjectPrefix", qualifier);
    }
    if (rest.startsWith("/schemas/ids/")) {
      return rest + "?" + withPrefixed(query, "subject", qualifier);
    }
    if (rest.startsWith("/schemas/")) {
      return rest + (query.isEmpty() ? "" : "?" + query);
    }
    for (String scoped : new String[] {"/subjects/", "/compatibility/subjects/", "/config/", "/mode/"}) {
      if (rest.startsWith(scoped)) {
        return scoped + encoded + rest.substring(scoped.length()) + (query.isEmpty() ? "" : "?" + query);
      }
    }
    if (rest.equals("/config") || rest.equals("/mode")) {
      return rest + "/" + encoded + (query.isEmpty() ? "" : "?" + query);
    }
    return null;
  }

  /**
   * The query with {@code name} prefixed by the context qualifier; the parameter is added when
   * absent. Only its first value matters to the routes, so only that one is prefixed.
   */
  private static String withPrefixed(String query, String name, String qualifier) {
    StringBuilder out = new StringBuilder();
    boolean done = false;
    for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
      String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      if (!done && URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        String value = pair.contains("=") ? pair.substring(pair.indexOf('=') + 1) : "";
        pair = key + "=" + encode(qualifier) + value;
        done = true;
      }
      out.append(out.length() == 0 ? "" : "&").append(pair);
    }
    if (!done) {
      out.append(out.length() == 0 ? "" : "&").append(name).append('=').append(encode(qualifier));
    }
    return out.toString();
  }

  /** Percent-encoding for a path segment or query value (no {@code +} for spaces). */
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
