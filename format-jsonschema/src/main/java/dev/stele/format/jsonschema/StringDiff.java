package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.ChangeKind.*;

import dev.stele.format.jsonschema.SchemaNode.StringSchema;

/** {@code minLength}, {@code maxLength} and {@code pattern} ({@code format} is an annotation). */
final class StringDiff {
  private StringDiff() {}

  static void compare(DiffContext ctx, StringSchema original, StringSchema update) {
    Limits.compare(ctx, "maxLength", original.maxLength(), update.maxLength(),
        MAX_LENGTH_ADDED, MAX_LENGTH_REMOVED, MAX_LENGTH_INCREASED, MAX_LENGTH_DECREASED);
    Limits.compare(ctx, "minLength", original.minLength(), update.minLength(),
        MIN_LENGTH_ADDED, MIN_LENGTH_REMOVED, MIN_LENGTH_INCREASED, MIN_LENGTH_DECREASED);
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
