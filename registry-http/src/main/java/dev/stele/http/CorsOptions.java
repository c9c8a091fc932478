package dev.stele.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which browser pages may call the API (CORS), as the Confluent registry's
 * {@code access.control.allow.*} keys configure its Jetty filter: no origin, no CORS headers at
 * all; an origin is {@code *} (any), an exact origin ({@code https://ui.example}) or one with
 * {@code *} wildcards ({@code https://*.example}). A request from an origin not listed is served
 * without CORS headers, as Jetty does: the browser, not the server, keeps the page from reading
 * the answer, and a page of the server's own origin (which browsers also send) keeps working.
 *
 * @param allowedOrigins {@code access.control.allow.origin}; empty: CORS off
 * @param allowedMethods {@code access.control.allow.methods}; empty: Jetty's GET, POST, HEAD
 * @param allowedHeaders {@code access.control.allow.headers}; empty: Jetty's
 *     X-Requested-With, Content-Type, Accept, Origin
 * @param exposedHeaders {@code access.control.expose.headers}: response headers a page may read
 */
public record CorsOptions(List<String> allowedOrigins, List<String> allowedMethods,
    List<String> allowedHeaders, List<String> exposedHeaders) {
  /** The defaults of Jetty's CrossOriginFilter, which the Confluent registry leaves in place. */
  static final List<String> DEFAULT_METHODS = List.of("GET", "POST", "HEAD");
  static final List<String> DEFAULT_HEADERS =
      List.of("X-Requested-With", "Content-Type", "Accept", "Origin");
  /** After the defaults, which its constructor reads. */
  public static final CorsOptions NONE = new CorsOptions(List.of(), List.of(), List.of(), List.of());
  private static final String ANY = "*";

  public CorsOptions {
    allowedOrigins = List.copyOf(allowedOrigins);
    allowedMethods = allowedMethods.isEmpty() ? DEFAULT_METHODS
        : allowedMethods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
    allowedHeaders = allowedHeaders.isEmpty() ? DEFAULT_HEADERS : List.copyOf(allowedHeaders);
    exposedHeaders = List.copyOf(exposedHeaders);
  }

  public boolean enabled() {
    return !allowedOrigins.isEmpty();
  }

  /** Whether a page of {@code origin} may read the answers. */
  boolean allows(String origin) {
    return allowedOrigins.contains(ANY)
        || allowedOrigins.stream().anyMatch(allowed -> pattern(allowed).matcher(origin).matches());
  }

  /**
   * Vert.x's CorsHandler writes the headers and answers preflights (204, not passed on); this
   * handler gives it only the origins it allows, because Vert.x answers any other origin 403.
   */
  Handler<RoutingContext> handler() {
    CorsHandler cors = CorsHandler.create()
        .allowedMethods(allowedMethods.stream().map(HttpMethod::valueOf)
            .collect(Collectors.toCollection(LinkedHashSet::new)))
        .allowedHeaders(new LinkedHashSet<>(allowedHeaders))
        .exposedHeaders(new LinkedHashSet<>(exposedHeaders));
    if (!allowedOrigins.contains(ANY)) {
      // Listed origins get their own name back and may send credentials, as with Jetty. Any
      // origin gets "*" and no credentials: otherwise every site on the web could call the
      // registry with the credentials a browser keeps for it.
      cors.addOriginsWithRegex(allowedOrigins.stream().map(o -> pattern(o).pattern()).toList())
          .allowCredentials(true);
    }
    return ctx -> {
      String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
      if (origin != null && !allows(origin)) {
        ctx.response().headers().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        ctx.next();
      } else {
        cors.handle(ctx);
      }
    };
  }

  /** {@code *} in a listed origin stands for any text, as in Jetty's filter; the rest is literal. */
  private static Pattern pattern(String origin) {
    String[] parts = origin.split("\\*", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      regex.append(i == 0 ? "" : ".*").append(parts[i].isEmpty() ? "" : Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString());
  }
}
