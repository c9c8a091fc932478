package dev.stele.kms.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.stele.kms.KmsHttp;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;

/**
 * One call of Cloud KMS's REST API ({@code POST v1/{name}:encrypt} or {@code :decrypt}, JSON with
 * base64 fields) and its answer, bounded in time by {@link KmsHttp}. Google's error body
 * ({@code {"error": {"code", "message", "status"}}}) is kept for the message.
 */
final class CloudKmsHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: its status, and its JSON body (missing when it was not JSON, say from a proxy). */
  record Answer(KmsHttp.Reply reply, JsonNode body) {
    /** Google's status and message, else the HTTP status alone. */
    String reason() {
      JsonNode error = body.path("error");
      String status = error.path("status").asText("");
      String message = error.path("message").asText("");
      return "HTTP " + reply.status() + (status.isEmpty() ? "" : " " + status) + (message.isEmpty() ? "" : ": " + message);
    }
  }

  private final KmsHttp http = new KmsHttp("Cloud KMS");

  Answer post(URI uri, Map<String, List<String>> headers, Map<String, String> body) throws GeneralSecurityException {
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new GeneralSecurityException("could not write a request to Cloud KMS: " + e.getMessage(), e);
    }
    KmsHttp.Reply reply = http.post(uri, headers, json);
    return new Answer(reply, parsed(reply.body()));
  }

  /** Google answers JSON; a proxy in front of it may not, and then only the status tells. */
  private static JsonNode parsed(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
