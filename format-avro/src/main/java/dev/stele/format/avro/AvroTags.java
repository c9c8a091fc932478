package dev.stele.format.avro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.schema.SchemaEntity;
import dev.stele.schema.TagEdit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Schema tags in Avro: a {@code confluent:tags} list of strings on a record or a field, as the
 * Confluent registry writes them. An entity's path is the record's name, full or simple
 * ({@code com.x.User} or {@code User}), and for a field that name, a dot and the field's name. A
 * simple name matches a record of that name in any namespace; the first one found wins, searching
 * breadth-first from the top as Confluent does. A leading dot ({@code .User}) is Avro's way to
 * write a name in no namespace.
 */
final class AvroTags {
  static final String TAGS = "confluent:tags";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AvroTags() {}

  /** The canonical text with the edit applied (not yet canonical itself: the caller parses it). */
  static String apply(String canonical, TagEdit edit) {
    JsonNode root;
    try {
      root = JSON.readTree(canonical);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("canonical Avro text is not JSON", e);
    }
    for (SchemaEntity entity : edit.entities()) {
      ObjectNode node = find(root, entity);
      Set<String> tags = edit.apply(entity, current(node));
      if (tags.isEmpty()) {
        node.remove(TAGS);
      } else {
        ArrayNode list = node.putArray(TAGS);
        tags.forEach(list::add);
      }
    }
    return root.toString();
  }

  /** Tags on records and fields, keyed by full names, records before their fields. */
  static Map<SchemaEntity, Set<String>> inline(Schema schema) {
    Map<SchemaEntity, Set<String>> found = new LinkedHashMap<>();
    AvroFields.walk(schema, new AvroFields.Visitor() {
      @Override
      public void record(Schema record) {
        put(found, SchemaEntity.record(record.getFullName()), record.getObjectProp(TAGS));
      }

      @Override
      public void field(Schema record, Schema.Field field) {
        put(found, SchemaEntity.field(record.getFullName() + "." + field.name()), field.getObjectProp(TAGS));
      }
    });
    return found;
  }

  private static void put(Map<SchemaEntity, Set<String>> found, SchemaEntity entity, Object prop) {
    if (prop instanceof List<?> list && !list.isEmpty()) {
      Set<String> tags = new LinkedHashSet<>();
      list.forEach(tag -> tags.add(String.valueOf(tag)));
      found.put(entity, tags);
    }
  }

  private static List<String> current(ObjectNode node) {
    List<String> tags = new ArrayList<>();
    JsonNode list = node.get(TAGS);
    if (list != null && list.isArray()) {
      list.forEach(tag -> tags.add(tag.asText()));
    }
    return tags;
  }

  /** A node and the namespace its unqualified names are in. */
  private record Visit(JsonNode node, String namespace) {}

  private static ObjectNode find(JsonNode root, SchemaEntity entity) {
    String path = entity.path();
    boolean field = entity.type() == SchemaEntity.Type.SR_FIELD;
    int dot = path.lastIndexOf('.');
    String recordPath = field ? (dot > 0 ? path.substring(0, dot) : "") : path;
    if (recordPath.startsWith(".")) {
      recordPath = recordPath.substring(1); // Avro's spelling of a name in no namespace
    }
    String fieldName = field ? path.substring(dot + 1) : null;
    Deque<Visit> toVisit = new ArrayDeque<>();
    toVisit.add(new Visit(root, ""));
    while (!toVisit.isEmpty() && !recordPath.isEmpty()) {
      Visit visit = toVisit.removeFirst();
      JsonNode node = visit.node();
      if (node.isArray()) {
        node.forEach(branch -> toVisit.add(new Visit(branch, visit.namespace())));
        continue;
      }
      JsonNode type = node.get("type");
      if (!node.isObject() || type == null) {
        continue; // a type named by reference: its definition is elsewhere
      }
      if (!type.isTextual()) {
        toVisit.add(new Visit(type, visit.namespace()));
        continue;
      }
      switch (type.asText()) {
        case "record", "error" -> {
          String name = node.path("name").asText();
          String namespace = name.contains(".") ? name.substring(0, name.lastIndexOf('.'))
              : node.has("namespace") ? node.get("namespace").asText() : visit.namespace();
          String simple = name.substring(name.lastIndexOf('.') + 1);
          String fullName = namespace.isEmpty() ? simple : namespace + "." + simple;
          boolean named = recordPath.equals(fullName) || recordPath.equals(simple);
          if (named && !field) {
            return (ObjectNode) node;
          }
          for (JsonNode f : node.path("fields")) {
            if (named && fieldName.equals(f.path("name").asText()) && f.isObject()) {
              return (ObjectNode) f;
            }
            toVisit.add(new Visit(f.path("type"), namespace));
          }
        }
        case "array" -> toVisit.add(new Visit(node.path("items"), visit.namespace()));
        case "map" -> toVisit.add(new Visit(node.path("values"), visit.namespace()));
        default -> { }
      }
    }
    throw new IllegalArgumentException("No matching path '" + path + "' found in the schema");
  }
}
