package dev.stele.kms.hcvault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.kms.KmsHttp;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * One JSON POST to Vault's HTTP API and its answer, with the token and namespace headers Vault
 * documents ({@code X-Vault-Token}, {@code X-Vault-Namespace}), bounded in time by {@link KmsHttp}.
 * Vault's own error list ({@code {"errors": [...]}}) is kept for the message.
 */
final class VaultHttp {
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

  private final KmsHttp http = new KmsHttp("Vault");

  Answer post(URI uri, String token, String namespace, Map<String, String> body) throws GeneralSecurityException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("X-Vault-Token", List.of(token));
    }
    if (namespace != null) {
      headers.put("X-Vault-Namespace", List.of(namespace));
    }
    try {
      KmsHttp.Reply reply = http.post(uri, headers, JSON.writeValueAsBytes(body));
      return new Answer(reply.status(), readOrEmpty(reply.body()));
    } catch (IOException e) {
      throw new GeneralSecurityException("could not write a request to Vault: " + e.getMessage(), e);
    }
  }

  /** Vault answers JSON; a proxy in front of it may not, and then only the status tells. */
  private static JsonNode readOrEmpty(byte[] body) {
    try {
      return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
