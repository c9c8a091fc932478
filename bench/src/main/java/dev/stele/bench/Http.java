package dev.stele.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A registry client over the JDK's HttpClient: HTTP/1.1 with keep-alive, so each concurrent
 * caller ends up holding one pooled connection, as a fleet of producers would. Thread-safe.
 */
final class Http {
  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  static final ObjectMapper JSON = new ObjectMapper();
  /** A request slower than this is a failure, so that no run can hang on a wedged server. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client;
  private final String base;

  Http(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    if (!this.base.startsWith("http://127.") && !this.base.startsWith("http://localhost")
        && !this.base.startsWith("http://[::1]")) {
      // Load goes to this machine only (see docs/benchmarks.md).
      throw new IllegalArgumentException("refusing to load a non-loopback address: " + base);
    }
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }

    boolean ok() {
      return status == 200;
    }
  }

  /** Registers a schema; the answer's body is {@code {"id":N}} on success. */
  Response register(String subject, String schema) {
    return send("POST", "/subjects/" + subject + "/versions", body(Map.of("schema", schema)));
  }

  Response setCompatibility(String subject, String level) {
    return send("PUT", "/config/" + subject, body(Map.of("compatibility", level)));
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", MEDIA_TYPE);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", MEDIA_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Response(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(-1, "interrupted");
    }
  }

  private static String body(Map<String, String> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
