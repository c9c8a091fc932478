package dev.stele.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Random;

/**
 * Random and adversarial JSON Schemas for HostileShapesAcceptanceTest: wide objects, deep
 * nesting, recursive {@code $ref}s and nested combinators, some past README's limits, and a
 * mutated next version of each. Every schema is an object with {@code properties}, so that a
 * mutation always has properties to work on.
 */
final class JsonShapes {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] TYPES = {"string", "integer", "number", "boolean", "null"};
  private static final String[] COMBINATORS = {"anyOf", "oneOf", "allOf"};

  private final Random random;

  JsonShapes(Random random) {
    this.random = random;
  }

  /** One shape of the kind given (0 wide, 1 deep, 2 recursive, 3 combinatorial, 4 random). */
  ObjectNode shape(int kind) {
    ObjectNode root = object();
    ObjectNode properties = (ObjectNode) root.get("properties");
    switch (kind) {
      case 0 -> {
        // up to 12,000 properties: over stele.schema.max.fields (10,000) now and then
        int width = 100 + random.nextInt(random.nextInt(10) == 0 ? 12_000 : 3_000);
        for (int i = 0; i < width; i++) {
          properties.set("p" + i, leaf());
        }
      }
      case 1 -> properties.set("deep", deep(20 + random.nextInt(120)));
      case 2 -> recursive(root);
      case 3 -> properties.set("choice", random.nextInt(8) == 0
          ? combinator(1, 1_001 + random.nextInt(200)) // past the combinator limit
          : combinator(1 + random.nextInt(3), 2 + random.nextInt(11)));
      default -> {
        for (int i = 1 + random.nextInt(20); i > 0; i--) {
          properties.set("r" + i, any(6));
        }
      }
    }
    return root;
  }

  /** The next version: one random change, compatible or not, to a top-level property. */
  ObjectNode mutate(ObjectNode schema) {
    ObjectNode next = schema.deepCopy();
    ObjectNode properties = (ObjectNode) next.get("properties");
    String name = someName(properties);
    switch (random.nextInt(7)) {
      case 0 -> properties.set("added", leaf());
      case 1 -> properties.remove(name);
      case 2 -> next.set("required", NODES.arrayNode().add(name));
      case 3 -> next.put("additionalProperties", false);
      case 4 -> properties.set(name, NODES.objectNode().put("type", "string").put("maxLength", 3));
      case 5 -> properties.set(name, any(4));
      default -> properties.set(name, combinator(2, 4));
    }
    return next;
  }

  /** Objects, arrays and combinators nested {@code depth} levels (past 200 JSON levels too). */
  private JsonNode deep(int depth) {
    JsonNode inner = leaf();
    for (int i = 0; i < depth; i++) {
      ObjectNode outer = NODES.objectNode();
      switch (random.nextInt(3)) {
        case 0 -> {
          outer.put("type", "object");
          outer.set("properties", NODES.objectNode().set("in", inner));
        }
        case 1 -> outer.put("type", "array").set("items", inner);
        default -> outer.set(COMBINATORS[random.nextInt(3)], NODES.arrayNode().add(inner));
      }
      inner = outer;
    }
    return inner;
  }

  /** A tree through {@code definitions}, a self-reference to the root, and a mutual pair. */
  private void recursive(ObjectNode root) {
    ObjectNode definitions = NODES.objectNode();
    ObjectNode node = object();
    ((ObjectNode) node.get("properties")).set("value", leaf());
    ((ObjectNode) node.get("properties")).set("children", NODES.objectNode()
        .put("type", "array").set("items", ref("#/definitions/node")));
    definitions.set("node", node);
    ObjectNode a = object();
    ((ObjectNode) a.get("properties")).set("b", ref("#/definitions/b"));
    ObjectNode b = object();
    ((ObjectNode) b.get("properties")).set("a", NODES.objectNode().set("anyOf",
        NODES.arrayNode().add(ref("#/definitions/a")).add(NODES.objectNode().put("type", "null"))));
    definitions.set("a", a);
    definitions.set("b", b);
    root.set("definitions", definitions);
    ObjectNode properties = (ObjectNode) root.get("properties");
    properties.set("tree", ref("#/definitions/node"));
    properties.set("pair", ref("#/definitions/a"));
    properties.set("self", ref("#"));
  }

  /** Combinators nested {@code depth} deep, each of {@code width} subschemas. */
  private JsonNode combinator(int depth, int width) {
    if (depth == 0) {
      return leaf(); // not any(): its own combinators would nest without end
    }
    ArrayNode branches = NODES.arrayNode();
    for (int i = 0; i < width; i++) {
      branches.add(combinator(depth - 1, width));
    }
    return NODES.objectNode().set(COMBINATORS[random.nextInt(3)], branches);
  }

  private JsonNode any(int budget) {
    if (budget <= 0 || random.nextInt(3) == 0) {
      return leaf();
    }
    return switch (random.nextInt(4)) {
      case 0 -> NODES.objectNode().put("type", "array").set("items", any(budget - 1));
      case 1 -> combinator(1, 2 + random.nextInt(4));
      case 2 -> NODES.objectNode().set("enum", NODES.arrayNode().add("x").add(1).add(true));
      default -> {
        ObjectNode object = object();
        for (int i = random.nextInt(5); i >= 0; i--) {
          ((ObjectNode) object.get("properties")).set("g" + i, any(budget - 1));
        }
        yield object;
      }
    };
  }

  private ObjectNode leaf() {
    ObjectNode leaf = NODES.objectNode().put("type", TYPES[random.nextInt(TYPES.length)]);
    if (random.nextBoolean() && leaf.get("type").asText().equals("string")) {
      leaf.put("maxLength", 1 + random.nextInt(100));
    }
    return leaf;
  }

  private static ObjectNode object() {
    ObjectNode object = NODES.objectNode().put("type", "object");
    object.set("properties", NODES.objectNode());
    return object;
  }

  private static ObjectNode ref(String target) {
    return NODES.objectNode().put("$ref", target);
  }

  private String someName(ObjectNode properties) {
    int at = properties.isEmpty() ? 0 : random.nextInt(properties.size());
    Iterator<String> names = properties.fieldNames();
    String name = "none";
    for (int i = 0; i <= at && names.hasNext(); i++) {
      name = names.next();
    }
    return name;
  }
}
