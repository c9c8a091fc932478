package dev.stele.format.jsonschema;

import dev.stele.format.jsonschema.SchemaNode.EmptySchema;
import dev.stele.format.jsonschema.SchemaNode.FalseSchema;

/**
 * The keywords that say what a content model accepts beyond the members it names:
 * {@code additional*} (2019-09 and before) and {@code unevaluated*} (2019-09 on), for properties
 * and for items. Each reports the same four kinds: added, removed, extended, narrowed.
 */
enum OpenKeyword {
  ADDITIONAL_PROPERTIES("additionalProperties"), ADDITIONAL_ITEMS("additionalItems"),
  UNEVALUATED_PROPERTIES("unevaluatedProperties"), UNEVALUATED_ITEMS("unevaluatedItems");

  private final String keyword;
  private final ChangeKind added;
  private final ChangeKind removed;
  private final ChangeKind extended;
  private final ChangeKind narrowed;

  OpenKeyword(String keyword) {
    this.keyword = keyword;
    KindFamily kinds = KindFamily.of(name(), "EXTENDED", "NARROWED");
    this.added = kinds.added();
    this.removed = kinds.removed();
    this.extended = kinds.grown();
    this.narrowed = kinds.shrunk();
  }

  /**
   * An {@code additional*} keyword: a boolean ({@code permits}, with a null schema) or a schema.
   */
  void compareAdditional(DiffContext ctx, boolean permitsBefore, SchemaNode before,
      boolean permitsAfter, SchemaNode after) {
    ctx.at(keyword, () -> {
      if (permitsBefore != permitsAfter) {
        ctx.add(permitsAfter ? added : removed);
      } else if (before == null && after != null) {
        ctx.add(narrowed);
      } else if (before != null && after == null) {
        ctx.add(extended);
      } else {
        SchemaDiff.compare(ctx, before, after);
      }
    });
  }

  /** An {@code unevaluated*} keyword: absent (null), {@code false}, {@code {}} or a schema. */
  void compareUnevaluated(DiffContext ctx, SchemaNode original, SchemaNode update) {
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
}
