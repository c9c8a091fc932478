package dev.stele.serde.rules.cel.internal;

import dev.stele.serde.rules.PlainRecord;

/**
 * {@code operand.field} on the fast path, with the field found once per record layout rather than
 * by name on every record: the look-up by name (Avro's field map: a hash, an equals) cost about
 * 15 ns of the 45 a simple condition adds to a serializer (a JMH profile, decision 0029). The
 * answer is {@link FastOps#select}'s exactly: a missing or absent field is dev.cel's to judge.
 *
 * <p>Thread-safe: the last layout and its key are one immutable pair behind a volatile field; two
 * threads with different layouts at once each find their field again, and are right either way.
 */
final class FieldSelect implements FastExpr {
  private final FastExpr operand;
  private final String field;
  private volatile Found found;

  private record Found(Object layout, Object key) {}

  FieldSelect(FastExpr operand, String field) {
    this.operand = operand;
    this.field = field;
  }

  @Override
  public Object eval(Variables variables) {
    Object value = operand.eval(variables);
    if (value instanceof CelRecord record) {
      PlainRecord plain = record.value();
      Object layout = plain.layout();
      if (layout != null) {
        Found last = found;
        if (last == null || last.layout() != layout) {
          last = new Found(layout, plain.fieldKey(field));
          found = last;
        }
        if (last.key() == null) {
          return FastExpr.UNSURE;
        }
        Object selected = plain.valueAt(last.key());
        if (selected == null && !plain.presentAt(last.key())) {
          return FastExpr.UNSURE;
        }
        return CelValues.toCel(selected);
      }
    }
    return value == FastExpr.UNSURE ? value : FastOps.select(value, field);
  }
}
