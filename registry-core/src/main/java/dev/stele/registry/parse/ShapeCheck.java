package dev.stele.registry.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.SchemaLimits;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks a submitted schema's shape against {@link SchemaLimits} before a format library parses
 * it: libraries parse and compare recursively and pairwise, so a union of ten thousand branches
 * or nesting thousands deep costs them minutes and gigabytes, while counting costs one pass here.
 * A text that is not JSON is left to the format, which words the syntax error itself.
 */
final class ShapeCheck {
  private final SchemaLimits limits;
  private final ObjectMapper json;

  ShapeCheck(SchemaLimits limits) {
    this.limits = limits;
    // Jackson refuses deeper nesting while reading, before any tree is built.
    this.json = new ObjectMapper(JsonFactory.builder().streamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(limits.jsonDepth()).build()).build());
  }

  SchemaLimits limits() {
    return limits;
  }

  /** @throws RegistryException 42201 naming the limit, where it was passed and its setting */
  void check(String type, String text) {
    switch (type) {
      case "AVRO" -> avro(tree(text), "", 0);
      case "JSON" -> jsonSchema(tree(text), "");
      case "PROTOBUF" -> protobufDepth(text);
      default -> { } // a format of its own: its parser is its own guard
    }
  }

  private JsonNode tree(String text) {
    try {
      return json.readTree(text);
    } catch (StreamConstraintsException e) {
      throw exceeded("JSON nesting deeper than " + limits.jsonDepth() + " levels", "",
          "stele.schema.max.json.depth");
    } catch (JsonProcessingException e) {
      return null; // not JSON: the format reports that in its own words
    }
  }

  /** An Avro schema: a name, a union (array) or a definition (object). */
  private void avro(JsonNode schema, String at, int records) {
    if (schema == null) {
      return;
    }
    if (schema.isArray()) {
      limit(schema.size(), limits.unionBranches(), "a union of " + schema.size() + " branches", at,
          "stele.schema.max.union.branches");
      for (int i = 0; i < schema.size(); i++) {
        avro(schema.get(i), at + "/" + i, records);
      }
      return;
    }
    if (!schema.isObject()) {
      return;
    }
    JsonNode type = schema.get("type");
    if (type != null && (type.isObject() || type.isArray())) {
      avro(type, at + "/type", records);
      return;
    }
    String kind = type == null ? "" : type.asText();
    switch (kind) {
      case "record", "error" -> record(schema, at, records + 1);
      case "enum" -> size(schema.get("symbols"), limits.enumSymbols(), "an enum of %d symbols", at + "/symbols",
          "stele.schema.max.enum.symbols");
      case "array" -> avro(schema.get("items"), at + "/items", records);
      case "map" -> avro(schema.get("values"), at + "/values", records);
      default -> { }
    }
  }

  private void record(JsonNode schema, String at, int depth) {
    limit(depth, limits.recordDepth(), "records nested " + depth + " deep", at, "stele.schema.max.record.depth");
    JsonNode fields = schema.get("fields");
    size(fields, limits.fields(), "a record of %d fields", at + "/fields", "stele.schema.max.fields");
    if (fields != null && fields.isArray()) {
      for (int i = 0; i < fields.size(); i++) {
        JsonNode field = fields.get(i);
        avro(field == null ? null : field.get("type"), at + "/fields/" + i + "/type", depth);
      }
    }
  }

  /** A JSON Schema: every object may hold subschemas under any keyword, so all are walked. */
  private void jsonSchema(JsonNode node, String at) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        jsonSchema(node.get(i), at + "/" + i);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
      size(node.get(combinator), limits.combinatorWidth(), combinator + " of %d subschemas",
          at + "/" + combinator, "stele.schema.max.combinator.width");
    }
    size(node.get("enum"), limits.enumSymbols(), "an enum of %d values", at + "/enum",
        "stele.schema.max.enum.symbols");
    JsonNode properties = node.get("properties");
    if (properties != null && properties.isObject()) {
      limit(properties.size(), limits.fields(), "an object of " + properties.size() + " properties",
          at + "/properties", "stele.schema.max.fields");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> child = it.next();
      jsonSchema(child.getValue(), at + "/" + escape(child.getKey()));
    }
  }

  /** Nesting of blocks ({@code {...}}) in a .proto text, outside comments and string literals. */
  private void protobufDepth(String text) {
    int depth = 0;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        line += count(text, i, end < 0 ? text.length() : end, '\n');
        i = end < 0 ? text.length() : end + 1;
      } else if (c == '"' || c == '\'') {
        i = endOfString(text, i, c);
      } else if (c == '{') {
        depth++;
        if (depth > limits.protobufDepth()) {
          throw exceeded("blocks nested more than " + limits.protobufDepth() + " deep", "line " + line,
              "stele.schema.max.protobuf.depth");
        }
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      }
    }
  }

  private static int endOfString(String text, int start, char quote) {
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n') {
        return i;
      }
    }
    return text.length();
  }

  private static int count(String text, int from, int to, char c) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private void size(JsonNode array, int limit, String what, String at, String setting) {
    if (array != null && array.isArray()) {
      limit(array.size(), limit, String.format(what, array.size()), at, setting);
    }
  }

  private static void limit(int value, int limit, String what, String at, String setting) {
    if (value > limit) {
      throw exceeded(what + " (at most " + limit + ")", at, setting);
    }
  }

  private static RegistryException exceeded(String what, String at, String setting) {
    String where = at.isEmpty() ? "" : " at " + at;
    return ErrorCode.INVALID_SCHEMA.exception("The schema exceeds a limit: " + what + where
        + "; the setting " + setting + " raises it");
  }

  /** A JSON pointer segment (RFC 6901). */
  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
