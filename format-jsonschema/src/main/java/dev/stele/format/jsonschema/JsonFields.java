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
    walk(root, (path, name, node) -> found.add(new SchemaField(path, name, type(node))));
    return found;
  }

  /** What {@link #walk} shows: a property, at its path, before the properties it holds. */
  @FunctionalInterface
  interface Visitor {
    void property(String path, String name, JsonNode node);
  }

  /** Every property under {@code root} (through {@code properties} and {@code items}), in order. */
  static void walk(JsonNode root, Visitor visitor) {
    walk(root, "", visitor, 0);
  }

  private static void walk(JsonNode node, String base, Visitor visitor, int depth) {
    if (depth > JsonText.MAX_DEPTH) {
      return;
    }
    JsonNode properties = node.get("properties");
    if (properties != null && properties.isObject()) {
      String object = base.isEmpty() ? "object" : base + ".object";
      properties.fields().forEachRemaining(e -> {
        String path = object + "." + e.getKey();
        visitor.property(path, e.getKey(), e.getValue());
        walk(e.getValue(), path, visitor, depth + 1);
      });
    }
    JsonNode items = node.get("items");
    if (items != null && items.isObject()) {
      walk(items, base.isEmpty() ? "array" : base + ".array", visitor, depth + 1);
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
