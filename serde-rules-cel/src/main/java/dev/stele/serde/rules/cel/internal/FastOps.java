package dev.stele.serde.rules.cel.internal;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.util.List;
import java.util.Map;

/**
 * The operators of the fast path on CEL's runtime values, each answering {@link FastExpr#UNSURE}
 * wherever dev.cel's answer is an error or is not plainly the mathematical one. dev.cel 0.14 does
 * not follow the CEL spec on the edges (NaN equals NaN and sorts above every number, {@code -0.0 == 0}
 * is false while {@code -0.0 == 0.0} is true, a double near 2^63 equals {@code int64} max), so NaN,
 * zero doubles, infinities beside ints and ints beyond 2^53 beside doubles are left to it rather
 * than reproduced. What is answered here is checked against dev.cel by CelFastDifferentialTest.
 */
final class FastOps {
  /** Integers up to this magnitude convert to double exactly. */
  private static final long EXACT = 1L << 53;

  private FastOps() {}

  /** {@code _==_}: TRUE, FALSE or UNSURE. */
  static Object equal(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return x.longValue() == y.longValue() ? Boolean.TRUE : Boolean.FALSE;
    }
    if (isNumber(a) && isNumber(b)) {
      int c = compareNumbers(a, b);
      return c == UNORDERED ? FastExpr.UNSURE : c == 0 ? Boolean.TRUE : Boolean.FALSE;
    }
    if (!isScalar(a) || !isScalar(b)) {
      return FastExpr.UNSURE;
    }
    // Scalars of different kinds are unequal, as dev.cel answers ('a' == null, true == 1: false).
    return a.getClass() == b.getClass() && a.equals(b) ? Boolean.TRUE : Boolean.FALSE;
  }

  static Object notEqual(Object a, Object b) {
    Object eq = equal(a, b);
    return eq == FastExpr.UNSURE ? eq : eq == Boolean.TRUE ? Boolean.FALSE : Boolean.TRUE;
  }

  /** The sign of {@code a} against {@code b}, or {@link #UNORDERED} for UNSURE. */
  static final int UNORDERED = Integer.MIN_VALUE;

  static int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (isNumber(a) && isNumber(b)) {
      return compareNumbers(a, b);
    }
    if (a instanceof String x && b instanceof String y) {
      return Integer.signum(x.compareTo(y));
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    return UNORDERED;
  }

  private static boolean isNumber(Object value) {
    return value instanceof Long || value instanceof Double;
  }

  private static boolean isScalar(Object value) {
    return value instanceof Long || value instanceof Double || value instanceof String || value instanceof Boolean
        || value instanceof NullValue || value instanceof CelByteString;
  }

  /** Longs and doubles where the comparison is exact and away from dev.cel's edges. */
  private static int compareNumbers(Object a, Object b) {
    double x;
    double y;
    if (a instanceof Double d && b instanceof Double e) {
      if (!plain(d) || !plain(e)) {
        return UNORDERED;
      }
      x = d;
      y = e;
    } else {
      Long l = a instanceof Long v ? v : (Long) b;
      double d = a instanceof Double v ? v : (Double) b;
      if (!plain(d) || Double.isInfinite(d) || l > EXACT || l < -EXACT) {
        return UNORDERED;
      }
      x = a instanceof Long ? (double) l : d;
      y = b instanceof Long ? (double) l : d;
    }
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private static boolean plain(double d) {
    return !Double.isNaN(d) && d != 0.0;
  }

  /** {@code size()} of a string (in code points), list or map. */
  static Object size(Object value) {
    if (value instanceof String s) {
      return (long) s.codePointCount(0, s.length());
    }
    if (value instanceof List<?> list) {
      return (long) list.size();
    }
    if (value instanceof Map<?, ?> map) {
      return (long) map.size();
    }
    return FastExpr.UNSURE;
  }

  /**
   * A field of a record or a key of a map, as dev.cel selects it ({@code CelRecord.select}, a
   * map's entry); a missing one, or a selection on anything else, is dev.cel's error to raise.
   */
  static Object select(Object operand, String field) {
    if (operand instanceof CelRecord record) {
      Object value = record.value().get(field);
      if (value == null && !record.value().containsKey(field)) {
        return FastExpr.UNSURE;
      }
      return CelValues.toCel(value);
    }
    if (operand instanceof Map<?, ?> map) {
      return map.containsKey(field) ? map.get(field) : FastExpr.UNSURE;
    }
    return FastExpr.UNSURE;
  }

  /** {@code has(operand.field)}. */
  static Object has(Object operand, String field) {
    if (operand instanceof CelRecord record) {
      return record.value().containsKey(field) ? Boolean.TRUE : Boolean.FALSE;
    }
    if (operand instanceof Map<?, ?> map) {
      return map.containsKey(field) ? Boolean.TRUE : Boolean.FALSE;
    }
    return FastExpr.UNSURE;
  }
}
