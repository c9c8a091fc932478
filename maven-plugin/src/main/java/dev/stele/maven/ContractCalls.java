package dev.stele.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.ClientConfig;
import dev.stele.client.CompatibilityCheck;
import dev.stele.client.RestClientException;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.internal.HttpTransport;
import dev.stele.client.internal.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls whose body may carry a subject's metadata and rule set, which the typed client's
 * {@link SchemaDefinition} has no room for: sent through the client's own transport, so auth, TLS,
 * headers, retries and failover are exactly the client's.
 */
final class ContractCalls {
  private final HttpTransport transport;

  ContractCalls(ClientConfig config) {
    this.transport = new HttpTransport(config);
  }

  /** A {@code RegisterSchemaRequest}: the client's own body, plus metadata and rule set when given. */
  static ObjectNode body(SchemaDefinition schema, ObjectNode metadata, ObjectNode ruleSet) {
    ObjectNode body = Json.schemaRequest(schema);
    if (metadata != null) {
      body.set("metadata", metadata);
    }
    if (ruleSet != null) {
      body.set("ruleSet", ruleSet);
    }
    return body;
  }

  record Registered(int id, int version) {}

  /** Registers (or finds) the schema. */
  Registered register(String subject, ObjectNode body, boolean normalize) throws IOException, RestClientException {
    JsonNode answer = transport.send("POST", "/subjects/" + segment(subject) + "/versions?normalize=" + normalize, body);
    int id = Json.required(answer, "id").asInt();
    // Registries before 7.x answer with the id only: the lookup gives the version.
    JsonNode version = answer.get("version");
    if (version == null || version.asInt() < 1) {
      version = Json.required(transport.send("POST", "/subjects/" + segment(subject) + "?normalize=" + normalize, body),
          "version");
    }
    return new Registered(id, version.asInt());
  }

  /** The registry's verbose verdict against the versions the subject's level selects. */
  CompatibilityCheck test(String subject, ObjectNode body) throws IOException, RestClientException {
    JsonNode answer = transport.send("POST", "/compatibility/subjects/" + segment(subject) + "/versions?verbose=true",
        body);
    List<String> messages = new ArrayList<>();
    answer.path("messages").forEach(message -> messages.add(message.asText()));
    return new CompatibilityCheck(Json.required(answer, "is_compatible").asBoolean(), messages);
  }

  private static String segment(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
