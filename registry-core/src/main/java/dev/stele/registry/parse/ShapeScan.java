package dev.stele.registry.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.SchemaLimits;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The shape limits of an Avro or JSON Schema text, checked over Jackson's tokens as they are read:
 * nothing of the text is built but the names of keys, so a union of 10,001 branches costs a token
 * scan rather than a tree of 10,001 objects (issue 17: what hostile requests allocate before they
 * are refused is what stalls the readers).
 *
 * <p>The answer is the one a walk of the whole tree gives, first problem in the walk's order: a
 * container's own count before anything inside it, then its children in order. Keys may come in
 * any order, so an object's role (a record's {@code fields}, an enum's {@code symbols}) is only
 * known at its end: what each candidate key's value would break is kept until then, and the
 * object's {@code type} picks. Each method returns the first problem of the value the parser is
 * on (null: none), having read that value to its end.
 */
final class ShapeScan {
  private final JsonParser p;
  private final SchemaLimits limits;

  private ShapeScan(JsonParser parser, SchemaLimits limits) {
    this.p = parser;
    this.limits = limits;
  }

  /** The first problem of the Avro schema the parser is at (its first token read), or null. */
  static RegistryException avro(JsonParser parser, SchemaLimits limits) throws IOException {
    Problem problem = new ShapeScan(parser, limits).avro(0);
    return problem == null ? null : problem.exception();
  }

  /** The same for a JSON Schema. */
  static RegistryException jsonSchema(JsonParser parser, SchemaLimits limits) throws IOException {
    Problem problem = new ShapeScan(parser, limits).json(false).problem;
    return problem == null ? null : problem.exception();
  }

  /**
   * A limit passed, where (a JSON pointer relative to the value it was found in: the path is
   * built on the way out, for the one problem answered, not for every value scanned).
   */
  private record Problem(String what, String at, String setting) {
    static Problem of(String what, int limit, String at, String setting) {
      return new Problem(what + " (at most " + limit + ")", at, setting);
    }

    static Problem under(Problem problem, String segment) {
      return problem == null ? null : new Problem(problem.what, "/" + segment + problem.at, problem.setting);
    }

    static Problem under(Problem problem, int index) {
      return problem == null ? null : under(problem, Integer.toString(index));
    }

    RegistryException exception() {
      return ShapeCheck.exceeded(what, at, setting);
    }
  }

