package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.ChangeKind.*;

import dev.stele.format.jsonschema.SchemaNode.NumberSchema;
import java.math.BigDecimal;

/** Bounds, {@code multipleOf}, and integer versus number. */
final class NumberDiff {
  private NumberDiff() {}

  static void compare(DiffContext ctx, NumberSchema original, NumberSchema update) {
    Limits.compare(ctx, "maximum", original.maximum(), update.maximum(),
        MAXIMUM_ADDED, MAXIMUM_REMOVED, MAXIMUM_INCREASED, MAXIMUM_DECREASED);
    Limits.compare(ctx, "minimum", original.minimum(), update.minimum(),
        MINIMUM_ADDED, MINIMUM_REMOVED, MINIMUM_INCREASED, MINIMUM_DECREASED);
    Limits.compare(ctx, "exclusiveMaximum", original.exclusiveMaximum(), update.exclusiveMaximum(),
        EXCLUSIVE_MAXIMUM_ADDED, EXCLUSIVE_MAXIMUM_REMOVED, EXCLUSIVE_MAXIMUM_INCREASED,
        EXCLUSIVE_MAXIMUM_DECREASED);
    Limits.compare(ctx, "exclusiveMinimum", original.exclusiveMinimum(), update.exclusiveMinimum(),
        EXCLUSIVE_MINIMUM_ADDED, EXCLUSIVE_MINIMUM_REMOVED, EXCLUSIVE_MINIMUM_INCREASED,
        EXCLUSIVE_MINIMUM_DECREASED);
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
