package dev.stele.client.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.RegisteredSchema;
import dev.stele.client.RestClientException;
import dev.stele.client.SchemaDefinition;
import dev.stele.schema.SchemaReference;
import java.util.ArrayList;
import java.util.List;

/** The client's JSON: request bodies out, registry answers in. Unknown fields are ignored. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Json() {}

  /** A {@code RegisterSchemaRequest} (API.md §1.4); Avro's type is left out as old servers expect. */
  public static ObjectNode schemaRequest(SchemaDefinition schema) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("schema", schema.text());
    if (!SchemaDefinition.AVRO.equals(schema.type())) {
      body.put("schemaType", schema.type());
    }
    if (!schema.references().isEmpty()) {
      ArrayNode refs = body.putArray("references");
      for (SchemaReference ref : schema.references()) {
        refs.addObject().put("name", ref.name()).put("subject", ref.subject()).put("version", ref.version());
      }
    }
    ContractJson.write(body, schema.metadata(), schema.ruleSet());
    return body;
  }

  /** A {@code SchemaString} or {@code Schema} answer's schema part. */
  public static SchemaDefinition definition(JsonNode node) throws RestClientException {
    List<SchemaReference> refs = new ArrayList<>();
    for (JsonNode ref : node.path("references")) {
      refs.add(new SchemaReference(ref.path("name").asText(null), ref.path("subject").asText(null),
          ref.path("version").asInt(-1)));
    }
    return new SchemaDefinition(node.path("schemaType").asText(null), required(node, "schema").asText(), refs,
        ContractJson.metadata(node.get("metadata")), ContractJson.ruleSet(node.get("ruleSet")));
  }

  /**
   * A registration's answer: the id, and the whole version when the registry sent it (it does
   * when metadata or a rule set came into play), else null.
   */
  public static dev.stele.client.Registration registration(JsonNode node) throws RestClientException {
    int id = required(node, "id").asInt();
    SchemaDefinition schema = node.hasNonNull("schema") ? definition(node) : null;
    return new dev.stele.client.Registration(id, node.path("version").asInt(0), schema);
  }

  /** A {@code Schema} answer (GET version, lookup). */
  public static RegisteredSchema registered(JsonNode node) throws RestClientException {
    return new RegisteredSchema(required(node, "subject").asText(), required(node, "version").asInt(),
        required(node, "id").asInt(), definition(node));
  }

  public static List<Integer> ints(JsonNode node) {
    List<Integer> values = new ArrayList<>();
    node.forEach(item -> values.add(item.asInt()));
    return values;
  }

  /** A field the API promises; its absence is reported as Confluent's client does (50005). */
  public static JsonNode required(JsonNode node, String field) throws RestClientException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new RestClientException("the registry's answer has no '" + field + "': " + node, 200,
          RestClientException.UNREADABLE_RESPONSE);
    }
    return value;
  }
}
