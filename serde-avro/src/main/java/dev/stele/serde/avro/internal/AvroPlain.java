package dev.stele.serde.avro.internal;

import dev.stele.serde.rules.FieldContext;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.internal.FieldLeaf;
import dev.stele.serde.rules.internal.PlainViews;
import dev.stele.serde.rules.internal.RecordView;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.util.Utf8;

/**
 * Avro values as plain Java for rules ({@code MessageModel.toPlain}), and plain answers back as
 * the field's Avro type. Records become lazy read-only maps, so a condition that reads one field
 * of a large record converts that field only.
 */
final class AvroPlain {
  private AvroPlain() {}

  static Object of(Object value) {
    // Class tests first (Avro's own record and string classes, then the boxed scalars), each one
    // compare: the interface tests below (CharSequence, GenericFixed, GenericEnumSymbol,
    // IndexedRecord) each walk the class's interfaces when they fail, and a record's view came
    // after three of them, an int field's after one (about 30 ns a condition, decision 0029).
    if (value instanceof GenericData.Record record) {
      return new RecordFields(record);
    }
    if (value instanceof Utf8 text) {
      return text.toString();
    }
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof Float) {
      return PlainViews.widen(value);
    }
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return bytes;
    }
    if (value instanceof GenericFixed fixed) {
      return fixed.bytes().clone();
    }
    if (value instanceof GenericEnumSymbol<?> || value instanceof Enum<?>) {
      return value.toString();
    }
    if (value instanceof IndexedRecord record) {
      return new RecordFields(record);
    }
    if (value instanceof List<?> list) {
      return PlainViews.list(list.size(), index -> of(list.get(index)));
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k.toString(), of(v)));
      return out;
    }
    return value;
  }

  /**
   * A field rule's answer as {@code schema}'s Java type, or the reason it cannot be one; {@code field}
   * is the leaf, its type {@code schema}'s.
   */
  static Object toField(RuleContext ctx, FieldContext field, Schema schema, Object value) throws RuleException {
    // FieldLeaf.convert's contract without its lambda, which captured two values per field and record.
    try {
      return switch (schema.getType()) {
        case STRING -> value == null ? null : ((CharSequence) value).toString();
        case BYTES -> value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : (ByteBuffer) value;
        case NULL -> null;
        default -> FieldLeaf.scalar(field.type(), value);
      };
    } catch (ClassCastException | NullPointerException e) {
      throw FieldLeaf.wrongAnswer(ctx, field, schema.getType(), value, e);
    }
  }

  /** A record as a read-only map from field name to plain value, converted on access. */
  private static final class RecordFields extends RecordView<Schema.Field> {
    private final IndexedRecord record;

    RecordFields(IndexedRecord record) {
      this.record = record;
    }

    @Override
    protected Schema.Field field(String name) {
      return record.getSchema().getField(name);
    }

    @Override
    protected Object layoutOf() {
      return record.getSchema();
    }

    @Override
    protected List<Schema.Field> fields() {
      return record.getSchema().getFields();
    }

    @Override
    protected String name(Schema.Field field) {
      return field.name();
    }

    @Override
    protected Object value(Schema.Field field) {
      return of(record.get(field.pos()));
    }
  }
}
