package dev.stele.format.avro;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Avro 1.11's rules for names, applied to the schema JSON before Avro 1.12 builds the schema.
 *
 * <p>Why: the Confluent registry we match (7.9) parses with Avro 1.11, and 1.12 differs in ways
 * clients see. 1.12 accepts forward references and reports unknown names as an internal
 * {@code NullPointerException}; it also rejects namespaces that 1.11 accepted (such as
 * {@code "1ns"}). So we parse with 1.12 with its name validation off, and this walk, which visits
 * the JSON in the order 1.11's parser does, checks names and resolves references the 1.11 way,
 * with 1.11's messages.
 *
 * <p>Problems that both versions report alike (a record without fields, a duplicate enum symbol)
 * are only noted: the walk stops there and the caller lets Avro word them. One instance follows
 * one parser through the referenced schemas and then the main one, since they share names.
 */
final class LegacyNameRules {
  private static final Set<String> PRIMITIVES =
      Set.of("string", "bytes", "int", "long", "float", "double", "boolean", "null");

  private final Set<String> defined = new HashSet<>();
  private String space;

  /**
   * Walks one schema text's JSON.
   *
   * @return null when 1.11 would accept its names, else the problem 1.11 would have stopped at
   *     first, which Avro 1.12 is expected to report in its own (identical) words
   * @throws Problem (a {@link RuntimeException}) for a name problem only 1.11 reports this way
   */
  String check(JsonNode root) {
    space = null;
    try {
      walk(root);
      return null;
    } catch (Stop stop) {
      return stop.getMessage();
    }
  }

