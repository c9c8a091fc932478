package dev.stele.registry.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.SchemaLimits;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The token scan answers what a walk of the whole tree answered before it (the walk is kept here
 * as the oracle, as it was in ShapeCheck): the same first problem, in the same words, on
 * generated Avro and JSON Schema texts with keys in any order, unknown keys holding look-alike
 * arrays, wrappers, unions in unions and several problems at once. And it builds nothing: a
 * union of 10,001 branches is refused for far less than its tree.
 */
class ShapeScanTest {
  private static final SchemaLimits SMALL = new SchemaLimits(30, 3, 3, 4, 5, 6, 4, 2);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ShapeCheck check = new ShapeCheck(SMALL);

  @Test
  void avroAnswersAsTheTreeWalkDid() throws Exception {
    Random random = new Random(17);
    int refused = 0;
    for (int i = 0; i < 3_000; i++) {
      String text = avro(random, 0);
      String expected = TreeWalk.avro(MAPPER.readTree(text), SMALL);
      assertThat(scanned("AVRO", text)).as(text).isEqualTo(expected);
      refused += expected == null ? 0 : 1;
    }
    // Both answers occur often enough for the comparison to mean something.
    assertThat(refused).isBetween(300, 2_700);
  }

  @Test
  void jsonSchemaAnswersAsTheTreeWalkDid() throws Exception {
    Random random = new Random(18);
    int refused = 0;
    for (int i = 0; i < 3_000; i++) {
      String text = json(random, 0);
      String expected = TreeWalk.json(MAPPER.readTree(text), SMALL);
      assertThat(scanned("JSON", text)).as(text).isEqualTo(expected);
      refused += expected == null ? 0 : 1;
    }
    assertThat(refused).isBetween(300, 2_700);
  }

  @Test
  void theRoleOfAKeyComesFromTheTypeWhereverItIs() {
    String symbols = IntStream.range(0, 6).mapToObj(i -> "\"S" + i + "\"")
        .collect(Collectors.joining(",", "[", "]"));
    assertThat(scanned("AVRO", "{\"symbols\":" + symbols + ",\"name\":\"E\",\"type\":\"enum\"}"))
        .isEqualTo("an enum of 6 symbols (at most 5) at /symbols");
    assertThat(scanned("AVRO", "{\"symbols\":" + symbols + ",\"name\":\"F\",\"type\":\"fixed\","
        + "\"size\":1}")).isNull();
    assertThat(scanned("AVRO", "{\"type\":\"enum\",\"symbols\":" + symbols + ",\"type\":\"fixed\"}"))
        .as("a repeated key: the last counts").isNull();
  }