  /** An Avro schema: a name, a union (array) or a definition (object). */
  private Problem avro(int records) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_ARRAY) {
      int n = 0;
      Problem first = null;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        first = first != null ? skip(first) : Problem.under(avro(records), n);
        n++;
      }
      if (n > limits.unionBranches()) {
        return Problem.of("a union of " + n + " branches", limits.unionBranches(), "",
            "stele.schema.max.union.branches");
      }
      return first;
    }
    return token == JsonToken.START_OBJECT ? avroObject(records) : null;
  }

  /** A definition: its {@code type} (known only at its end) says which key's problems count. */
  private Problem avroObject(int records) throws IOException {
    String kind = "";
    Problem wrapped = null;
    boolean wrapper = false;
    Problem fields = null;
    Problem symbols = null;
    Problem items = null;
    Problem values = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken value = p.nextToken();
      switch (key) {
        case "type" -> {
          wrapper = value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY;
          wrapped = wrapper ? Problem.under(avro(records), "type") : null;
          kind = wrapper ? "" : kind(value);
        }
        case "fields" -> fields = fields(records + 1);
        case "symbols" -> symbols = count(value, limits.enumSymbols(), "an enum of %d symbols",
            "/symbols", "stele.schema.max.enum.symbols");
        case "items" -> items = Problem.under(avro(records), "items");
        case "values" -> values = Problem.under(avro(records), "values");
        default -> p.skipChildren();
      }
    }
    if (wrapper) {
      return wrapped;
    }
    return switch (kind) {
      case "record", "error" -> records + 1 > limits.recordDepth()
          ? Problem.of("records nested " + (records + 1) + " deep", limits.recordDepth(), "",
              "stele.schema.max.record.depth")
          : fields;
      case "enum" -> symbols;
      case "array" -> items;
      case "map" -> values;
      default -> null;
    };
  }

  private static final String[] KINDS = {"record", "error", "enum", "array", "map"};

  /**
   * The kind a {@code type} names when it is one whose contents are checked, else "": matched on
   * the parser's characters, so that the type of each of 10,000 branches is no new string.
   */
  private String kind(JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_STRING) {
      return "";
    }
    char[] text = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    for (String kind : KINDS) {
      if (same(kind, text, offset, length)) {
        return kind;
      }
    }
    return "";
  }

  private static boolean same(String kind, char[] text, int offset, int length) {
    if (kind.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (kind.charAt(i) != text[offset + i]) {
        return false;
      }
    }
    return true;
  }

  /** A record's fields at {@code depth}: their count, then each field's type. */
  private Problem fields(int depth) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    int n = 0;
    Problem first = null;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (first != null) {
        p.skipChildren();
      } else {
        Problem inField = field(depth);
        first = inField == null ? null : Problem.under(inField, "fields/" + n + "/type");
      }
      n++;
    }
    if (n > limits.fields()) {
      return Problem.of("a record of " + n + " fields", limits.fields(), "/fields",
          "stele.schema.max.fields");
    }
    return first;
  }

  /** A field: the problem of its type, relative to the type. */
  private Problem field(int depth) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    Problem type = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      boolean isType = p.currentName().equals("type");
      p.nextToken();
      if (isType) {
        type = avro(depth); // a repeated key: the last counts, as in a tree
      } else {
        p.skipChildren();
      }
    }
    return type;
  }

  /** An array's length against a limit (nothing when the value is no array). */
  private Problem count(JsonToken value, int limit, String what, String at, String setting)
      throws IOException {
    if (value != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      p.skipChildren();
      n++;
    }
    return n > limit ? Problem.of(String.format(what, n), limit, at, setting) : null;
  }

  /** What a JSON Schema value breaks, and how many distinct keys or elements it has. */
  private record Scanned(Problem problem, int size) {}

  private static final String[] COMBINATORS = {"allOf", "anyOf", "oneOf"};

  /**
   * A JSON Schema value: every object may hold subschemas under any keyword, so all are walked.
   * An object's own counts (combinators, enum, properties) come before its children's problems.
   */
  private Scanned json(boolean distinctKeys) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_ARRAY) {
      int n = 0;
      Problem first = null;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        first = first != null ? skip(first) : Problem.under(json(false).problem, n);
        n++;
      }
      return new Scanned(first, n);
    }
    if (token != JsonToken.START_OBJECT) {
      return new Scanned(null, 0);
    }
    int[] combinators = {-1, -1, -1};
    int enumSize = -1;
    int properties = -1;
    Problem first = null;
    Set<String> keys = distinctKeys ? new HashSet<>() : null;
    int n = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken value = p.nextToken();
      if (keys != null) {
        keys.add(key);
      }
      n++;
      boolean isArray = value == JsonToken.START_ARRAY;
      Scanned child;
      if (first == null) {
        child = json(key.equals("properties"));
        first = child.problem == null ? null : Problem.under(child.problem, escape(key));
      } else {
        child = new Scanned(first, sizeOf(value, key.equals("properties")));
      }
      int i = combinator(key);
      if (i >= 0) {
        combinators[i] = isArray ? child.size : -1;
      } else if (key.equals("enum")) {
        enumSize = isArray ? child.size : -1;
      } else if (key.equals("properties")) {
        properties = value == JsonToken.START_OBJECT ? child.size : -1;
      }
    }
    for (int i = 0; i < COMBINATORS.length; i++) {
      if (combinators[i] > limits.combinatorWidth()) {
        return own(COMBINATORS[i] + " of " + combinators[i] + " subschemas", limits.combinatorWidth(),
            "/" + COMBINATORS[i], "stele.schema.max.combinator.width", keys, n);
      }
    }
    if (enumSize > limits.enumSymbols()) {
      return own("an enum of " + enumSize + " values", limits.enumSymbols(), "/enum",
          "stele.schema.max.enum.symbols", keys, n);
    }
    if (properties > limits.fields()) {
      return own("an object of " + properties + " properties", limits.fields(), "/properties",
          "stele.schema.max.fields", keys, n);
    }
    return new Scanned(first, keys != null ? keys.size() : n);
  }

  private static int combinator(String key) {
    for (int i = 0; i < COMBINATORS.length; i++) {
      if (COMBINATORS[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static Scanned own(String what, int limit, String at, String setting, Set<String> keys,
      int n) {
    return new Scanned(Problem.of(what, limit, at, setting), keys != null ? keys.size() : n);
  }

  /** The size of a value whose problems no longer matter (one was found before it). */
  private int sizeOf(JsonToken value, boolean distinctKeys) throws IOException {
    int n = 0;
    if (value == JsonToken.START_ARRAY) {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
        n++;
      }
    } else if (value == JsonToken.START_OBJECT) {
      Set<String> keys = distinctKeys ? new HashSet<>() : null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        if (keys != null) {
          keys.add(p.currentName());
        }
        p.nextToken();
        p.skipChildren();
        n++;
      }
      return keys != null ? keys.size() : n;
    }
    return n;
  }

  /** Reads past the current value, keeping the problem already found. */
  private Problem skip(Problem found) throws IOException {
    p.skipChildren();
    return found;
  }

  /** A JSON pointer segment (RFC 6901). */
  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
