package dev.stele.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for the registry's REST API, as the Confluent clients call it. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private final String baseUrl;
  private final Duration timeout;
  /** Sent as the Authorization header of every request; null: none. */
  private final String authorization;
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  Http(String baseUrl) {
    this(baseUrl, DEFAULT_TIMEOUT);
  }

  /** With {@code timeout} for each request: a test that must see slow answers waits longer. */
  Http(String baseUrl, Duration timeout) {
    this(baseUrl, timeout, null);
  }

  private Http(String baseUrl, Duration timeout, String authorization) {
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.authorization = authorization;
  }

  /** The same client sending {@code header} (say {@code Basic ...}) as its credentials. */
  Http withAuthorization(String header) {
    return new Http(baseUrl, timeout, header);
  }

  /** Status and decoded body (a {@link MissingNode} when the body is not JSON). */
  record Response(int status, JsonNode body, String text) {}

  Response get(String path) throws IOException {
    return send("GET", path, null);
  }

  Response post(String path, Object body) throws IOException {
    return send("POST", path, body);
  }

  Response put(String path, Object body) throws IOException {
    return send("PUT", path, body);
  }

  Response delete(String path) throws IOException {
    return send("DELETE", path, null);
  }

  /** Fails with the answer when the status is not 200: for steps that set a test up. */
  JsonNode ok(String method, String path, Object body) throws IOException {
    Response response = send(method, path, body);
    if (response.status() != 200) {
      throw new AssertionError(method + " " + path + " answered " + response.status() + " "
          + response.text());
    }
    return response.body();
  }

  Response send(String method, String path, Object body) throws IOException {
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(
            body instanceof String text ? text : JSON.writeValueAsString(body));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(timeout)
        .header("Accept", CONTENT_TYPE)
        .method(method, publisher);
    if (body != null) {
      request.header("Content-Type", CONTENT_TYPE);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = MissingNode.getInstance();
    }
    return new Response(response.statusCode(), json == null ? MissingNode.getInstance() : json,
        response.body());
  }
}
