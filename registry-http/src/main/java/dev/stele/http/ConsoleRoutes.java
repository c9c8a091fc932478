package dev.stele.http;

import dev.stele.console.ConsoleAssets;
import dev.stele.console.ConsoleAssets.Asset;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * {@code /ui}: the web console's files (README "Web console"). They are public, like
 * {@code /openapi.yaml}: they hold no data, and the console's API calls carry the user's
 * credentials through the same authentication and rules as any client's. The page is revalidated
 * on every visit (ETag); everything else sits under a versioned prefix and is kept forever.
 * Answers are gzipped here, once, at load (the server compresses nothing on the fly).
 */
final class ConsoleRoutes {
  static final String PATH = "/ui";
  private static final String FILES = PATH + "/a/";
  private static final String KEEP_FOREVER = "public, max-age=31536000, immutable";
  /**
   * The console runs only its own files and talks only to this server; no inline script or
   * style, no framing (clickjacking of the delete buttons to come).
   */
  private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none';"
      + " frame-ancestors 'none'";

  private final ConsoleAssets assets;

  private ConsoleRoutes(ConsoleAssets assets) {
    this.assets = assets;
  }

  /** Declares the console's routes ahead of authentication: the files need no credentials. */
  static void declare(Router router, ConsoleAssets assets) {
    ConsoleRoutes routes = new ConsoleRoutes(assets);
    for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
      // Vert.x routes /ui and /ui/ alike; the page's relative links need the trailing slash.
      router.route(method, PATH).handler(ctx -> {
        if (ctx.request().path().endsWith("/")) {
          routes.send(ctx, assets.page(), "no-cache");
        } else {
          ctx.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, PATH + "/").end();
        }
      });
      router.route(method, FILES + "*").handler(routes::file);
    }
  }

  private void file(RoutingContext ctx) {
    String rest = ctx.normalizedPath().substring(FILES.length());
    int slash = rest.indexOf('/');
    Asset asset = slash < 0 || !rest.substring(0, slash).equals(assets.version()) ? null
        : assets.file(rest.substring(slash + 1)).orElse(null);
    if (asset == null) {
      // A page of an older build asking for its files after an upgrade: reloading fixes it.
      ctx.response().setStatusCode(404)
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
          .end("Not found: this console file is not part of the running server's build;"
              + " reload " + PATH + "/\n");
      return;
    }
    send(ctx, asset, KEEP_FOREVER);
  }

  private void send(RoutingContext ctx, Asset asset, String caching) {
    HttpServerResponse response = ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
        .putHeader(HttpHeaders.CACHE_CONTROL, caching)
        .putHeader(HttpHeaders.ETAG, asset.etag())
        .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Content-Security-Policy", POLICY);
    if (asset.etag().equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
      response.setStatusCode(304).end();
      return;
    }
    byte[] body = asset.bytes();
    if (asset.gzipped() != null && acceptsGzip(ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING))) {
      body = asset.gzipped();
      response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length)).end();
    } else {
      response.end(Buffer.buffer(body));
    }
  }

  /** {@code gzip} listed without {@code q=0} (every browser lists it; curl does not unasked). */
  static boolean acceptsGzip(String header) {
    if (header == null) {
      return false;
    }
    for (String item : header.toLowerCase(Locale.ROOT).split(",")) {
      String[] parts = item.split(";");
      if (parts[0].strip().equals("gzip")) {
        for (int i = 1; i < parts.length; i++) {
          String parameter = parts[i].replace(" ", "");
          if (parameter.matches("q=0(\\.0*)?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }
}
