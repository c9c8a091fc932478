package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.ChangeKind.NOT_TYPE_EXTENDED;
import static dev.stele.format.jsonschema.ChangeKind.NOT_TYPE_NARROWED;

import dev.stele.format.jsonschema.SchemaNode.NotSchema;

/**
 * {@code not}: the excluded schema must shrink, so the two negated schemas are compared the other
 * way round; the verdict is one kind at {@code #/not}.
 */
final class NotDiff {
  private NotDiff() {}

  static void compare(DiffContext ctx, NotSchema original, NotSchema update) {
    ctx.at("not", () -> {
      DiffContext reversed = ctx.sub();
      SchemaDiff.compare(reversed, update.mustNotMatch(), original.mustNotMatch());
      ctx.add(reversed.isCompatible() ? NOT_TYPE_NARROWED : NOT_TYPE_EXTENDED);
    });
  }
}
