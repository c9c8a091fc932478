package dev.stele.kms.hcvault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * One JSON POST to Vault's HTTP API and its answer, with the token and namespace headers Vault
 * documents ({@code X-Vault-Token}, {@code X-Vault-Namespace}). Bounded in time, so a Vault that
 * does not answer fails a wrap after {@link #REQUEST_TIMEOUT} instead of hanging the registry's
 * KMS pool or a producer. Vault's own error list ({@code {"errors": [...]}}) is kept for the message.
 */
final class VaultHttp {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A 2xx answer's body, or why not. */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status / 100 == 2;
    }

    boolean refused() {
      return status == 401 || status == 403;
    }

    /** Vault's {@code errors}, joined, else the status alone. */
    String errors() {
      JsonNode errors = body.path("errors");
      String joined = errors.isArray() ? StreamSupport.stream(errors.spliterator(), false)
          .map(JsonNode::asText).collect(Collectors.joining("; ")) : "";
      return "HTTP " + status + (joined.isEmpty() ? "" : ": " + joined);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  Answer post(URI uri, String token, String namespace, Map<String, String> body) throws GeneralSecurityException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("X-Vault-Token", token);
    }
    if (namespace != null) {
      request.header("X-Vault-Namespace", namespace);
    }
    try {
      request.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode parsed = response.body().length == 0 ? JSON.createObjectNode() : readOrEmpty(response.body());
      return new Answer(response.statusCode(), parsed);
    } catch (IOException e) {
      throw new GeneralSecurityException("could not reach Vault at " + uri.resolve("/") + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GeneralSecurityException("interrupted while waiting for Vault at " + uri.resolve("/"), e);
    }
  }

  /** Vault answers JSON; a proxy in front of it may not, and then only the status tells. */
  private static JsonNode readOrEmpty(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
