package dev.stele.format.protobuf.compat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The walk every level of the diff makes: the members of two declarations matched by a key (a
 * name or a number), each visited in a scope named by its key, and sent to what was removed,
 * added, or is on both sides.
 */
final class Matching {
  private Matching() {}

  /**
   * The keys of both in {@link HashSet} order, built as the Confluent registry builds them (the
   * first side's keys, then the second's), so that differences come out in its order.
   */
  static <K> Set<K> hashOrder(Map<K, ?> original, Map<K, ?> update) {
    Set<K> keys = new HashSet<>(original.keySet());
    keys.addAll(update.keySet());
    return keys;
  }

  /** The keys of both in their natural order. */
  static <K> Set<K> sorted(Map<K, ?> original, Map<K, ?> update) {
    Set<K> keys = new TreeSet<>(original.keySet());
    keys.addAll(update.keySet());
    return keys;
  }

  static <K, V> void each(Set<K> keys, Map<K, V> original, Map<K, V> update,
      Function<String, DiffContext.Scope> enter, Consumer<V> removed, Consumer<V> added,
      BiConsumer<V, V> both) {
    for (K key : keys) {
      try (DiffContext.Scope scope = enter.apply(key.toString())) {
        V before = original.get(key);
        V after = update.get(key);
        if (after == null) {
          removed.accept(before);
        } else if (before == null) {
          added.accept(after);
        } else {
          both.accept(before, after);
        }
      }
    }
  }
}
