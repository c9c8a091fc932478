package dev.stele.format.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A loaded schema, one typed node per kind of constraint. The shapes follow the model the
 * Confluent registry's compatibility diff works on (a schema with {@code type: object} is an
 * object schema; {@code type: [a, b]} is an {@code anyOf}; a schema that constrains several kinds
 * at once is a synthetic {@code allOf} of one node per kind), because that model decides which
 * change kinds a diff reports. Nodes are immutable except for a reference's target, which is set
 * once while loading so that recursive schemas can point back at themselves.
 *
 * <p>Records compare structurally, which is what de-duplicating the branches of a combined schema
 * needs; a {@link ReferenceSchema} compares by identity, which keeps that comparison finite.
 */
sealed interface SchemaNode {

  Annotations meta();

  /** What every kind of schema may carry; none of it changes what data is valid. */
  record Annotations(String id, String title, String description, JsonNode defaultValue) {
    static final Annotations NONE = new Annotations(null, null, null, null);

    boolean hasDefault() {
      return defaultValue != null;
    }
  }

  /** Accepts anything: {@code {}}, {@code true}, or an object with no constraint we model. */
  record EmptySchema(Annotations meta, boolean literalTrue) implements SchemaNode {}

  /** Accepts nothing: {@code false}. */
  record FalseSchema(Annotations meta) implements SchemaNode {}

  record StringSchema(Annotations meta, Integer minLength, Integer maxLength, String pattern)
      implements SchemaNode {}

  record NumberSchema(Annotations meta, BigDecimal minimum, BigDecimal maximum,
      BigDecimal exclusiveMinimum, BigDecimal exclusiveMaximum, BigDecimal multipleOf,
      boolean requiresInteger) implements SchemaNode {}

  record BooleanSchema(Annotations meta) implements SchemaNode {}

  record NullSchema(Annotations meta) implements SchemaNode {}

  /**
   * @param additional the schema of additional properties; null when the keyword is absent or a
   *     boolean ({@code permitsAdditional} then tells which)
   * @param unevaluated the {@code unevaluatedProperties} schema, null when absent
   */
  record ObjectSchema(Annotations meta, Map<String, SchemaNode> properties, List<String> required,
      Integer minProperties, Integer maxProperties, boolean permitsAdditional,
      SchemaNode additional, Map<String, SchemaNode> patternProperties,
      Map<String, List<String>> propertyDependencies, Map<String, SchemaNode> schemaDependencies,
      SchemaNode unevaluated) implements SchemaNode {}

  /**
   * @param allItems {@code items} as one schema; null when absent or a tuple
   * @param itemSchemas the tuple ({@code items} as an array, or {@code prefixItems}); empty if none
   */
  record ArraySchema(Annotations meta, SchemaNode allItems, List<SchemaNode> itemSchemas,
      boolean permitsAdditional, SchemaNode additional, SchemaNode unevaluated, Integer minItems,
      Integer maxItems, boolean uniqueItems, Integer minContains, Integer maxContains)
      implements SchemaNode {}

  record EnumSchema(Annotations meta, List<JsonNode> values) implements SchemaNode {}

  record ConstSchema(Annotations meta, JsonNode value) implements SchemaNode {}

  record CombinedSchema(Annotations meta, Criterion criterion, List<SchemaNode> subschemas)
      implements SchemaNode {}

  record NotSchema(Annotations meta, SchemaNode mustNotMatch) implements SchemaNode {}

  /** {@code if}/{@code then}/{@code else}: loaded (so it is validated) but not compared. */
  record ConditionalSchema(Annotations meta, SchemaNode ifSchema, SchemaNode thenSchema,
      SchemaNode elseSchema) implements SchemaNode {}

  /** The combining keywords, spelled as they appear in schemas and in diff paths. */
  enum Criterion {
    ALL_OF("allOf"), ANY_OF("anyOf"), ONE_OF("oneOf");

    private final String keyword;

    Criterion(String keyword) {
      this.keyword = keyword;
    }

    String keyword() {
      return keyword;
    }
  }

  /** A {@code $ref}; its target is resolved after the document is loaded. */
  final class ReferenceSchema implements SchemaNode {
    private final Annotations meta;
    private final String ref;
    private SchemaNode target;

    ReferenceSchema(Annotations meta, String ref) {
      this.meta = meta;
      this.ref = ref;
    }

    @Override
    public Annotations meta() {
      return meta;
    }

    String ref() {
      return ref;
    }

    /** The referred schema; set once by the loader before the model is shared. */
    SchemaNode target() {
      return target;
    }

    void resolveTo(SchemaNode resolved) {
      if (target != null) {
        throw new IllegalStateException("reference " + ref + " resolved twice");
      }
      target = resolved;
    }

    /** Follows references to the first node that is not one (the loader refuses ref cycles). */
    static SchemaNode deref(SchemaNode node) {
      SchemaNode at = node;
      while (at instanceof ReferenceSchema ref && ref.target != null) {
        at = ref.target;
      }
      return at;
    }

    @Override
    public String toString() {
      return "$ref:" + ref;
    }
  }
}
