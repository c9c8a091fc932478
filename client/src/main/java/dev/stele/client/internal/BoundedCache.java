package dev.stele.client.internal;

import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A concurrent map with a size bound and an optional time to live, for the client's caches.
 *
 * <p>Reads are one {@link ConcurrentHashMap#get}: no lock, so serializers on many threads never
 * queue behind each other. When a put finds the map full it drops an arbitrary eighth of the
 * entries (whatever the iterator meets first). That is cruder than LRU but needs no shared
 * ordering structure; the caches hold schemas a process keeps using, so a miss after eviction
 * costs one request to the registry and refills. Under racing puts the size may pass the bound
 * by the number of racing threads, never more.
 */
public final class BoundedCache<K, V> {
  private final ConcurrentHashMap<K, Entry<V>> map = new ConcurrentHashMap<>();
  private final int capacity;
  private final long ttlNanos;
  private final LongSupplier clock;

  private record Entry<V>(V value, long expiresAt) {}

  /** A cache without expiry. */
  public BoundedCache(int capacity) {
    this(capacity, 0, System::nanoTime);
  }

  /** @param ttlNanos how long an entry lives; 0 or less = until evicted */
  public BoundedCache(int capacity, long ttlNanos, LongSupplier clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.ttlNanos = ttlNanos;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public V get(K key) {
    Entry<V> entry = map.get(key);
    if (entry == null) {
      return null;
    }
    if (ttlNanos > 0 && clock.getAsLong() - entry.expiresAt > 0) {
      map.remove(key, entry);
      return null;
    }
    return entry.value;
  }

  public void put(K key, V value) {
    Objects.requireNonNull(value, "value");
    if (map.size() >= capacity && !map.containsKey(key)) {
      evictSome();
    }
    map.put(key, new Entry<>(value, ttlNanos > 0 ? clock.getAsLong() + ttlNanos : 0));
  }

  public void remove(K key) {
    map.remove(key);
  }

  public void removeIf(Predicate<K> condition) {
    map.keySet().removeIf(condition);
  }

  public int size() {
    return map.size();
  }

  private void evictSome() {
    int toDrop = Math.max(1, capacity / 8);
    Iterator<K> keys = map.keySet().iterator();
    while (toDrop-- > 0 && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }
}
