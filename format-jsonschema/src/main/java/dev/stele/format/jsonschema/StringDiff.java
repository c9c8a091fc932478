package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.ChangeKind.*;

import dev.stele.format.jsonschema.SchemaNode.StringSchema;

/** {@code minLength}, {@code maxLength} and {@code pattern} ({@code format} is an annotation). */
final class StringDiff {
  private StringDiff() {}

  static void compare(DiffContext ctx, StringSchema original, StringSchema update) {
    Limit.MAX_LENGTH.compare(ctx, original.maxLength(), update.maxLength());
    Limit.MIN_LENGTH.compare(ctx, original.minLength(), update.minLength());
    String before = original.pattern();
    String after = update.pattern();
    if (before == null && after != null) {
      ctx.add("pattern", PATTERN_ADDED);
    } else if (before != null && after == null) {
      ctx.add("pattern", PATTERN_REMOVED);
    } else if (before != null && !before.equals(after)) {
      ctx.add("pattern", PATTERN_CHANGED);
    }
  }
}
