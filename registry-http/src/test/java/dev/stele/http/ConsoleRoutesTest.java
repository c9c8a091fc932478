package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.console.ConsoleAssets;
import dev.stele.http.auth.Security;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /ui}: the console's files on a server with Basic authentication, served without
 * credentials, with their content types, caching and gzip; nothing else opened by it.
 */
class ConsoleRoutesTest extends HttpTestBase {
  private static final ConsoleAssets ASSETS = ConsoleAssets.load();

  @TempDir
  static Path dir;

  @BeforeEach
  @Override
  void startServer() throws Exception {
    Security security = TestUsers.security(dir, List.of());
    serve(setup -> setup.withConsole(ASSETS).withSecurity(security));
  }

  private HttpResponse<byte[]> fetch(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  @Test
  void thePageIsServedWithoutCredentialsAndRevalidated() throws Exception {
    HttpResponse<byte[]> page = fetch("GET", "/ui/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(header(page, "Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(header(page, "Cache-Control")).isEqualTo("no-cache");
    assertThat(header(page, "Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
    assertThat(header(page, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("a/" + ASSETS.version() + "/js/main.js");

    HttpResponse<byte[]> again = fetch("GET", "/ui/", "If-None-Match", header(page, "ETag"));
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void slashlessPathRedirectsToThePage() throws Exception {
    HttpResponse<byte[]> reply = fetch("GET", "/ui");
    assertThat(reply.statusCode()).isEqualTo(301);
    assertThat(header(reply, "Location")).isEqualTo("/ui/");
  }

  @Test
  void versionedFilesAreKeptForeverAndGzippedWhenAsked() throws Exception {
    String path = "/ui/a/" + ASSETS.version() + "/js/main.js";
    byte[] plain = ASSETS.file("js/main.js").orElseThrow().bytes();

    HttpResponse<byte[]> identity = fetch("GET", path);
    assertThat(identity.statusCode()).isEqualTo(200);
    assertThat(header(identity, "Content-Type")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(header(identity, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(header(identity, "Content-Encoding")).isNull();
    assertThat(identity.body()).isEqualTo(plain);

    HttpResponse<byte[]> gzipped = fetch("GET", path, "Accept-Encoding", "gzip, deflate, br");
    assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
    assertThat(header(gzipped, "Vary")).isEqualToIgnoringCase("Accept-Encoding");
    assertThat(gzipped.body().length).isLessThan(plain.length);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain);
    }
    assertThat(header(fetch("GET", path, "Accept-Encoding", "gzip;q=0"), "Content-Encoding")).isNull();

    HttpResponse<byte[]> head = fetch("HEAD", "/ui/a/" + ASSETS.version() + "/app.css");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(header(head, "Content-Type")).isEqualTo("text/css; charset=utf-8");
    assertThat(header(head, "Content-Length")).isEqualTo(
        Integer.toString(ASSETS.file("app.css").orElseThrow().bytes().length));
  }

  @Test
  void filesOfAnotherBuildOrOutsideTheConsoleAreNotFound() throws Exception {
    for (String path : List.of("/ui/a/000000000000/js/main.js", "/ui/a/" + ASSETS.version() + "/nope.js",
        "/ui/a/" + ASSETS.version() + "/../../../pom.xml", "/ui/a/" + ASSETS.version() + "/files.txt",
        "/ui/a/" + ASSETS.version() + "/index.html")) {
      HttpResponse<byte[]> reply = fetch("GET", path);
      assertThat(reply.statusCode()).as(path).isIn(401, 404);
      assertThat(new String(reply.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("import ");
    }
  }

  @Test
  void theApiStillNeedsCredentials() throws Exception {
    assertThat(fetch("GET", "/subjects").statusCode()).isEqualTo(401);
    assertThat(fetch("GET", "/v1/caller").statusCode()).isEqualTo(401);
    assertThat(fetch("GET", "/subjects", "Authorization", TestUsers.basic("reader")).statusCode()).isEqualTo(200);
  }

  @Test
  void aServerWithoutTheConsoleServesNoPage() throws Exception {
    await(server.close());
    server = await(RestServer.start(vertx, setup()));
    HttpResponse<byte[]> reply = fetch("GET", "/ui/");
    assertThat(reply.statusCode()).isEqualTo(404);
    assertThat(header(reply, "Content-Type")).contains("json");
  }

  @Test
  void gzipIsAcceptedOnlyWhenListedWithoutQZero() {
    assertThat(ConsoleRoutes.acceptsGzip("gzip")).isTrue();
    assertThat(ConsoleRoutes.acceptsGzip("br, GZIP;q=0.5")).isTrue();
    assertThat(ConsoleRoutes.acceptsGzip("gzip; q=0")).isFalse();
    assertThat(ConsoleRoutes.acceptsGzip("gzip;q=0.000")).isFalse();
    assertThat(ConsoleRoutes.acceptsGzip("deflate, br")).isFalse();
    assertThat(ConsoleRoutes.acceptsGzip("x-gzip")).isFalse();
    assertThat(ConsoleRoutes.acceptsGzip(null)).isFalse();
  }
}
