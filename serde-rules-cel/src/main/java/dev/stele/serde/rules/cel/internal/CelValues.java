package dev.stele.serde.rules.cel.internal;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import dev.stele.serde.rules.PlainRecord;
import dev.stele.serde.rules.internal.PlainViews;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plain Java (what a format's {@code MessageModel.toPlain} gives) to CEL's values and back:
 * {@code byte[]} is CEL bytes, Java null is CEL null, records are structs ({@link CelRecord}),
 * maps (JSON objects among them, as in Confluent) and lists are wrapped, not copied.
 */
public final class CelValues {
  private CelValues() {}

  public static Object toCel(Object plain) {
    // The common scalars first: final classes, each tested by one compare, where the interface
    // tests below (PlainRecord, Map, List) cost a walk of the class's supertypes.
    if (plain instanceof String || plain instanceof Long || plain instanceof Boolean || plain instanceof Double) {
      return plain;
    }
    if (plain == null) {
      return NullValue.NULL_VALUE;
    }
    if (plain instanceof byte[] bytes) {
      return CelByteString.of(bytes);
    }
    if (plain instanceof Integer || plain instanceof Short || plain instanceof Byte || plain instanceof Float) {
      return PlainViews.widen(plain);
    }
    if (plain instanceof PlainRecord record) {
      return new CelRecord(record);
    }
    if (plain instanceof Map<?, ?> map) {
      return new MapView(map);
    }
    if (plain instanceof List<?> list) {
      return PlainViews.list(list.size(), index -> toCel(list.get(index)));
    }
    return plain;
  }

  /** A CEL answer as plain Java: CEL null is null, CEL bytes are {@code byte[]}. */
  public static Object fromCel(Object value) {
    if (value == null || value instanceof NullValue || value instanceof com.google.protobuf.NullValue) {
      return null;
    }
    if (value instanceof CelByteString bytes) {
      return bytes.toByteArray();
    }
    if (value instanceof com.google.protobuf.ByteString bytes) {
      return bytes.toByteArray();
    }
    return value;
  }

  private static final class MapView extends AbstractMap<Object, Object> {
    private final Map<?, ?> map;

    MapView(Map<?, ?> map) {
      this.map = map;
    }

    @Override
    public Object get(Object key) {
      return map.containsKey(key) ? toCel(map.get(key)) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return PlainViews.entries(map.entrySet(),
          entry -> new SimpleImmutableEntry<>(entry.getKey(), toCel(entry.getValue())));
    }
  }
}
