package dev.stele.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.stele.client.ClientConfig;
import dev.stele.client.RestClientException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Sends one REST call, failing over between the configured URLs and retrying with exponential
 * backoff when a registry is unreachable or answers 5xx. A 4xx is the registry's verdict on the
 * request and is never retried.
 *
 * <p>All callers share one "current URL" index: once a URL fails, later calls start at the next
 * one instead of paying the failure again. Racing updates are harmless (they only move it on).
 */
public final class HttpTransport {
  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      V1_JSON + ", application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";

  private final ClientConfig config;
  private final HttpClient http;
  private final List<URI> urls;
  private final AtomicInteger current = new AtomicInteger();
  private final OAuthTokens tokens;

  public HttpTransport(ClientConfig config) {
    this.config = config;
    this.urls = config.urls();
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(config.connectTimeout())
        // The registry speaks HTTP/1.1; asking for h2c would add an upgrade round to every call.
        .version(HttpClient.Version.HTTP_1_1);
    SSLContext ssl = SslContexts.create(config.ssl());
    if (ssl != null) {
      builder.sslContext(ssl);
    }
    SSLParameters parameters = SslContexts.parameters(config.ssl());
    if (parameters != null) {
      builder.sslParameters(parameters);
    }
    // Built before the proxy is set: the token endpoint is the identity provider's, which the
    // registry's proxy.host need not reach (Confluent's client goes there directly too).
    this.tokens = config.oauth() == null ? null
        : new OAuthTokens(config.oauth(), builder.build(), config.readTimeout());
    if (config.proxy() != null) {
      builder.proxy(ProxySelector.of(config.proxy()));
    }
    this.http = builder.build();
    if (config.randomizeUrls()) {
      // Spreads many clients with one shared URL list over the registries; failover goes on from there.
      current.set(ThreadLocalRandom.current().nextInt(urls.size()));
    }
  }

  /** Sends {@code method path} with an optional JSON body and returns the parsed JSON answer. */
  public JsonNode send(String method, String path, JsonNode body) throws IOException, RestClientException {
    byte[] bytes = body == null ? null : Json.MAPPER.writeValueAsBytes(body);
    // Once per call, outside the URL loop: a token the endpoint refuses is no reason to try
    // another registry.
    String authorization = tokens == null ? config.authorization() : "Bearer " + tokens.token();
    int attempts = Math.max(config.maxRetries() + 1, urls.size());
    Failure last = null;
    for (int attempt = 0; attempt < attempts; attempt++) {
      if (attempt >= urls.size()) {
        pause(attempt - urls.size());
      }
      int index = current.get();
      URI base = urls.get(Math.floorMod(index, urls.size()));
      try {
        HttpResponse<byte[]> response = http.send(request(base, method, path, bytes, authorization),
            HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() < 500) {
          return answer(response);
        }
        last = new Failure(base, null, error(response));
      } catch (IOException e) {
        last = new Failure(base, e, null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while calling the schema registry at " + base);
      }
      current.compareAndSet(index, index + 1);
    }
    if (last.error != null) {
      throw last.error;
    }
    throw new IOException("schema registry unreachable after " + attempts + " attempts (" + urls
        + "); last error from " + last.url + ": " + last.cause, last.cause);
  }

  private record Failure(URI url, IOException cause, RestClientException error) {}

  private HttpRequest request(URI base, String method, String path, byte[] body, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(config.readTimeout())
        .header("Accept", ACCEPT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body != null) {
      request.header("Content-Type", V1_JSON);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    config.headers().forEach(request::setHeader);
    return request.build();
  }

  private static JsonNode answer(HttpResponse<byte[]> response) throws RestClientException {
    if (response.statusCode() >= 300) {
      throw error(response);
    }
    if (response.body().length == 0) {
      return NullNode.getInstance();
    }
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new RestClientException("the registry's answer is not JSON: " + e.getMessage(),
          response.statusCode(), RestClientException.UNREADABLE_RESPONSE);
    }
  }

  /** The registry's {@code {"error_code","message"}}; a body without one keeps the status as code. */
  private static RestClientException error(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      JsonNode node = Json.MAPPER.readTree(text);
      if (node != null && node.has("error_code")) {
        return new RestClientException(node.path("message").asText(""), status, node.get("error_code").asInt());
      }
    } catch (IOException notJson) {
      // fall through: a proxy's HTML page or an empty body
    }
    String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
    return new RestClientException("HTTP " + status + " from the registry: " + shown, status, status);
  }

  private void pause(int retry) throws InterruptedIOException {
    long wait = config.retryWait().toMillis() << Math.min(retry, 20);
    long capped = Math.min(wait, config.retryMaxWait().toMillis());
    try {
      Thread.sleep(Math.max(0, capped));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry the schema registry");
    }
  }
}
