package dev.stele.format.jsonschema;

import dev.stele.format.jsonschema.SchemaNode.EmptySchema;
import dev.stele.format.jsonschema.SchemaNode.FalseSchema;

/**
 * {@code unevaluatedProperties} and {@code unevaluatedItems} (2019-09 on) as part of deciding how
 * open a content model is; their own differences are {@link OpenKeyword}'s.
 */
final class Unevaluated {
  private Unevaluated() {}

  /** Absent or accepting everything. */
  static boolean isOpen(SchemaNode unevaluated) {
    return unevaluated == null || unevaluated instanceof EmptySchema;
  }

  /** The schema unevaluated members must match, when it neither forbids nor allows all. */
  static SchemaNode partialSchema(SchemaNode unevaluated) {
    return unevaluated == null || unevaluated instanceof FalseSchema
        || unevaluated instanceof EmptySchema ? null : unevaluated;
  }
}
