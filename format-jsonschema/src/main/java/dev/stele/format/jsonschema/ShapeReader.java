package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.SchemaNode.Annotations.NONE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.format.jsonschema.SchemaNode.BooleanSchema;
import dev.stele.format.jsonschema.SchemaNode.CombinedSchema;
import dev.stele.format.jsonschema.SchemaNode.ConditionalSchema;
import dev.stele.format.jsonschema.SchemaNode.Criterion;
import dev.stele.format.jsonschema.SchemaNode.NullSchema;
import dev.stele.format.jsonschema.SchemaNode.NumberSchema;
import dev.stele.format.jsonschema.SchemaNode.StringSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The type-shaped parts of a schema object: one node per name in {@code type}, then (as the
 * Confluent loader does) one per kind whose keywords are present but not claimed by a type, so
 * {@code {"type":"integer","format":"int64"}} is an integer and a string part. Objects and arrays
 * are read by {@link ContainerReader}.
 */
final class ShapeReader {
  private final ModelLoader loader;
  private final ContainerReader containers;

  ShapeReader(ModelLoader loader) {
    this.loader = loader;
    this.containers = new ContainerReader(loader);
  }

  /** Which keyword families a {@code type} already turned into nodes. */
  private static final class Claimed {
    boolean array;
    boolean object;
    boolean number;
    boolean string;
  }

  void addShapes(JsonNode json, Scope scope, List<SchemaNode> parts) throws SchemaProblem {
    Claimed claimed = new Claimed();
    JsonNode type = json.get("type");
    if (type != null) {
      parts.add(typed(type, json, scope, claimed));
    }
    Draft draft = scope.draft();
    if (!claimed.array && hasAny(json, draft.arrayKeywords())) {
      parts.add(containers.array(json, scope));
    }
    if (!claimed.object && hasAny(json, draft.objectKeywords())) {
      parts.add(containers.object(json, scope));
    }
    if (!claimed.number && hasAny(json, Draft.NUMBER_KEYWORDS)) {
      parts.add(number(json, draft, false));
    }
    if (!claimed.string && hasAny(json, Draft.STRING_KEYWORDS)) {
      parts.add(string(json));
    }
    if (draft.atLeast(Draft.DRAFT_7) && hasAny(json, List.of("if", "then", "else"))) {
      parts.add(new ConditionalSchema(NONE, optional(json, "if", scope),
          optional(json, "then", scope), optional(json, "else", scope)));
    }
  }

  private SchemaNode typed(JsonNode type, JsonNode json, Scope scope, Claimed claimed)
      throws SchemaProblem {
    if (type.isTextual()) {
      return ofType(type.asText(), json, scope, claimed);
    }
    if (!type.isArray()) {
      throw new SchemaProblem("type must be a string or an array of strings");
    }
    List<SchemaNode> each = new ArrayList<>(type.size());
    for (JsonNode name : type) {
      if (!name.isTextual()) {
        throw new SchemaProblem("type must be a string or an array of strings");
      }
      each.add(ofType(name.asText(), json, scope, claimed));
    }
    return new CombinedSchema(NONE, Criterion.ANY_OF, each);
  }

  private SchemaNode ofType(String name, JsonNode json, Scope scope, Claimed claimed)
      throws SchemaProblem {
    switch (name) {
      case "string":
        claimed.string = true;
        return string(json);
      case "integer":
      case "number":
        claimed.number = true;
        return number(json, scope.draft(), name.equals("integer"));
      case "boolean":
        return new BooleanSchema(NONE);
      case "null":
        return new NullSchema(NONE);
      case "array":
        claimed.array = true;
        return containers.array(json, scope);
      case "object":
        claimed.object = true;
        return containers.object(json, scope);
      default:
        throw new SchemaProblem("\"" + name + "\" is not a valid type");
    }
  }

  private static StringSchema string(JsonNode json) throws SchemaProblem {
    JsonNode format = json.get("format");
    if (format != null && !format.isTextual()) {
      throw new SchemaProblem("format must be a string");
    }
    return new StringSchema(NONE, integer(json, "minLength"), integer(json, "maxLength"),
        pattern(json.get("pattern")));
  }

  private static NumberSchema number(JsonNode json, Draft draft, boolean integer)
      throws SchemaProblem {
    BigDecimal multipleOf = decimal(json, "multipleOf");
    if (multipleOf != null && multipleOf.signum() == 0) {
      throw new SchemaProblem("multipleOf should not be 0");
    }
    BigDecimal exclusiveMinimum = null;
    BigDecimal exclusiveMaximum = null;
    if (draft == Draft.DRAFT_4) {
      // Draft 4 spells exclusivity as a flag on minimum/maximum; there is no limit to compare.
      bool(json, "exclusiveMinimum");
      bool(json, "exclusiveMaximum");
    } else {
      exclusiveMinimum = decimal(json, "exclusiveMinimum");
      exclusiveMaximum = decimal(json, "exclusiveMaximum");
    }
    return new NumberSchema(NONE, decimal(json, "minimum"), decimal(json, "maximum"),
        exclusiveMinimum, exclusiveMaximum, multipleOf, integer);
  }

  private SchemaNode optional(JsonNode json, String keyword, Scope scope) throws SchemaProblem {
    JsonNode value = json.get(keyword);
    return value == null ? null : loader.node(value, scope);
  }

  static boolean hasAny(JsonNode json, List<String> keywords) {
    for (String keyword : keywords) {
      if (json.has(keyword)) {
        return true;
      }
    }
    return false;
  }

  /** A regular expression that compiles (Java's dialect, as the Confluent loader uses). */
  static String pattern(JsonNode value) throws SchemaProblem {
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw new SchemaProblem("a pattern must be a string");
    }
    try {
      Pattern.compile(value.asText());
      return value.asText();
    } catch (PatternSyntaxException | StackOverflowError e) {
      throw new SchemaProblem("pattern \"" + value.asText() + "\" is not a valid regular expression");
    }
  }

  /** A non-negative-or-not integer keyword (the meta-schema checks the range on register). */
  static Integer integer(JsonNode json, String keyword) throws SchemaProblem {
    BigDecimal value = decimal(json, keyword);
    if (value == null) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw new SchemaProblem(keyword + " must be an integer");
    }
  }

  static BigDecimal decimal(JsonNode json, String keyword) throws SchemaProblem {
    JsonNode value = json.get(keyword);
    if (value == null) {
      return null;
    }
    if (!value.isNumber() || value.isDouble() && !Double.isFinite(value.doubleValue())) {
      throw new SchemaProblem(keyword + " must be a number");
    }
    return value.decimalValue();
  }

  static boolean bool(JsonNode json, String keyword) throws SchemaProblem {
    JsonNode value = json.get(keyword);
    if (value != null && !value.isBoolean()) {
      throw new SchemaProblem(keyword + " must be a boolean");
    }
    return value != null && value.booleanValue();
  }
}
