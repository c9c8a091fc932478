package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.console.ConsoleAssets;
import dev.stele.http.ops.Operations;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import dev.stele.registry.cluster.Leadership;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml describes exactly the routes the server declares: none undocumented, none
 * documented that is not served; and {@code GET /openapi.yaml} serves that file.
 */
class OpenApiDocumentTest extends HttpTestBase {
  /** What the router holds that is not an endpoint: handlers for every path under a prefix. */
  private static final Set<String> CATCH_ALL_PREFIXES = Set.of("/contexts/");
  /** The web console's files: pages for people, described in the README, not API operations. */
  private static final String CONSOLE = ConsoleRoutes.PATH;

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsServed() {
    Set<String> served = endpoints(routes());
    Set<String> documented = ApiDescription.load().operations().stream()
        .map(op -> op.method().toUpperCase(Locale.ROOT) + " " + op.path())
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(difference(served, documented)).as("served but not in docs/openapi.yaml").isEmpty();
    assertThat(difference(documented, served)).as("in docs/openapi.yaml but not served").isEmpty();
    // Not vacuous: the router was walked, context forms included.
    assertThat(served).contains("POST /subjects/{subject}/versions", "GET /v1/caller",
        "GET /contexts/{context}/schemas/ids/{id}", "GET /metrics", "GET /openapi.yaml");
  }

  /** The query parameters Confluent 8.5 added, on each operation that serves them (issue #13). */
  @Test
  void confluent85ParametersAreDocumentedWhereServed() {
    ApiDescription api = ApiDescription.load();
    Map<String, Set<String>> expected = Map.of(
        "POST /subjects/{subject}/versions", Set.of("force", "format", "normalize"),
        "POST /subjects/{subject}", Set.of("format", "normalize", "deleted"),
        "GET /subjects/{subject}/versions/{version}", Set.of("format", "referenceFormat", "deleted", "findTags"),
        "GET /schemas/ids/{id}", Set.of("format", "referenceFormat", "subject", "findTags"));
    expected.forEach((operation, names) -> {
      ApiDescription.Operation found = api.operations().stream()
          .filter(op -> (op.method().toUpperCase(Locale.ROOT) + " " + op.path()).equals(operation))
          .findFirst().orElseThrow(() -> new AssertionError(operation + " is not documented"));
      Set<String> documented = found.parameters(api).stream().map(p -> p.path("name").asText())
          .collect(Collectors.toSet());
      assertThat(documented).as(operation).containsAll(names);
    });
  }

  /** The document says so in its description; this holds it to that. */
  @Test
  void everyGetButMetricsAlsoAnswersHeadAndNothingElseDoes() {
    Set<String> get = paths(routes(), HttpMethod.GET);
    Set<String> head = paths(routes(), HttpMethod.HEAD);
    assertThat(difference(head, get)).as("HEAD routes without a GET").isEmpty();
    assertThat(difference(get, head)).containsExactly("/metrics");
    assertThat(ApiDescription.load().root.at("/info/description").asText())
        .contains("Every GET operation except `GET /metrics` also answers HEAD");
  }

  @Test
  void servesTheFileInDocs() throws Exception {
    byte[] file = Files.readAllBytes(Path.of("..", "docs", "openapi.yaml"));

    Reply reply = get("/openapi.yaml");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/yaml");
    assertThat(reply.body()).isEqualTo(new String(file, StandardCharsets.UTF_8));
    assertThat(send("HEAD", "/openapi.yaml", null).status()).isEqualTo(200);
  }

  /** The router of a server with every optional part that adds routes (metrics, the console). */
  private Router routes() {
    return RestServer.router(vertx, setup().withOperations(Operations.create(line -> { }))
        .withConsole(ConsoleAssets.load()), new DrainGate(Leadership.ALONE));
  }

  /**
   * "METHOD /path/{param}" for each route, HEAD folded into GET (checked separately), plus the
   * /contexts/{context} form of each path that ContextUrls reroutes.
   */
  private static Set<String> endpoints(Router router) {
    Set<String> endpoints = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      if (route.methods() == null || route.methods().isEmpty()) {
        assertThat(route.getPath() == null || CATCH_ALL_PREFIXES.contains(route.getPath()))
            .as("a route for every method at " + route.getPath() + ": document it, or list it here")
            .isTrue();
        continue;
      }
      if (route.getPath() != null && route.getPath().startsWith(CONSOLE)) {
        continue;
      }
      String path = openApiPath(route.getPath());
      for (HttpMethod method : route.methods()) {
        if (method == HttpMethod.HEAD) {
          continue;
        }
        endpoints.add(method.name() + " " + path);
        if (ContextUrls.rewrite("/contexts/ctx" + path.replaceAll("\\{(\\w+)}", "$1"), "") != null) {
          endpoints.add(method.name() + " /contexts/{context}" + path);
        }
      }
    }
    return endpoints;
  }

  private static Set<String> paths(Router router, HttpMethod method) {
    return router.getRoutes().stream()
        .filter(r -> r.methods() != null && r.methods().contains(method))
        .filter(r -> r.getPath() == null || !r.getPath().startsWith(CONSOLE))
        .map(r -> r.getPath())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Vert.x's {@code :name} segments as OpenAPI's {@code {name}}. */
  static String openApiPath(String vertxPath) {
    return vertxPath.replaceAll(":(\\w+)", "{$1}");
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> rest = new TreeSet<>(a);
    rest.removeAll(b);
    return rest;
  }
}
