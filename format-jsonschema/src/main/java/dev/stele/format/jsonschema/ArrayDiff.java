package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.ChangeKind.*;

import dev.stele.format.jsonschema.SchemaNode.ArraySchema;
import dev.stele.format.jsonschema.SchemaNode.EmptySchema;
import java.util.List;

/**
 * Array schemas: the schema of all items, the tuple (positional item schemas) under its content
 * model (open, closed by {@code additionalItems: false}, or partially open), and the counts.
 */
final class ArrayDiff {
  private ArrayDiff() {}

  static void compare(DiffContext ctx, ArraySchema original, ArraySchema update) {
    ctx.at("items", () -> SchemaDiff.compare(ctx, original.allItems(), update.allItems()));
    compareTuple(ctx, original, update);
    OpenKeyword.ADDITIONAL_ITEMS.compareAdditional(ctx, original.permitsAdditional(),
        original.additional(), update.permitsAdditional(), update.additional());
    OpenKeyword.UNEVALUATED_ITEMS.compareUnevaluated(ctx, original.unevaluated(),
        update.unevaluated());
    Limit.MAX_ITEMS.compare(ctx, original.maxItems(), update.maxItems());
    Limit.MIN_ITEMS.compare(ctx, original.minItems(), update.minItems());
    if (original.uniqueItems() != update.uniqueItems()) {
      ctx.add("uniqueItems", original.uniqueItems() ? UNIQUE_ITEMS_REMOVED : UNIQUE_ITEMS_ADDED);
    }
    Limit.MAX_CONTAINS.compare(ctx, original.maxContains(), update.maxContains());
    Limit.MIN_CONTAINS.compare(ctx, original.minContains(), update.minContains());
  }

  private static void compareTuple(DiffContext ctx, ArraySchema original, ArraySchema update) {
    List<SchemaNode> before = original.itemSchemas();
    List<SchemaNode> after = update.itemSchemas();
    int shared = Math.min(before.size(), after.size());
    for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
      int index = i;
      ctx.at("items", i, () -> {
        if (index < shared) {
          SchemaDiff.compare(ctx, before.get(index), after.get(index));
        } else if (index < before.size()) {
          Removal.ITEM.report(ctx, before.get(index), isOpen(update), () -> partialSchema(update));
        } else {
          added(ctx, after.get(index), original);
        }
      });
    }
  }

  /** A position the writer did not describe: under an open model it may hold anything. */
  private static void added(DiffContext ctx, SchemaNode item, ArraySchema original) {
    if (isOpen(original)) {
      ctx.add(item instanceof EmptySchema ? ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
          : ITEM_ADDED_TO_OPEN_CONTENT_MODEL);
      return;
    }
    SchemaNode partial = partialSchema(original);
    if (partial != null) {
      ctx.add(ObjectDiff.covered(ctx, partial, item)
          ? ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
          : ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
    } else {
      ctx.add(ITEM_ADDED_TO_CLOSED_CONTENT_MODEL);
    }
  }

  static boolean isOpen(ArraySchema schema) {
    return schema.permitsAdditional() && schema.additional() == null
        && Unevaluated.isOpen(schema.unevaluated());
  }

  private static SchemaNode partialSchema(ArraySchema schema) {
    if (schema.additional() != null) {
      return schema.additional();
    }
    return schema.permitsAdditional() ? Unevaluated.partialSchema(schema.unevaluated()) : null;
  }
}
