package dev.stele.kms.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One call of Cloud KMS's REST API ({@code POST v1/{name}:encrypt} or {@code :decrypt}, JSON with
 * base64 fields) and its answer. Bounded in time, so a KMS that does not answer fails a wrap after
 * {@link #REQUEST_TIMEOUT} instead of hanging the registry's KMS pool or a producer. Google's error
 * body ({@code {"error": {"code", "message", "status"}}}) is kept for the message.
 */
final class CloudKmsHttp {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: its status and JSON body (empty when the body was not JSON). */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status / 100 == 2;
    }

    /** Unauthenticated or not allowed: the credentials or their IAM roles, not the key or the data. */
    boolean refused() {
      return status == 401 || status == 403;
    }

    /** Google's status and message, else the HTTP status alone. */
    String reason() {
      JsonNode error = body.path("error");
      String status = error.path("status").asText("");
      String message = error.path("message").asText("");
      return "HTTP " + this.status + (status.isEmpty() ? "" : " " + status) + (message.isEmpty() ? "" : ": " + message);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  Answer post(URI uri, Map<String, List<String>> headers, Map<String, String> body) throws GeneralSecurityException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json");
    headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    try {
      request.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), readOrEmpty(response.body()));
    } catch (IOException e) {
      throw new GeneralSecurityException("could not reach Cloud KMS at " + uri.resolve("/") + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GeneralSecurityException("interrupted while waiting for Cloud KMS at " + uri.resolve("/"), e);
    }
  }

  /** Google answers JSON; a proxy in front of it may not, and then only the status tells. */
  private static JsonNode readOrEmpty(byte[] body) {
    try {
      return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
