package dev.stele.format.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.schema.SchemaField;
import java.util.ArrayList;
import java.util.List;

/**
 * The properties of a JSON schema for a search, at paths spelled as tags spell them
 * ({@code object.address.object.city}); a property's type is its {@code type} keyword (a list
 * joined with {@code |}), else its {@code $ref}, else what its shape says ({@code object},
 * {@code array}), else {@code any}.
 */
final class JsonFields {
  private JsonFields() {}

  static List<SchemaField> of(JsonNode root) {
    List<SchemaField> found = new ArrayList<>();
    collect(root, "", found, 0);
    return found;
  }

  private static void collect(JsonNode node, String base, List<SchemaField> found, int depth) {
    if (depth > JsonText.MAX_DEPTH) {
      return;
    }
    JsonNode properties = node.get("properties");
    if (properties != null && properties.isObject()) {
      String object = base.isEmpty() ? "object" : base + ".object";
      properties.fields().forEachRemaining(e -> {
        String path = object + "." + e.getKey();
        found.add(new SchemaField(path, e.getKey(), type(e.getValue())));
        collect(e.getValue(), path, found, depth + 1);
      });
    }
    JsonNode items = node.get("items");
    if (items != null && items.isObject()) {
      collect(items, base.isEmpty() ? "array" : base + ".array", found, depth + 1);
    }
  }

  private static String type(JsonNode node) {
    JsonNode type = node.get("type");
    if (type != null && type.isTextual()) {
      JsonNode items = node.get("items");
      return type.asText().equals("array") && items != null && items.isObject() ? "array<" + type(items) + ">" : type.asText();
    }
    if (type != null && type.isArray()) {
      List<String> names = new ArrayList<>();
      type.forEach(t -> names.add(t.asText()));
      return String.join("|", names);
    }
    JsonNode ref = node.get("$ref");
    if (ref != null && ref.isTextual()) {
      return ref.asText();
    }
    if (node.has("properties")) {
      return "object";
    }
    return node.has("items") ? "array" : "any";
  }
}
