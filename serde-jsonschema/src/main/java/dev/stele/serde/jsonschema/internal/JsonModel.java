package dev.stele.serde.jsonschema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.RuleKind;
import dev.stele.serde.rules.FieldContext;
import dev.stele.serde.rules.FieldTransform;
import dev.stele.serde.rules.FieldType;
import dev.stele.serde.rules.MessageModel;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.internal.FieldLeaf;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * JSON values (Jackson trees; the serdes turn POJOs into trees first) as rules see them, walked
 * along their JSON Schema: {@code properties}, {@code items}, {@code allOf}/{@code anyOf}/{@code oneOf}
 * and local {@code $ref}s ({@code #/...}). A field's path is {@code $.<property>} (array items
 * {@code $.list[0].x}), as in Confluent; its inline tags are the property schema's
 * {@code confluent:tags}. Transforms write into the tree in place.
 */
public final class JsonModel implements MessageModel {
  public static final String TAGS = "confluent:tags";
  private static final int MAX_DEPTH = 64;
  private final JsonNode schema;

  public JsonModel(JsonNode schema) {
    this.schema = schema;
  }

  @Override
  public String format() {
    return "JSON";
  }

  @Override
  public Object transformFields(RuleContext ctx, FieldTransform transform, Object message) throws RuleException {
    return walk(ctx, schema, "$", (JsonNode) message, transform, null, 0, false);
  }

  /**
   * Copies an object or array only when one of its members changes, and then only that node
   * (its other members shared with the source), so the nodes on the path to each changed field
   * are new and the rest is the application's, instead of a deep copy of the whole tree up front.
   */
  @Override
  public Object transformFieldsOfCopy(RuleContext ctx, FieldTransform transform, Object message)
      throws RuleException {
    return message instanceof JsonNode node ? walk(ctx, schema, "$", node, transform, null, 0, true)
        : transformFields(ctx, transform, copy(message));
  }

  private JsonNode walk(RuleContext ctx, JsonNode declared, String path, JsonNode value, FieldTransform transform,
      FieldContext field, int depth, boolean copy) throws RuleException {
    if (value == null || declared == null || !declared.isObject() || depth > MAX_DEPTH) {
      return value;
    }
    JsonNode resolved = resolve(declared);
    for (String combiner : new String[] {"allOf", "anyOf", "oneOf"}) {
      for (JsonNode branch : resolved.path(combiner)) {
        if (fits(resolve(branch), value)) {
          value = walk(ctx, branch, path, value, transform, field, depth + 1, copy);
          if (!combiner.equals("allOf")) {
            break;
          }
        }
      }
    }
    if (value.isObject() && resolved.has("properties")) {
      ObjectNode object = (ObjectNode) value;
      ObjectNode out = object;
      for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
        String name = property.getKey();
        JsonNode current = object.get(name);
        if (current == null) {
          continue;
        }
        JsonNode propertySchema = resolve(property.getValue());
        FieldContext child = ctx.field(out, path + "." + name, name, typeOf(propertySchema, current),
            inlineTags(property.getValue(), propertySchema));
        if (child == null) {
          continue;
        }
        JsonNode result = walk(ctx, propertySchema, path + "." + name, current, transform, child, depth + 1, copy);
        if (ctx.rule().kind() != RuleKind.CONDITION && result != current) {
          if (copy && out == object) {
            out = object.objectNode();
            out.setAll(object);
          }
          out.set(name, result);
        }
      }
      return out;
    }
    if (value.isArray() && resolved.has("items") && resolved.get("items").isObject()) {
      ArrayNode array = (ArrayNode) value;
      ArrayNode out = array;
      for (int i = 0; i < array.size(); i++) {
        JsonNode item = array.get(i);
        JsonNode result = walk(ctx, resolved.get("items"), path + "[" + i + "]", item, transform, field, depth + 1,
            copy);
        if (ctx.rule().kind() != RuleKind.CONDITION && result != item) {
          if (copy && out == array) {
            out = array.arrayNode(array.size()).addAll(array);
          }
          out.set(i, result);
        }
      }
      return out;
    }
    return leaf(ctx, resolved, value, transform, field);
  }

  private static JsonNode leaf(RuleContext ctx, JsonNode schema, JsonNode value, FieldTransform transform,
      FieldContext field) throws RuleException {
    FieldType type = typeOf(schema, value);
    if (field == null || !type.isPrimitive() || value.isContainerNode()) {
      return value;
    }
    return FieldLeaf.transform(ctx, field, type, value, JsonPlain::of, transform,
        (leaf, answer) -> JsonPlain.toNode(ctx, leaf, answer));
  }

  /** Follows a local {@code $ref} (a JSON pointer into this schema); other refs are left as they are. */
  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < MAX_DEPTH && current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#")) {
        return current;
      }
      JsonNode target = schema.at(ref.substring(1));
      if (target.isMissingNode()) {
        return current;
      }
      current = target;
    }
    return current;
  }

  private static boolean fits(JsonNode schema, JsonNode value) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return true;
    }
    if (type.isArray()) {
      for (JsonNode one : type) {
        if (kindMatches(one.asText(), value)) {
          return true;
        }
      }
      return false;
    }
    return kindMatches(type.asText(), value);
  }

  private static boolean kindMatches(String type, JsonNode value) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> false;
    };
  }

  static FieldType typeOf(JsonNode schema, JsonNode value) {
    if (schema.has("enum") || schema.has("const")) {
      return FieldType.ENUM;
    }
    if (schema.has("allOf") || schema.has("anyOf") || schema.has("oneOf")) {
      return FieldType.COMBINED;
    }
    JsonNode type = schema.get("type");
    String name = type == null ? null : type.isTextual() ? type.asText() : null;
    if (name == null && type != null && type.isArray()) {
      Set<String> nonNull = new LinkedHashSet<>();
      type.forEach(t -> {
        if (!"null".equals(t.asText())) {
          nonNull.add(t.asText());
        }
      });
      name = value != null && !value.isNull() && nonNull.size() == 1 ? nonNull.iterator().next() : null;
      if (name == null) {
        return FieldType.COMBINED;
      }
    }
    if (name == null) {
      name = value == null ? "" : value.isObject() ? "object" : value.isArray() ? "array" : value.isTextual()
          ? "string" : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number" : value.isBoolean()
          ? "boolean" : value.isNull() ? "null" : "";
    }
    return switch (name) {
      case "object" -> FieldType.RECORD;
      case "array" -> FieldType.ARRAY;
      case "string" -> FieldType.STRING;
      case "integer" -> FieldType.INT;
      case "number" -> FieldType.DOUBLE;
      case "boolean" -> FieldType.BOOLEAN;
      case "null" -> FieldType.NULL;
      default -> FieldType.COMBINED;
    };
  }

  private static Set<String> inlineTags(JsonNode declared, JsonNode resolved) {
    Set<String> tags = new LinkedHashSet<>();
    declared.path(TAGS).forEach(tag -> tags.add(tag.asText()));
    resolved.path(TAGS).forEach(tag -> tags.add(tag.asText()));
    return tags;
  }

  @Override
  public Object copy(Object message) {
    return message instanceof JsonNode node ? node.deepCopy() : message;
  }

  @Override
  public Object toPlain(Object value) {
    return value instanceof JsonNode node ? JsonPlain.of(node) : value;
  }
}
