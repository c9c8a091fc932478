package dev.stele.serde.rules.internal;

import dev.stele.serde.rules.PlainRecord;
import java.util.AbstractMap;
import java.util.List;
import java.util.Set;

/**
 * A record or message of a format as a {@link PlainRecord}: a read-only map from field name to
 * plain value, each field found by name and converted when it is read. A format says how to
 * find, name, read and test its fields ({@code F}: an Avro {@code Schema.Field}, a Protobuf
 * {@code FieldDescriptor}).
 */
public abstract class RecordView<F> extends AbstractMap<String, Object> implements PlainRecord {
  /** The field called {@code name}, or null when there is none. */
  protected abstract F field(String name);

  /** The schema or descriptor the fields come from: records sharing it share their fields. */
  protected abstract Object layoutOf();

  /** Every field, in the schema's order. */
  protected abstract List<F> fields();

  protected abstract String name(F field);

  /** The field's plain value. */
  protected abstract Object value(F field);

  /** Whether the field holds a value (Protobuf's presence); a field that is always there answers true. */
  protected boolean present(F field) {
    return true;
  }

  @Override
  public final Object layout() {
    return layoutOf();
  }

  @Override
  public final Object fieldKey(String name) {
    return field(name);
  }

  @Override
  @SuppressWarnings("unchecked") // a key from fieldKey of this layout, as the interface requires
  public final Object valueAt(Object key) {
    return value((F) key);
  }

  @Override
  @SuppressWarnings("unchecked") // a key from fieldKey of this layout, as the interface requires
  public final boolean presentAt(Object key) {
    return present((F) key);
  }

  @Override
  public Object get(Object key) {
    F field = key instanceof String name ? field(name) : null;
    return field == null ? null : value(field);
  }

  @Override
  public boolean containsKey(Object key) {
    F field = key instanceof String name ? field(name) : null;
    return field != null && present(field);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return PlainViews.entries(fields(), field -> new SimpleImmutableEntry<>(name(field), value(field)));
  }
}