  @Test
  void aWideUnionIsRefusedWithoutBuildingIt() {
    ShapeCheck defaults = new ShapeCheck(SchemaLimits.DEFAULTS);
    String union = "{\"type\":\"record\",\"name\":\"W\",\"fields\":[{\"name\":\"u\",\"type\":["
        + IntStream.range(0, 10_001).mapToObj(i -> "{\"type\":\"fixed\",\"name\":\"H" + i
            + "\",\"size\":1}").collect(Collectors.joining(",")) + "]}]}";
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    String message = null;
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 3; round++) { // the least of three: the first loads classes
      long before = threads.getCurrentThreadAllocatedBytes();
      try {
        defaults.check("AVRO", union);
      } catch (RegistryException e) {
        message = e.getMessage();
      }
      least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
    }
    assertThat(message).contains("a union of 10001 branches (at most 700) at /fields/0/type");
    // The tree of 10,001 objects took about 5 MB; the scan keeps key names and a path or two.
    assertThat(least).isLessThan(200_000);
  }

  private String scanned(String type, String text) {
    try {
      check.check(type, text);
      return null;
    } catch (RegistryException e) {
      String message = e.getMessage();
      return message.substring("The schema exceeds a limit: ".length(), message.indexOf("; the setting"));
    }
  }

  // Generators: small limits (4 branches, 5 symbols, 6 fields, depth 3), sizes around them.

  private static String avro(Random random, int depth) {
    int pick = depth > 5 ? random.nextInt(2) : random.nextInt(8);
    return switch (pick) {
      case 0 -> "\"int\"";
      case 1 -> "{\"type\":\"string\"" + extra(random) + "}";
      case 2, 3 -> list(random.nextInt(7), i -> avro(random, depth + 1)); // a union
      case 4 -> object(random, "\"type\":\"record\"", "\"name\":\"R\"",
          "\"fields\":" + list(random.nextInt(9), i -> field(random, depth)));
      case 5 -> object(random, "\"type\":\"enum\"", "\"symbols\":" + list(random.nextInt(8), i -> "\"S" + i + "\""));
      case 6 -> object(random, "\"type\":" + (random.nextBoolean() ? "\"array\"" : "\"map\""),
          "\"items\":" + avro(random, depth + 1), "\"values\":" + avro(random, depth + 1));
      default -> object(random, "\"type\":" + avro(random, depth + 1), "\"fields\":"
          + list(random.nextInt(9), i -> "1")); // a wrapper: only its type counts
    };
  }

  private static String field(Random random, int depth) {
    return random.nextInt(10) == 0 ? "[1]"
        : object(random, "\"name\":\"f\"", "\"type\":" + avro(random, depth + 1));
  }

  private static String json(Random random, int depth) {
    if (depth > 4 || random.nextInt(4) == 0) {
      return random.nextBoolean() ? "{}" : "true";
    }
    List<String> members = new ArrayList<>();
    for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
      if (random.nextInt(3) == 0) {
        members.add("\"" + combinator + "\":" + list(random.nextInt(6), i -> json(random, depth + 1)));
      }
    }
    if (random.nextInt(3) == 0) {
      members.add("\"enum\":" + list(random.nextInt(8), i -> Integer.toString(i)));
    }
    if (random.nextInt(2) == 0) {
      // Repeated names count once, as in a tree.
      members.add("\"properties\":{" + IntStream.range(0, random.nextInt(9))
          .mapToObj(i -> "\"p" + (i % 7) + "\":" + json(random, depth + 1))
          .collect(Collectors.joining(",")) + "}");
    }
    if (random.nextInt(3) == 0) {
      members.add("\"items\":" + (random.nextBoolean() ? json(random, depth + 1)
          : list(random.nextInt(3), i -> json(random, depth + 1))));
    }
    if (random.nextInt(4) == 0) {
      members.add("\"a/b~\":" + json(random, depth + 1));
    }
    Collections.shuffle(members, random);
    return "{" + String.join(",", members) + "}";
  }

  /** Members in a random order, with a look-alike key of no role now and then. */
  private static String object(Random random, String... members) {
    List<String> all = new ArrayList<>(List.of(members));
    if (random.nextInt(4) == 0) {
      all.add("\"doc\":{\"fields\":[1,2,3,4,5,6,7,8],\"type\":\"record\"}");
    }
    if (random.nextInt(4) == 0) {
      all.add("\"symbols\":[1,2,3,4,5,6,7,8,9]");
    }
    Collections.shuffle(all, random);
    return "{" + String.join(",", all) + "}";
  }

  private static String extra(Random random) {
    return random.nextBoolean() ? ",\"fields\":[1,2,3,4,5,6,7,8]" : "";
  }

  private static String list(int n, java.util.function.IntFunction<String> element) {
    return IntStream.range(0, n).mapToObj(element).collect(Collectors.joining(",", "[", "]"));
  }

  /** The walk of the whole tree that ShapeCheck made before the scan: the oracle. */
  private static final class TreeWalk {
    private final SchemaLimits limits;
    private String first;

    private TreeWalk(SchemaLimits limits) {
      this.limits = limits;
    }

    static String avro(JsonNode schema, SchemaLimits limits) {
      TreeWalk walk = new TreeWalk(limits);
      walk.avro(schema, "", 0);
      return walk.first;
    }

    static String json(JsonNode schema, SchemaLimits limits) {
      TreeWalk walk = new TreeWalk(limits);
      walk.json(schema, "");
      return walk.first;
    }

    private void avro(JsonNode schema, String at, int records) {
      if (schema == null || first != null) {
        return;
      }
      if (schema.isArray()) {
        limit(schema.size(), limits.unionBranches(), "a union of " + schema.size() + " branches", at);
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
        case "record", "error" -> {
          int depth = records + 1;
          limit(depth, limits.recordDepth(), "records nested " + depth + " deep", at);
          JsonNode fields = schema.get("fields");
          size(fields, limits.fields(), "a record of %d fields", at + "/fields");
          if (fields != null && fields.isArray()) {
            for (int i = 0; i < fields.size(); i++) {
              avro(fields.get(i).get("type"), at + "/fields/" + i + "/type", depth);
            }
          }
        }
        case "enum" -> size(schema.get("symbols"), limits.enumSymbols(), "an enum of %d symbols", at + "/symbols");
        case "array" -> avro(schema.get("items"), at + "/items", records);
        case "map" -> avro(schema.get("values"), at + "/values", records);
        default -> { }
      }
    }

    private void json(JsonNode node, String at) {
      if (node == null || first != null) {
        return;
      }
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          json(node.get(i), at + "/" + i);
        }
        return;
      }
      if (!node.isObject()) {
        return;
      }
      for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
        size(node.get(combinator), limits.combinatorWidth(), combinator + " of %d subschemas",
            at + "/" + combinator);
      }
      size(node.get("enum"), limits.enumSymbols(), "an enum of %d values", at + "/enum");
      JsonNode properties = node.get("properties");
      if (properties != null && properties.isObject()) {
        limit(properties.size(), limits.fields(), "an object of " + properties.size() + " properties",
            at + "/properties");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> child = it.next();
        json(child.getValue(), at + "/" + child.getKey().replace("~", "~0").replace("/", "~1"));
      }
    }

    private void size(JsonNode array, int limit, String what, String at) {
      if (array != null && array.isArray()) {
        limit(array.size(), limit, String.format(what, array.size()), at);
      }
    }

    private void limit(int value, int limit, String what, String at) {
      if (value > limit && first == null) {
        first = what + " (at most " + limit + ")" + (at.isEmpty() ? "" : " at " + at);
      }
    }
  }
}
