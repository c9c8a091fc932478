package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.ChangeKind.*;

import dev.stele.format.jsonschema.SchemaNode.NumberSchema;
import java.math.BigDecimal;

/** Bounds, {@code multipleOf}, and integer versus number. */
final class NumberDiff {
  private NumberDiff() {}

  static void compare(DiffContext ctx, NumberSchema original, NumberSchema update) {
    Limit.MAXIMUM.compare(ctx, original.maximum(), update.maximum());
    Limit.MINIMUM.compare(ctx, original.minimum(), update.minimum());
    Limit.EXCLUSIVE_MAXIMUM.compare(ctx, original.exclusiveMaximum(), update.exclusiveMaximum());
    Limit.EXCLUSIVE_MINIMUM.compare(ctx, original.exclusiveMinimum(), update.exclusiveMinimum());
    compareMultipleOf(ctx, original.multipleOf(), update.multipleOf());
    if (original.requiresInteger() != update.requiresInteger()) {
      ctx.add(original.requiresInteger() ? TYPE_EXTENDED : TYPE_NARROWED);
    }
  }

  /**
   * A new divisor that is a multiple of the old one accepts fewer values (expanded); one that
   * divides the old one accepts more (reduced). Exact decimal arithmetic, so {@code 0.5} works.
   */
  private static void compareMultipleOf(DiffContext ctx, BigDecimal original, BigDecimal update) {
    if (original == null && update == null
        || original != null && update != null && original.compareTo(update) == 0) {
      return;
    }
    if (original == null) {
      ctx.add("multipleOf", MULTIPLE_OF_ADDED);
    } else if (update == null) {
      ctx.add("multipleOf", MULTIPLE_OF_REMOVED);
    } else if (divides(original, update)) {
      ctx.add("multipleOf", MULTIPLE_OF_EXPANDED);
    } else if (divides(update, original)) {
      ctx.add("multipleOf", MULTIPLE_OF_REDUCED);
    } else {
      ctx.add("multipleOf", MULTIPLE_OF_CHANGED);
    }
  }

  private static boolean divides(BigDecimal divisor, BigDecimal value) {
    try {
      return value.remainder(divisor).signum() == 0;
    } catch (ArithmeticException e) {
      return false; // a quotient too long to represent: treat as not a multiple
    }
  }
}
