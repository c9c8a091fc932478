package dev.stele.serde.rules.internal;

import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map.Entry;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The lazy read-only views every format's plain values are made of (and CEL's values over them):
 * a list or a map whose elements are converted as they are read, so that a rule reading one field
 * of a large message converts that field only.
 */
public final class PlainViews {
  private PlainViews() {}

  /** Java's small integers as {@code Long} and {@code Float} as {@code Double}; anything else as it is. */
  public static Object widen(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    return value instanceof Float f ? f.doubleValue() : value;
  }

  /** A list of {@code size} elements, element {@code i} being {@code element.apply(i)} at each read. */
  public static List<Object> list(int size, IntFunction<Object> element) {
    return new AbstractList<>() {
      @Override
      public Object get(int index) {
        return element.apply(index);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** A map's entry set over {@code sources} (fields, properties, entries), each made an entry as it is read. */
  public static <S, K> Set<Entry<K, Object>> entries(Collection<S> sources, Function<S, Entry<K, Object>> entry) {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<K, Object>> iterator() {
        Iterator<S> each = sources.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return each.hasNext();
          }

          @Override
          public Entry<K, Object> next() {
            return entry.apply(each.next());
          }
        };
      }

      @Override
      public int size() {
        return sources.size();
      }
    };
  }
}
