package dev.stele.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yaml}: the OpenAPI description of this API. The file is docs/openapi.yaml,
 * copied into the jar at build time, so that the served bytes and the documented ones are one
 * copy; {@code OpenApiDocumentTest} holds it to the routes.
 */
final class ApiDocument {
  static final String PATH = "/openapi.yaml";
  static final String CONTENT_TYPE = "application/yaml";
  /** Beside this class in the jar (registry-http's pom puts it there). */
  static final String RESOURCE = "openapi.yaml";

  private ApiDocument() {}

  static void declare(Router router) {
    Buffer body = load();
    router.get(PATH).handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).end(body));
    router.head(PATH).handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
        .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length())).end());
  }

  /** The document's bytes; a jar without it was built wrongly, which the start should say. */
  static Buffer load() {
    try (InputStream in = ApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing beside " + ApiDocument.class.getName()
            + " in the class path: registry-http was built without docs/openapi.yaml");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
