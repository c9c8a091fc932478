package dev.stele.registry.parse;

import dev.stele.registry.model.StoredSchema;
import dev.stele.schema.ParsedSchema;
import java.lang.ref.SoftReference;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parsed stored schemas, so that compatibility checks against a long history do not parse it
 * each time. Bounded by an estimate of heap weight, not by count: a parsed schema is many times
 * its text (Avro: 11 bytes of heap per byte of text for 1 KB records, 18 for records of hundreds
 * of optional fields), and a count bound let 10,000 large ones fill a 1 GB heap.
 *
 * <p>Past the budget, the least recently used of a few entries sampled in turn goes (as Redis
 * approximates LRU), so the versions of a subject checked a while ago make way for those of the
 * subject checked now. A subject whose versions do not fit at all is parsed again on each check,
 * as with any LRU: give the heap more room. The parsed schemas are also only softly held: the
 * budget is a share of the maximum heap whatever else the heap holds, and a registry whose
 * schemas fill the rest must lose its cache, not fail.
 *
 * <p>Any thread may get and put; eviction is serialized (it only runs on a miss over budget). The
 * weight counts every entry in the map (a cleared one until it is found), so it never
 * underestimates.
 */
public final class ParsedCache {
  /** Heap bytes per UTF-8 byte of text: the upper end of what was measured, so the bound holds. */
  public static final long BYTES_PER_TEXT_BYTE = 18;
  /** Heap bytes per entry whatever its text: map node, the parsed schema's own objects. */
  public static final long ENTRY_BYTES = 1024;
  /**
   * The share of the maximum heap the cache may take by default: half, so that with the default
   * 1 GB heap of bin/stele-start a FULL_TRANSITIVE check of 1,000 versions of records with 500
   * fields on average (24 MB of text, docs/benchmarks.md §3) is served from the cache. The heap
   * only grows that far when such checks run.
   */
  private static final int HEAP_SHARE_SHIFT = 1;
  private static final int SAMPLES = 5;

  private final long budget;
  private final Map<StoredSchema, Held> entries = new ConcurrentHashMap<>();
  private final AtomicLong weight = new AtomicLong();
  private final AtomicLong clock = new AtomicLong();
  /** Where eviction samples next; guarded by {@code this}. */
  private Iterator<Map.Entry<StoredSchema, Held>> hand;

  private static final class Held {
    final SoftReference<ParsedSchema> parsed;
    volatile long used;

    Held(ParsedSchema parsed, long used) {
      this.parsed = new SoftReference<>(parsed);
      this.used = used;
    }
  }

  /** @param budget estimated heap bytes the entries may take together */
  public ParsedCache(long budget) {
    this.budget = budget;
  }

  /** A cache that takes at most half the JVM's maximum heap. */
  public static ParsedCache forHeap() {
    return new ParsedCache(Runtime.getRuntime().maxMemory() >> HEAP_SHARE_SHIFT);
  }

  public static long weight(StoredSchema stored) {
    return ENTRY_BYTES + BYTES_PER_TEXT_BYTE * stored.text().length();
  }

  public ParsedSchema get(StoredSchema stored) {
    Held held = entries.get(stored);
    if (held == null) {
      return null;
    }
    ParsedSchema parsed = held.parsed.get();
    if (parsed == null) {
      if (entries.remove(stored, held)) {
        weight.addAndGet(-weight(stored));
      }
      return null;
    }
    held.used = clock.incrementAndGet();
    return parsed;
  }

  /** Keeps a parsed schema unless it alone weighs more than the budget. */
  public void put(StoredSchema stored, ParsedSchema parsed) {
    long added = weight(stored);
    if (added > budget) {
      return;
    }
    Held held = new Held(parsed, clock.incrementAndGet());
    Held old = entries.putIfAbsent(stored, held);
    if (old != null) {
      if (old.parsed.get() == null) {
        entries.replace(stored, old, held); // already counted
      }
      return;
    }
    if (weight.addAndGet(added) > budget) {
      evictSparing(stored);
    }
  }

  /**
   * Drops every entry (the heap guard's last resort before refusing work: what it drops is parsed
   * again on demand, while the soft references alone would keep it until the JVM is nearly out).
   */
  public synchronized void clear() {
    entries.clear();
    weight.set(0);
    hand = null;
  }

  /** Estimated heap bytes the entries may take together. */
  public long budget() {
    return budget;
  }

  /** Estimated heap bytes of the entries held now. */
  public long weight() {
    return weight.get();
  }

  public int size() {
    return entries.size();
  }

  private synchronized void evictSparing(StoredSchema kept) {
    while (weight.get() > budget && entries.size() > 1) {
      Map.Entry<StoredSchema, Held> oldest = null;
      for (int i = 0; i < SAMPLES; i++) {
        if (hand == null || !hand.hasNext()) {
          hand = entries.entrySet().iterator();
          if (!hand.hasNext()) {
            return;
          }
        }
        Map.Entry<StoredSchema, Held> entry = hand.next();
        boolean older = oldest == null || entry.getValue().used < oldest.getValue().used;
        if (entry.getKey() != kept && older) {
          oldest = entry;
        }
      }
      if (oldest != null && entries.remove(oldest.getKey(), oldest.getValue())) {
        weight.addAndGet(-weight(oldest.getKey()));
      }
    }
  }
}
