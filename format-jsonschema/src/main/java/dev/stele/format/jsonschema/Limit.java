package dev.stele.format.jsonschema;

import java.math.BigDecimal;

/**
 * The numeric keywords that share one pattern: added, removed, increased or decreased, reported
 * at the keyword. Whether each is compatible depends on whether the keyword is an upper or a lower
 * bound, which the kinds' own compatibility already says. Each constant finds its four kinds by
 * the Confluent naming ({@code MAX_LENGTH} has {@code MAX_LENGTH_ADDED} ...) once, when the class
 * loads, so a misspelt constant fails every test that compares a schema.
 */
enum Limit {
  MAX_LENGTH("maxLength"), MIN_LENGTH("minLength"),
  MAXIMUM("maximum"), MINIMUM("minimum"),
  EXCLUSIVE_MAXIMUM("exclusiveMaximum"), EXCLUSIVE_MINIMUM("exclusiveMinimum"),
  MAX_PROPERTIES("maxProperties"), MIN_PROPERTIES("minProperties"),
  MAX_ITEMS("maxItems"), MIN_ITEMS("minItems"),
  MAX_CONTAINS("maxContains"), MIN_CONTAINS("minContains");

  private final String keyword;
  private final ChangeKind added;
  private final ChangeKind removed;
  private final ChangeKind increased;
  private final ChangeKind decreased;

  Limit(String keyword) {
    this.keyword = keyword;
    this.added = ChangeKind.valueOf(name() + "_ADDED");
    this.removed = ChangeKind.valueOf(name() + "_REMOVED");
    this.increased = ChangeKind.valueOf(name() + "_INCREASED");
    this.decreased = ChangeKind.valueOf(name() + "_DECREASED");
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
