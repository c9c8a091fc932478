package dev.stele.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * Random and adversarial Avro schemas for HostileShapesAcceptanceTest: wide records, deep
 * nesting, recursive types and combinatorial unions, some of them past README's limits, and a
 * mutated next version of each. Every schema is a record named {@code Root}, so that a mutation
 * always has fields to work on.
 */
final class AvroShapes {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] PRIMITIVES = {"int", "long", "string", "bytes", "boolean",
      "double", "float", "null"};

  private final Random random;
  private int names;

  AvroShapes(Random random) {
    this.random = random;
  }

  /** One shape of the kind given (0 wide, 1 deep, 2 recursive, 3 combinatorial, 4 random). */
  ObjectNode shape(int kind) {
    names = 0;
    ObjectNode root = record("Root");
    ArrayNode fields = (ArrayNode) root.get("fields");
    switch (kind) {
      case 0 -> {
        // up to 12,000 fields: over stele.schema.max.fields (10,000) now and then
        int width = 100 + random.nextInt(random.nextInt(10) == 0 ? 12_000 : 3_000);
        for (int i = 0; i < width; i++) {
          fields.add(field("f" + i, NODES.textNode(primitive())));
        }
      }
      case 1 -> fields.add(field("deep", deep(20 + random.nextInt(200))));
      case 2 -> recursive(fields);
      // Past the union limit (refused unparsed), or up to 150 branches: a wider union that a
      // next version narrows costs Avro's SchemaCompatibility time quadratic in its width
      // (1,000 branches narrowed to 500: seconds), which the limit does not bound yet.
      case 3 -> fields.add(field("choice", union(random.nextInt(8) == 0
          ? 1_001 + random.nextInt(200) : 2 + random.nextInt(149))));
      default -> {
        for (int i = 1 + random.nextInt(20); i > 0; i--) {
          fields.add(field("r" + i, any(6)));
        }
      }
    }
    return root;
  }

  /** The next version: one random change, compatible or not, to a top-level field or the name. */
  ObjectNode mutate(ObjectNode schema) {
    ObjectNode next = schema.deepCopy();
    ArrayNode fields = (ArrayNode) next.get("fields");
    int at = random.nextInt(fields.size());
    switch (random.nextInt(7)) {
      case 0 -> fields.add(nullable("added", "string"));
      case 1 -> fields.add(field("required", NODES.textNode("string")));
      case 2 -> fields.remove(at);
      case 3 -> ((ObjectNode) fields.get(at)).put("type", "long");
      case 4 -> ((ObjectNode) fields.get(at)).put("type", "string");
      case 5 -> next.put("name", "Renamed");
      default -> ((ObjectNode) fields.get(at)).set("type", any(4));
    }
    if (fields.isEmpty()) {
      fields.add(field("last", NODES.textNode("int")));
    }
    return next;
  }

  /** Nesting of records, arrays and maps {@code depth} levels deep (past 200 JSON levels too). */
  private JsonNode deep(int depth) {
    JsonNode inner = NODES.textNode(primitive());
    for (int i = 0; i < depth; i++) {
      inner = switch (random.nextInt(3)) {
        case 0 -> NODES.objectNode().put("type", "array").set("items", inner);
        case 1 -> NODES.objectNode().put("type", "map").set("values", inner);
        default -> {
          ObjectNode record = record("D");
          ((ArrayNode) record.get("fields")).add(field("in", inner));
          yield record;
        }
      };
    }
    return inner;
  }

  /** A tree, a list and two mutually recursive records: every recursion through null or array. */
  private void recursive(ArrayNode fields) {
    ObjectNode tree = record("Tree");
    ArrayNode treeFields = (ArrayNode) tree.get("fields");
    treeFields.add(field("value", NODES.textNode(primitive())));
    treeFields.add(field("children", NODES.objectNode().put("type", "array")
        .put("items", tree.get("name").asText())));
    treeFields.add(nullable("parent", tree.get("name").asText()));
    fields.add(field("tree", tree));
    ObjectNode a = record("A");
    ObjectNode b = record("B");
    ((ArrayNode) b.get("fields")).add(nullable("a", a.get("name").asText()));
    ((ArrayNode) a.get("fields")).add(nullable("b", b));
    fields.add(field("pair", a));
    fields.add(nullable("again", a.get("name").asText()));
  }

  /** A union of {@code width} distinct branches: null, then named records, enums and fixeds. */
  private ArrayNode union(int width) {
    ArrayNode union = NODES.arrayNode().add("null");
    for (int i = 1; i < width; i++) {
      union.add(switch (random.nextInt(3)) {
        case 0 -> {
          ObjectNode r = record("U");
          ((ArrayNode) r.get("fields")).add(field("x", NODES.textNode(primitive())));
          yield r;
        }
        case 1 -> NODES.objectNode().put("type", "enum").put("name", name("E"))
            .set("symbols", NODES.arrayNode().add("A").add("B"));
        default -> NODES.objectNode().put("type", "fixed").put("name", name("F"))
            .put("size", 1 + random.nextInt(16));
      });
    }
    return union;
  }

  private JsonNode any(int budget) {
    if (budget <= 0 || random.nextInt(3) == 0) {
      return NODES.textNode(primitive());
    }
    return switch (random.nextInt(5)) {
      case 0 -> NODES.objectNode().put("type", "array").set("items", any(budget - 1));
      case 1 -> NODES.objectNode().put("type", "map").set("values", any(budget - 1));
      case 2 -> union(2 + random.nextInt(6));
      case 3 -> NODES.objectNode().put("type", "enum").put("name", name("E")).set("symbols",
          NODES.arrayNode().add("X").add("Y").add("Z"));
      default -> {
        ObjectNode record = record("R");
        for (int i = random.nextInt(5); i >= 0; i--) {
          ((ArrayNode) record.get("fields")).add(field("g" + i, any(budget - 1)));
        }
        yield record;
      }
    };
  }

  private ObjectNode record(String prefix) {
    ObjectNode record = NODES.objectNode().put("type", "record").put("name", name(prefix));
    record.set("fields", NODES.arrayNode());
    return record;
  }

  private String name(String prefix) {
    return prefix.equals("Root") ? prefix : prefix + names++;
  }

  private static ObjectNode field(String name, JsonNode type) {
    ObjectNode field = NODES.objectNode().put("name", name);
    field.set("type", type);
    return field;
  }

  private static ObjectNode nullable(String name, Object type) {
    ArrayNode union = NODES.arrayNode().add("null");
    if (type instanceof JsonNode node) {
      union.add(node);
    } else {
      union.add(type.toString());
    }
    ObjectNode field = field(name, union);
    field.set("default", NODES.nullNode());
    return field;
  }

  private String primitive() {
    return PRIMITIVES[random.nextInt(PRIMITIVES.length)];
  }
}
