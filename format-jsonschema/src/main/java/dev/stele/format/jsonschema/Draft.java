package dev.stele.format.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON Schema drafts the registry understands, chosen by the root's {@code $schema}. An
 * unknown or missing {@code $schema} means draft 7, as in the Confluent registry.
 */
enum Draft {
  DRAFT_4("http://json-schema.org/draft-04/schema", "id"),
  DRAFT_6("http://json-schema.org/draft-06/schema", "$id"),
  DRAFT_7("http://json-schema.org/draft-07/schema", "$id"),
  DRAFT_2019_09("https://json-schema.org/draft/2019-09/schema", "$id"),
  DRAFT_2020_12("https://json-schema.org/draft/2020-12/schema", "$id");

  private static final List<String> ARRAY_KEYWORDS_4 =
      List.of("items", "additionalItems", "minItems", "maxItems", "uniqueItems");
  private static final List<String> OBJECT_KEYWORDS_4 = List.of("properties", "required",
      "minProperties", "maxProperties", "dependencies", "patternProperties", "additionalProperties");
  static final List<String> NUMBER_KEYWORDS =
      List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf");
  static final List<String> STRING_KEYWORDS = List.of("minLength", "maxLength", "pattern", "format");
  static final Set<String> COMBINERS = Set.of("allOf", "anyOf", "oneOf");

  private final String metaSchema;
  private final String idKeyword;

  Draft(String metaSchema, String idKeyword) {
    this.metaSchema = metaSchema;
    this.idKeyword = idKeyword;
  }

  /** The meta-schema's IRI, without the empty fragment. */
  String metaSchema() {
    return metaSchema;
  }

  /** {@code id} in draft 4, {@code $id} after. */
  String idKeyword() {
    return idKeyword;
  }

  boolean atLeast(Draft other) {
    return compareTo(other) >= 0;
  }

  /** The draft a schema declares; draft 7 when it declares none or one we do not know. */
  static Draft of(JsonNode root) {
    JsonNode declared = root.isObject() ? root.get("$schema") : null;
    if (declared == null || !declared.isTextual()) {
      return DRAFT_7;
    }
    String uri = strip(declared.asText());
    for (Draft draft : values()) {
      if (strip(draft.metaSchema).equals(uri)) {
        return draft;
      }
    }
    return DRAFT_7;
  }

  /** Scheme and empty fragment are spelled both ways in the wild; compare without them. */
  private static String strip(String uri) {
    String s = uri.trim().toLowerCase(Locale.ROOT);
    if (s.endsWith("#")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.replaceFirst("^https?://", "");
  }

  /** Keywords that make a schema without {@code type} an array schema. */
  List<String> arrayKeywords() {
    if (this == DRAFT_4) {
      return ARRAY_KEYWORDS_4;
    }
    if (atLeast(DRAFT_2019_09)) {
      return List.of("items", "additionalItems", "minItems", "maxItems", "uniqueItems", "contains",
          "prefixItems", "unevaluatedItems", "minContains", "maxContains");
    }
    return List.of("items", "additionalItems", "minItems", "maxItems", "uniqueItems", "contains");
  }

  /** Keywords that make a schema without {@code type} an object schema. */
  List<String> objectKeywords() {
    if (this == DRAFT_4) {
      return OBJECT_KEYWORDS_4;
    }
    if (atLeast(DRAFT_2019_09)) {
      return List.of("properties", "required", "minProperties", "maxProperties", "dependencies",
          "patternProperties", "additionalProperties", "propertyNames", "dependentRequired",
          "dependentSchemas", "unevaluatedProperties");
    }
    return List.of("properties", "required", "minProperties", "maxProperties", "dependencies",
        "patternProperties", "additionalProperties", "propertyNames");
  }
}
