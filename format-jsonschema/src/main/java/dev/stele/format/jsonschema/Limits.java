package dev.stele.format.jsonschema;

import java.math.BigDecimal;

/**
 * The pattern most numeric keywords share: added, removed, increased or decreased, reported at
 * the keyword. Whether each is compatible depends on whether the keyword is an upper or a lower
 * bound, which the caller's choice of kinds already says.
 */
final class Limits {
  private Limits() {}

  static void compare(DiffContext ctx, String keyword, Integer original, Integer update,
      ChangeKind added, ChangeKind removed, ChangeKind increased, ChangeKind decreased) {
    compare(ctx, keyword, original == null ? null : BigDecimal.valueOf(original),
        update == null ? null : BigDecimal.valueOf(update), added, removed, increased, decreased);
  }

  static void compare(DiffContext ctx, String keyword, BigDecimal original, BigDecimal update,
      ChangeKind added, ChangeKind removed, ChangeKind increased, ChangeKind decreased) {
    if (original == null && update == null) {
      return;
    }
    if (original == null) {
      ctx.add(keyword, added);
    } else if (update == null) {
      ctx.add(keyword, removed);
    } else {
      int order = original.compareTo(update);
      if (order < 0) {
        ctx.add(keyword, increased);
      } else if (order > 0) {
        ctx.add(keyword, decreased);
      }
    }
  }
}
