package dev.stele.serde.rules.cel.internal;

import dev.cel.common.types.CelType;
import dev.cel.common.types.StructTypeReference;
import dev.cel.common.values.StructValue;
import dev.stele.serde.rules.PlainRecord;
import java.util.Optional;

/**
 * An Avro record or Protobuf message as a CEL struct: {@code message.class} selects one field and
 * converts that field only. (CEL converts a map argument whole, every field of every record on
 * every call; a struct it leaves alone.) Selecting a field the record does not have is an error,
 * as for CEL's own structs; {@code has(message.x)} asks {@link #find}.
 */
final class CelRecord extends StructValue<String, PlainRecord> {
  private static final CelType TYPE = StructTypeReference.create("stele.Record");
  private final PlainRecord record;

  CelRecord(PlainRecord record) {
    this.record = record;
  }

  @Override
  public PlainRecord value() {
    return record;
  }

  @Override
  public boolean isZeroValue() {
    return record.isEmpty();
  }

  @Override
  public CelType celType() {
    return TYPE;
  }

  @Override
  public Object select(String field) {
    Object value = record.get(field);
    if (value == null && !record.containsKey(field)) {
      throw new IllegalArgumentException("no such field '" + field + "'");
    }
    return CelValues.toCel(value);
  }

  @Override
  public Optional<Object> find(String field) {
    return record.containsKey(field) ? Optional.of(CelValues.toCel(record.get(field))) : Optional.empty();
  }
}
