package dev.stele.format.jsonschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.schema.SchemaEntity;
import dev.stele.schema.TagEdit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schema tags in JSON Schema: a {@code confluent:tags} list on a (sub)schema, as the Confluent
 * registry writes them. A path walks the schema from the root by keyword, as Confluent spells it:
 * {@code object} enters an object (alone, it is that object), followed by a property name (or
 * {@code definitions}/{@code $defs} and a definition name; names may contain dots); {@code array}
 * enters {@code items}; {@code not} enters {@code not}; {@code anyof}, {@code allof} and
 * {@code oneof} take the index of a branch. So {@code object.a} is property {@code a} of the
 * root, and {@code object.a.array.object.b} property {@code b} of the items of {@code a}.
 * (Confluent numbers branches after sorting them; here a branch's index is its position.)
 */
final class JsonTags {
  static final String TAGS = "confluent:tags";

  private JsonTags() {}

  static String apply(String canonical, TagEdit edit) {
    JsonNode root;
    try {
      root = JsonText.read(canonical);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("canonical JSON Schema text is not JSON", e);
    }
    for (SchemaEntity entity : edit.entities()) {
      JsonNode found = find(root, entity.type(), new ArrayDeque<>(List.of(entity.path().split("\\.", -1))));
      if (!(found instanceof ObjectNode node)) {
        throw new IllegalArgumentException("No matching path '" + entity.path() + "' found in the schema");
      }
      Set<String> current = new LinkedHashSet<>();
      node.path(TAGS).forEach(tag -> current.add(tag.asText()));
      Set<String> tags = edit.apply(entity, current);
      if (tags.isEmpty()) {
        node.remove(TAGS);
      } else {
        ArrayNode list = node.putArray(TAGS);
        tags.forEach(list::add);
      }
    }
    return JsonText.write(root);
  }

  /** The root's tags as the record {@code object}, and the tags of properties found under it. */
  static Map<SchemaEntity, Set<String>> inline(JsonNode root) {
    Map<SchemaEntity, Set<String>> found = new LinkedHashMap<>();
    put(found, SchemaEntity.record("object"), root);
    JsonFields.walk(root, (path, name, node) -> put(found, SchemaEntity.field(path), node));
    return found;
  }

  private static void put(Map<SchemaEntity, Set<String>> found, SchemaEntity entity, JsonNode node) {
    JsonNode tags = node.get(TAGS);
    if (tags != null && tags.isArray() && !tags.isEmpty()) {
      Set<String> names = new LinkedHashSet<>();
      tags.forEach(tag -> names.add(tag.asText()));
      found.put(entity, names);
    }
  }

  private static JsonNode find(JsonNode node, SchemaEntity.Type type, Deque<String> path) {
    String keyword = path.poll();
    if (node == null || keyword == null) {
      return null;
    }
    JsonNode next;
    switch (keyword) {
      case "object" -> {
        if (path.isEmpty()) {
          return type == SchemaEntity.Type.SR_RECORD ? node : null;
        }
        String word = path.peek();
        if (word.equals("definitions") || word.equals("$defs")) {
          path.poll();
          next = member(node.get(word), path);
        } else {
          next = member(node.get("properties"), path);
        }
        if (next == null || path.isEmpty()) {
          return next;
        }
      }
      case "array" -> next = node.get("items");
      case "not" -> next = node.get("not");
      case "anyof", "allof", "oneof" -> {
        String index = path.poll();
        JsonNode branches = node.get(keyword.equals("anyof") ? "anyOf" : keyword.equals("allof") ? "allOf" : "oneOf");
        if (index == null || branches == null || !index.matches("\\d{1,9}")) {
          return null;
        }
        next = branches.get(Integer.parseInt(index));
      }
      default -> {
        return null;
      }
    }
    return find(next, type, path);
  }

  /** The member of {@code map} named by the path's next words, joined by dots until one exists. */
  private static JsonNode member(JsonNode map, Deque<String> path) {
    if (map == null || !map.isObject() || path.isEmpty()) {
      return null;
    }
    StringBuilder name = new StringBuilder(path.poll());
    while (!map.has(name.toString()) && !path.isEmpty()) {
      name.append('.').append(path.poll());
    }
    return map.get(name.toString());
  }
}
