package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.ChangeKind.*;

import dev.stele.format.jsonschema.SchemaNode.FalseSchema;
import java.util.function.Supplier;

/**
 * A property or an array item the reader no longer describes: the reader's content model must
 * still accept what the writer put there. The rule is the same for both, only the kinds' names
 * differ: an open model accepts anything; a partially open one accepts it if its schema for
 * extra members covers the removed one; a closed one does not (a {@code false} member, which
 * could hold nothing, is its own kind).
 */
record Removal(ChangeKind fromOpen, ChangeKind covered, ChangeKind notCovered,
    ChangeKind falseFromClosed, ChangeKind fromClosed) {
  static final Removal PROPERTY = new Removal(PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL,
      PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
      PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
      PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL, PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL);
  static final Removal ITEM = new Removal(ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL,
      ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
      ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
      ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL, ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL);

  /**
   * @param removed the writer's schema of the member
   * @param open whether the reader's model is open
   * @param partial the reader's schema for extra members (null: closed), asked only when not open
   */
  void report(DiffContext ctx, SchemaNode removed, boolean open, Supplier<SchemaNode> partial) {
    if (open) {
      ctx.add(fromOpen);
      return;
    }
    SchemaNode extra = partial.get();
    if (extra != null) {
      ctx.add(ObjectDiff.covered(ctx, removed, extra) ? covered : notCovered);
    } else {
      ctx.add(removed instanceof FalseSchema ? falseFromClosed : fromClosed);
    }
  }
}
