package dev.stele.format.jsonschema;

import dev.stele.format.jsonschema.SchemaNode.EmptySchema;
import dev.stele.format.jsonschema.SchemaNode.FalseSchema;

/**
 * {@code unevaluatedProperties} and {@code unevaluatedItems} (2019-09 on): the same four kinds
 * as their {@code additional*} cousins, and part of deciding how open a content model is.
 */
final class Unevaluated {
  private Unevaluated() {}

  static void compare(DiffContext ctx, String keyword, SchemaNode original, SchemaNode update,
      ChangeKind added, ChangeKind removed, ChangeKind extended, ChangeKind narrowed) {
    if (original == null && update == null) {
      return;
    }
    ctx.at(keyword, () -> {
      if (original == null) {
        ctx.add(update instanceof FalseSchema ? removed : narrowed);
      } else if (update == null) {
        ctx.add(original instanceof FalseSchema ? added : extended);
      } else if (original instanceof FalseSchema && !(update instanceof FalseSchema)) {
        ctx.add(added);
      } else if (!(original instanceof FalseSchema) && update instanceof FalseSchema) {
        ctx.add(removed);
      } else if (original instanceof EmptySchema && !(update instanceof EmptySchema)) {
        ctx.add(narrowed);
      } else if (!(original instanceof EmptySchema) && update instanceof EmptySchema) {
        ctx.add(extended);
      } else {
        SchemaDiff.compare(ctx, original, update);
      }
    });
  }

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
