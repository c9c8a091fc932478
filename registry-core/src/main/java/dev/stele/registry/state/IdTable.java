package dev.stele.registry.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.ObjIntConsumer;

/**
 * Values by schema id. Ids are dense (each new one is the highest plus one), so they index
 * arrays: pages of 64 slots, 4 bytes per id, where a {@code ConcurrentHashMap<Integer, V>} costs
 * about 50 (a node, a boxed key, table slack). Ids at or past {@link #PAGED_IDS}, which only
 * IMPORT can bring, go to a map instead, so a stray huge id costs no huge directory.
 *
 * <p>One thread writes (the state's applier), any thread reads without locking: a page is never
 * changed once published; a write publishes a changed copy of its page with a volatile store in
 * the directory, so a reader sees a whole page, old or new. That also makes {@link #copy()}
 * cheap: the copy shares every page and only copies the directory.
 */
final class IdTable<V> {
  private static final int PAGE_BITS = 6;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;
  /** Ids below this are paged: a directory of at most 65,536 pages (256 KB). */
  static final int PAGED_IDS = 1 << 22;

  private volatile AtomicReferenceArray<Object[]> pages;
  private final Map<Integer, V> far;

  IdTable() {
    this(new AtomicReferenceArray<>(16), new ConcurrentHashMap<>());
  }

  private IdTable(AtomicReferenceArray<Object[]> pages, Map<Integer, V> far) {
    this.pages = pages;
    this.far = far;
  }

  IdTable<V> copy() {
    AtomicReferenceArray<Object[]> current = pages;
    AtomicReferenceArray<Object[]> copied = new AtomicReferenceArray<>(current.length());
    for (int i = 0; i < current.length(); i++) {
      copied.set(i, current.get(i));
    }
    return new IdTable<>(copied, new ConcurrentHashMap<>(far));
  }

  @SuppressWarnings("unchecked")
  V get(int id) {
    if (id < 0 || id >= PAGED_IDS) {
      return far.get(id);
    }
    AtomicReferenceArray<Object[]> current = pages;
    int page = id >>> PAGE_BITS;
    Object[] slots = page < current.length() ? current.get(page) : null;
    return slots == null ? null : (V) slots[id & (PAGE_SIZE - 1)];
  }

  /** Sets or (with null) removes the value of an id. Writer thread only. */
  void put(int id, V value) {
    if (id < 0 || id >= PAGED_IDS) {
      if (value == null) {
        far.remove(id);
      } else {
        far.put(id, value);
      }
      return;
    }
    int page = id >>> PAGE_BITS;
    AtomicReferenceArray<Object[]> current = pages;
    if (page >= current.length()) {
      if (value == null) {
        return;
      }
      current = grow(current, page);
    }
    Object[] old = current.get(page);
    if (old == null && value == null) {
      return;
    }
    Object[] slots = old == null ? new Object[PAGE_SIZE] : old.clone();
    slots[id & (PAGE_SIZE - 1)] = value;
    current.set(page, slots);
  }

  /** Every id with a value, paged ones ascending, then the far ones. */
  @SuppressWarnings("unchecked")
  void forEach(ObjIntConsumer<V> action) {
    AtomicReferenceArray<Object[]> current = pages;
    for (int page = 0; page < current.length(); page++) {
      Object[] slots = current.get(page);
      for (int i = 0; slots != null && i < PAGE_SIZE; i++) {
        if (slots[i] != null) {
          action.accept((V) slots[i], (page << PAGE_BITS) | i);
        }
      }
    }
    far.forEach((id, value) -> action.accept(value, id));
  }

  /**
   * Fills a table that no reader sees yet without the page copy each {@link #put} makes (loading
   * a snapshot puts a million ids; copying a 64-slot page for each was most of its time). The
   * table it builds publishes the filled pages, which nothing changes afterwards.
   */
  static final class Builder<V> {
    private Object[][] pages = new Object[16][];
    private final Map<Integer, V> far = new java.util.HashMap<>();

    @SuppressWarnings("unchecked")
    V get(int id) {
      if (id < 0 || id >= PAGED_IDS) {
        return far.get(id);
      }
      int page = id >>> PAGE_BITS;
      Object[] slots = page < pages.length ? pages[page] : null;
      return slots == null ? null : (V) slots[id & (PAGE_SIZE - 1)];
    }

    void put(int id, V value) {
      if (id < 0 || id >= PAGED_IDS) {
        far.put(id, value);
        return;
      }
      int page = id >>> PAGE_BITS;
      if (page >= pages.length) {
        pages = java.util.Arrays.copyOf(pages,
            Math.max(page + 1, Math.min(pages.length * 2, PAGED_IDS >>> PAGE_BITS)));
      }
      if (pages[page] == null) {
        pages[page] = new Object[PAGE_SIZE];
      }
      pages[page][id & (PAGE_SIZE - 1)] = value;
    }

    IdTable<V> build() {
      return new IdTable<>(new AtomicReferenceArray<>(pages), new ConcurrentHashMap<>(far));
    }
  }

  private AtomicReferenceArray<Object[]> grow(AtomicReferenceArray<Object[]> current, int page) {
    int length = Math.max(page + 1, Math.min(current.length() * 2, PAGED_IDS >>> PAGE_BITS));
    AtomicReferenceArray<Object[]> grown = new AtomicReferenceArray<>(length);
    for (int i = 0; i < current.length(); i++) {
      grown.set(i, current.get(i));
    }
    pages = grown;
    return grown;
  }
}
