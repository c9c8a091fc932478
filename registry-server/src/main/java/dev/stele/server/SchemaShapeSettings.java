package dev.stele.server;

import dev.stele.registry.model.SchemaLimits;
import java.util.Map;
import java.util.Set;

/**
 * The bounds on a submitted schema's shape (README "Limits"; the values' meaning is in
 * {@link SchemaLimits}), one {@code stele.schema.max.*} key each.
 */
final class SchemaShapeSettings {
  static final String JSON_DEPTH = "stele.schema.max.json.depth";
  static final String RECORD_DEPTH = "stele.schema.max.record.depth";
  static final String PROTOBUF_DEPTH = "stele.schema.max.protobuf.depth";
  static final String UNION_BRANCHES = "stele.schema.max.union.branches";
  static final String ENUM_SYMBOLS = "stele.schema.max.enum.symbols";
  static final String FIELDS = "stele.schema.max.fields";
  static final String COMBINATOR_WIDTH = "stele.schema.max.combinator.width";
  static final String REFERENCE_DEPTH = "stele.schema.max.reference.depth";
  static final Set<String> KEYS = Set.of(JSON_DEPTH, RECORD_DEPTH, PROTOBUF_DEPTH, UNION_BRANCHES,
      ENUM_SYMBOLS, FIELDS, COMBINATOR_WIDTH, REFERENCE_DEPTH);

  private SchemaShapeSettings() {}

  static SchemaLimits parse(Map<String, String> values) throws ConfigException {
    SchemaLimits d = SchemaLimits.DEFAULTS;
    return new SchemaLimits(positive(values, JSON_DEPTH, d.jsonDepth()),
        positive(values, RECORD_DEPTH, d.recordDepth()), positive(values, PROTOBUF_DEPTH, d.protobufDepth()),
        positive(values, UNION_BRANCHES, d.unionBranches()), positive(values, ENUM_SYMBOLS, d.enumSymbols()),
        positive(values, FIELDS, d.fields()), positive(values, COMBINATOR_WIDTH, d.combinatorWidth()),
        positive(values, REFERENCE_DEPTH, d.referenceDepth()));
  }

  private static int positive(Map<String, String> values, String key, int fallback) throws ConfigException {
    String text = values.get(key);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(key + "=" + text.trim() + " must be a positive whole number");
  }
}
