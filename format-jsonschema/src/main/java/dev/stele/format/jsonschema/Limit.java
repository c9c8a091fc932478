package dev.stele.format.jsonschema;

import java.math.BigDecimal;

/**
 * The numeric keywords that share one pattern: added, removed, increased or decreased, reported
 * at the keyword. Whether each is compatible depends on whether the keyword is an upper or a lower
 * bound, which the kinds' own compatibility already says.
 */
enum Limit {
  MAX_LENGTH("maxLength"), MIN_LENGTH("minLength"),
  MAXIMUM("maximum"), MINIMUM("minimum"),
  EXCLUSIVE_MAXIMUM("exclusiveMaximum"), EXCLUSIVE_MINIMUM("exclusiveMinimum"),
  MAX_PROPERTIES("maxProperties"), MIN_PROPERTIES("minProperties"),
  MAX_ITEMS("maxItems"), MIN_ITEMS("minItems"),
  MAX_CONTAINS("maxContains"), MIN_CONTAINS("minContains");

  private final String keyword;
  private final KindFamily kinds;

  Limit(String keyword) {
    this.keyword = keyword;
    this.kinds = KindFamily.of(name(), "INCREASED", "DECREASED");
  }

  void compare(DiffContext ctx, Integer original, Integer update) {
    compare(ctx, original == null ? null : BigDecimal.valueOf(original),
        update == null ? null : BigDecimal.valueOf(update));
  }

  void compare(DiffContext ctx, BigDecimal original, BigDecimal update) {
    if (original == null && update == null) {
      return;
    }
    if (original == null) {
      ctx.add(keyword, kinds.added());
    } else if (update == null) {
      ctx.add(keyword, kinds.removed());
    } else {
      int order = original.compareTo(update);
      if (order < 0) {
        ctx.add(keyword, kinds.grown());
      } else if (order > 0) {
        ctx.add(keyword, kinds.shrunk());
      }
    }
  }
}
