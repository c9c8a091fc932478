package dev.stele.format.avro;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random Avro schemas rich in unions, and a "next version" of each made by replaying the same
 * random choices with a few of them changed, so that the two are alike enough for their check to
 * go deep (same names, same fields) yet differ somewhere: a branch more or less, another name, an
 * alias, a promoted primitive, a fixed of another size, a field without its default.
 *
 * <p>Names come from a small vocabulary so that branches, aliases and references collide; a named
 * type defined once is referenced by name afterwards, which makes shared and recursive types (one
 * Java object met at several places, as Avro's checker remembers them).
 */
final class SchemaPairGenerator {
  private static final String[] PRIMITIVES =
      {"null", "boolean", "int", "long", "float", "double", "bytes", "string"};
  private static final String[] NAMES = {"A", "B", "C", "D", "n.A", "n.E"};

  private final Random random;
  private final List<Integer> choices;
  private final double changeRate;
  private int replayed;
  private final Set<String> defined = new HashSet<>();

  private SchemaPairGenerator(Random random, List<Integer> choices, double changeRate) {
    this.random = random;
    this.choices = choices;
    this.changeRate = changeRate;
  }

  /** A schema and its next version (changeRate of the choices made anew), as JSON texts. */
  static String[] pair(long seed, double changeRate) {
    List<Integer> choices = new ArrayList<>();
    String first = new SchemaPairGenerator(new Random(seed), choices, 0).type(0);
    SchemaPairGenerator next = new SchemaPairGenerator(new Random(~seed), choices, changeRate);
    next.replayed = 0;
    return new String[] {first, next.type(0)};
  }

  /** A choice in [0, bound): recorded the first time, replayed (mostly) the second. */
  private int choose(int bound) {
    if (changeRate == 0) {
      int choice = random.nextInt(bound);
      choices.add(choice);
      return choice;
    }
    int at = replayed++;
    if (at < choices.size() && random.nextDouble() >= changeRate) {
      return Math.floorMod(choices.get(at), bound);
    }
    return random.nextInt(bound);
  }

  private String type(int depth) {
    int kind = choose(depth > 3 ? 3 : 10);
    return switch (kind) {
      case 0, 1 -> '"' + PRIMITIVES[choose(PRIMITIVES.length)] + '"';
      case 2 -> named(depth);
      case 3, 4 -> union(depth);
      case 5 -> "{\"type\":\"array\",\"items\":" + type(depth + 1) + "}";
      case 6 -> "{\"type\":\"map\",\"values\":" + type(depth + 1) + "}";
      default -> record(depth);
    };
  }

  /** An enum, a fixed or a record; a name already defined is a reference (maybe a recursion). */
  private String named(int depth) {
    int kind = choose(3);
    return kind == 2 && depth <= 3 ? record(depth) : kind == 0 ? enumType() : fixed();
  }

  private String enumType() {
    String name = NAMES[choose(NAMES.length)];
    if (!defined.add(name)) {
      return '"' + name + '"';
    }
    List<String> symbols = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      if (choose(3) > 0 || i == 3 && symbols.isEmpty()) {
        symbols.add("\"S" + i + '"');
      }
    }
    String defaultSymbol = choose(4) == 0 ? ",\"default\":" + symbols.get(0) : "";
    return "{\"type\":\"enum\",\"name\":\"" + name + '"' + aliases() + ",\"symbols\":"
        + symbols + defaultSymbol + "}";
  }

  private String fixed() {
    String name = NAMES[choose(NAMES.length)];
    if (!defined.add(name)) {
      return '"' + name + '"';
    }
    return "{\"type\":\"fixed\",\"name\":\"" + name + '"' + aliases() + ",\"size\":"
        + (1 + choose(2)) + "}";
  }

  private String record(int depth) {
    String name = NAMES[choose(NAMES.length)];
    if (!defined.add(name)) {
      return '"' + name + '"';
    }
    StringBuilder fields = new StringBuilder();
    int count = 1 + choose(4);
    for (int i = 0; i < count; i++) {
      String type = type(depth + 1);
      String alias = choose(6) == 0 ? ",\"aliases\":[\"f" + choose(count) + "\"]" : "";
      fields.append(i == 0 ? "" : ",").append("{\"name\":\"f").append(i).append("\",\"type\":")
          .append(type).append(alias).append(defaultFor(type)).append('}');
    }
    return "{\"type\":\"record\",\"name\":\"" + name + '"' + aliases() + ",\"fields\":[" + fields
        + "]}";
  }

  /** A default for the simple types it is easy to write one for, sometimes none. */
  private String defaultFor(String type) {
    if (choose(3) == 0) {
      return "";
    }
    String value = switch (type) {
      case "\"null\"" -> "null";
      case "\"int\"", "\"long\"", "\"float\"", "\"double\"" -> "0";
      case "\"string\"", "\"bytes\"" -> "\"\"";
      case "\"boolean\"" -> "false";
      default -> type.startsWith("[\"null\"") ? "null" : null;
    };
    return value == null ? "" : ",\"default\":" + value;
  }

  private String aliases() {
    return choose(4) == 0 ? ",\"aliases\":[\"" + NAMES[choose(NAMES.length)] + "\"]" : "";
  }

  /** Up to twelve branches; a branch that would repeat a type or name already there is left out. */
  private String union(int depth) {
    int count = 1 + choose(12);
    Set<String> keys = new HashSet<>();
    List<String> branches = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String branch = choose(2) == 0 ? '"' + PRIMITIVES[choose(PRIMITIVES.length)] + '"'
          : choose(4) == 0 ? (choose(2) == 0 ? "{\"type\":\"array\",\"items\":"
              : "{\"type\":\"map\",\"values\":") + type(depth + 1) + "}"
          : named(depth + 1);
      if (keys.add(key(branch))) {
        branches.add(branch);
      }
    }
    return branches.toString();
  }

  /** What makes two branches of one union the same for Avro: the type, or the name. */
  private static String key(String branch) {
    if (branch.startsWith("{\"type\":\"array\"")) {
      return "array";
    }
    if (branch.startsWith("{\"type\":\"map\"")) {
      return "map";
    }
    int name = branch.indexOf("\"name\":\"");
    return name < 0 ? branch.replace("\"", "")
        : branch.substring(name + 8, branch.indexOf('"', name + 8));
  }
}
