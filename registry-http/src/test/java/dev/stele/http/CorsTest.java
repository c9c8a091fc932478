package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.http.auth.Security;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CORS as the Confluent registry's access.control.allow.* keys configure it: preflights answered
 * before authentication, listed origins echoed, other origins served without CORS headers.
 */
class CorsTest extends HttpTestBase {
  private static final String UI = "https://ui.example";
  private static final CorsOptions LISTED = new CorsOptions(List.of(UI, "https://*.corp.example"),
      List.of("GET", "post", "PUT"), List.of("Content-Type", "Authorization"), List.of("Location"));

  @TempDir
  static Path dir;

  private void serveSecured(CorsOptions cors) throws Exception {
    await(server.close());
    node.close();
    Security security = TestUsers.security(dir, List.of());
    serve(setup -> setup.withCors(cors).withSecurity(security));
  }

  @Test
  void aPreflightFromAListedOriginIsAnsweredWithoutCredentials() throws Exception {
    serveSecured(LISTED);

    HttpResponse<String> answer = preflight("/subjects/orders-value/versions", UI);

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(header(answer, "Access-Control-Allow-Origin")).contains(UI);
    assertThat(header(answer, "Access-Control-Allow-Methods")).contains("GET,POST,PUT");
    assertThat(header(answer, "Access-Control-Allow-Headers")).contains("Content-Type,Authorization");
    assertThat(header(answer, "Access-Control-Allow-Credentials")).contains("true");
  }

  @Test
  void aWildcardOriginMatchesItsSubdomainsOnly() throws Exception {
    serveSecured(LISTED);

    assertThat(preflight("/subjects", "https://team.corp.example").statusCode()).isEqualTo(204);
    HttpResponse<String> other = preflight("/subjects", "https://corp.example.evil");
    assertThat(other.statusCode()).isEqualTo(401); // not answered as CORS: authentication asks
    assertThat(header(other, "Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void requestsFromAListedOriginCarryTheHeadersRefusalsIncluded() throws Exception {
    serveSecured(LISTED);

    HttpResponse<String> ok = call("GET", "/subjects", UI, TestUsers.basic("reader"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(header(ok, "Access-Control-Allow-Origin")).contains(UI);
    assertThat(header(ok, "Access-Control-Expose-Headers")).contains("Location");
    assertThat(ok.headers().allValues("Vary")).anyMatch(v -> v.equalsIgnoreCase("origin"));

    HttpResponse<String> refused = call("GET", "/subjects", UI, null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(header(refused, "Access-Control-Allow-Origin")).contains(UI);
  }

  /** As Jetty's filter: the browser, not the server, keeps the page from reading the answer. */
  @Test
  void requestsFromOtherOriginsAreServedWithoutCorsHeaders() throws Exception {
    serveSecured(LISTED);

    HttpResponse<String> answer = call("GET", "/subjects", "https://evil.example", TestUsers.basic("reader"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(header(answer, "Access-Control-Allow-Origin")).isEmpty();
    assertThat(answer.headers().allValues("Vary")).anyMatch(v -> v.equalsIgnoreCase("origin"));
  }

  @Test
  void requestsWithoutOriginGetNoCorsHeaders() throws Exception {
    serveSecured(LISTED);

    HttpResponse<String> answer = call("GET", "/subjects", null, TestUsers.basic("reader"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(header(answer, "Access-Control-Allow-Origin")).isEmpty();
  }

  /** No origin configured (the default), no CORS at all, as in the Confluent registry. */
  @Test
  void withoutOriginsThereIsNoCors() throws Exception {
    HttpResponse<String> answer = preflight("/subjects", UI);

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(header(answer, "Access-Control-Allow-Origin")).isEmpty();
    assertThat(header(call("GET", "/subjects", UI, null), "Access-Control-Allow-Origin")).isEmpty();
  }

  /** Any origin gets "*" and no credentials; methods and headers default to Jetty's. */
  @Test
  void anyOriginIsAStarWithoutCredentials() throws Exception {
    serveSecured(new CorsOptions(List.of("*"), List.of(), List.of(), List.of()));

    HttpResponse<String> answer = preflight("/subjects", "https://anywhere.example");

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(header(answer, "Access-Control-Allow-Origin")).contains("*");
    assertThat(header(answer, "Access-Control-Allow-Credentials")).isEmpty();
    assertThat(header(answer, "Access-Control-Allow-Methods")).contains("GET,POST,HEAD");
    assertThat(header(answer, "Access-Control-Allow-Headers"))
        .contains("X-Requested-With,Content-Type,Accept,Origin");
  }

  @Test
  void listedOriginsAreLiteralExceptForTheirStars() {
    assertThat(LISTED.allows(UI)).isTrue();
    assertThat(LISTED.allows("https://uiXexample")).isFalse();
    assertThat(LISTED.allows(UI + ".evil")).isFalse();
    assertThat(LISTED.allows("https://a.b.corp.example")).isTrue();
    assertThat(CorsOptions.NONE.enabled()).isFalse();
  }

  private HttpResponse<String> preflight(String path, String origin) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type,authorization")
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> call(String method, String path, String origin, String authorization)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (origin != null) {
      request.header("Origin", origin);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<String> header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name);
  }
}