  /** A name problem in 1.11's words: the schema is invalid. */
  static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message, null, false, false);
    }
  }

  /** A structural problem: the walk cannot go on, and Avro will report it. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop(String message) {
      super(message, null, false, false);
    }
  }

  private void walk(JsonNode node) {
    if (node == null) {
      throw new Stop("Cannot parse <null> schema");
    } else if (node.isTextual()) {
      if (!isDefined(node.textValue())) {
        throw new Problem("Undefined name: " + node);
      }
    } else if (node.isArray()) {
      for (JsonNode branch : node) {
        walk(branch);
      }
    } else if (node.isObject()) {
      walkObject(node);
    } else {
      throw new Stop("Schema not yet supported: " + node);
    }
  }

  private void walkObject(JsonNode node) {
    String type = text(node, "type");
    if (type == null) {
      throw new Stop("No type: " + node);
    }
    boolean named = switch (type) {
      case "record", "error", "enum", "fixed" -> true;
      default -> false;
    };
    String savedSpace = space;
    Name name = null;
    if (named) {
      String explicitSpace = text(node, "namespace");
      String simple = text(node, "name");
      if (simple == null) {
        throw new Stop("No name in schema: " + node);
      }
      name = Name.of(simple, explicitSpace != null ? explicitSpace : space);
      space = name.space;
      if (PRIMITIVES.contains(name.full)) {
        throw new Stop("Schemas may not be named after primitives: " + name.full);
      }
    }
    if (!PRIMITIVES.contains(type) && !walkComplex(type, node, name)) {
      return; // a reference written as {"type": "Name"}: 1.11 ignores the rest of the object
    }
    space = savedSpace;
    if (named) {
      for (String alias : aliases(node)) {
        Name.of(alias, name.space); // 1.11 validates aliases of named types as names
      }
    }
  }

  /** Returns false when the object was a reference to a defined name. */
  private boolean walkComplex(String type, JsonNode node, Name name) {
    switch (type) {
      case "record", "error" -> {
        define(name);
        walkFields(node);
      }
      case "enum" -> {
        walkSymbols(node);
        define(name);
      }
      case "array" -> walk(required(node, "items", "Array has no items type"));
      case "map" -> walk(required(node, "values", "Map has no values type"));
      case "fixed" -> {
        JsonNode size = node.get("size");
        if (size == null || !size.isInt()) {
          throw new Stop("Invalid or no size: " + node);
        }
        if (size.intValue() < 0) {
          throw new Stop("Malformed data. Length is negative: " + size.intValue());
        }
        define(name);
      }
      default -> {
        if (defined.contains(Name.of(type, space).full)) {
          return false;
        }
        throw new Problem("Type not supported: " + type);
      }
    }
    return true;
  }

  private void walkFields(JsonNode record) {
    JsonNode fields = record.get("fields");
    if (fields == null || !fields.isArray()) {
      throw new Stop("Record has no fields: " + record);
    }
    for (JsonNode field : fields) {
      String fieldName = text(field, "name");
      if (fieldName == null) {
        throw new Stop("No field name: " + field);
      }
      JsonNode type = field.get("type");
      if (type == null) {
        throw new Stop("No field type: " + field);
      }
      if (type.isTextual() && !isDefined(type.textValue())) {
        throw new Problem(type + " is not a defined name. The type of the \"" + fieldName
            + "\" field must be a defined name or a {\"type\": ...} expression.");
      }
      walk(type);
      JsonNode order = field.get("order");
      if (order != null) {
        checkOrder(order);
      }
      validate(fieldName);
      aliases(field);
    }
  }

  private static void checkOrder(JsonNode order) {
    if (order.textValue() == null) {
      throw new Stop("Invalid field order: " + order);
    }
    String constant = order.textValue().toUpperCase(Locale.ENGLISH);
    if (!Set.of("ASCENDING", "DESCENDING", "IGNORE").contains(constant)) {
      throw new Stop("No enum constant org.apache.avro.Schema.Field.Order." + constant);
    }
  }

  private void walkSymbols(JsonNode node) {
    JsonNode symbols = node.get("symbols");
    if (symbols == null || !symbols.isArray()) {
      throw new Stop("Enum has no symbols: " + node);
    }
    Set<String> seen = new LinkedHashSet<>(); // ordered: the message lists the symbols
    for (JsonNode symbol : symbols) {
      String text = validate(symbol.textValue());
      if (!seen.add(text)) {
        throw new Stop("Duplicate enum symbol: " + text);
      }
    }
    String enumDefault = text(node, "default");
    if (enumDefault != null && !seen.contains(enumDefault)) {
      throw new Stop(
          "The Enum Default: " + enumDefault + " is not in the enum symbol set: " + seen);
    }
  }

  private static Iterable<String> aliases(JsonNode node) {
    JsonNode aliases = node.get("aliases");
    if (aliases == null) {
      return Set.of();
    }
    if (!aliases.isArray()) {
      throw new Stop("aliases not an array: " + node);
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode alias : aliases) {
      if (!alias.isTextual()) {
        throw new Stop("alias not a string: " + alias);
      }
      out.add(alias.textValue());
    }
    return out;
  }

  private void define(Name name) {
    if (!defined.add(name.full)) {
      throw new Problem("Can't redefine: " + name.full);
    }
  }

  /** 1.11 looks a name up in the current namespace, then in the null namespace. */
  private boolean isDefined(String reference) {
    if (PRIMITIVES.contains(reference)) {
      return true;
    }
    return defined.contains(Name.of(reference, space).full)
        || defined.contains(Name.of(reference, "").full);
  }

  private static JsonNode required(JsonNode node, String key, String error) {
    JsonNode value = node.get(key);
    if (value == null) {
      throw new Stop(error + ": " + node);
    }
    return value;
  }

  private static String text(JsonNode container, String key) {
    JsonNode value = container.get(key);
    return value != null ? value.textValue() : null;
  }

  /** Avro's name syntax; 1.11 checks the last part of a dotted name only, never the namespace. */
  static String validate(String name) {
    if (name == null) {
      throw new Problem("Null name");
    }
    if (name.isEmpty()) {
      throw new Problem("Empty name");
    }
    char first = name.charAt(0);
    if (!(Character.isLetter(first) || first == '_')) {
      throw new Problem("Illegal initial character: " + name);
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        throw new Problem("Illegal character in: " + name);
      }
    }
    return name;
  }

  /** A full name split the way 1.11 does: a dotted name carries its own namespace. */
  private record Name(String space, String full) {
    static Name of(String name, String defaultSpace) {
      int lastDot = name.lastIndexOf('.');
      String space = lastDot < 0 ? defaultSpace : name.substring(0, lastDot);
      String simple = validate(lastDot < 0 ? name : name.substring(lastDot + 1));
      if (space != null && space.isEmpty()) {
        space = null;
      }
      return new Name(space, space == null ? simple : space + "." + simple);
    }
  }
}
