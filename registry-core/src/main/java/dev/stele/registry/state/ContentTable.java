package dev.stele.registry.state;

import dev.stele.registry.model.SchemaContent;
import dev.stele.registry.model.StoredSchema;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Stored schemas by their content, for the registry's dedup ("does this content have an id?").
 * The key is each schema's own {@link StoredSchema#content()}, so a table slot holds just the
 * stored schema: an open-addressing hash table (linear probing, at most half full) of 8 bytes per
 * schema, where a {@code ConcurrentHashMap} node is 32 and another content object more.
 *
 * <p>One thread writes (the state's applier), any thread reads without locking, as in
 * {@link IdTable}: slots live in pages that are never changed once published; a write publishes
 * a changed copy of one page, and a resize publishes a whole new table, so a reader probing an
 * old table or page still finds everything that was in it. Removed slots become tombstones, so
 * that a probe for a later key does not stop early; resizes drop them. {@link #copy()} shares
 * every page.
 */
final class ContentTable {
  private static final int PAGE_BITS = 6;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;
  private static final Object TOMBSTONE = new Object();

  private volatile AtomicReferenceArray<Object[]> pages;
  /** Live entries and tombstones; writer thread only. */
  private int size;
  private int tombstones;

  ContentTable() {
    this(new AtomicReferenceArray<>(1), 0, 0);
  }

  private ContentTable(AtomicReferenceArray<Object[]> pages, int size, int tombstones) {
    this.pages = pages;
    this.size = size;
    this.tombstones = tombstones;
  }

  /**
   * A table of {@code schemas} filled in their order before anyone sees it: sized once, no page
   * copied per entry (loading a snapshot). A later schema with the content of an earlier one takes
   * its place, as {@link #put} does.
   *
   * @param count how many of {@code schemas} to take
   */
  static ContentTable of(StoredSchema[] schemas, int count) {
    int slots = PAGE_SIZE;
    while ((count + 1) * 2L > slots) {
      slots *= 2;
    }
    Object[][] filled = new Object[slots / PAGE_SIZE][PAGE_SIZE];
    int mask = slots - 1;
    int size = 0;
    for (int i = 0; i < count; i++) {
      StoredSchema stored = schemas[i];
      int at = spread(stored.content().hashCode()) & mask;
      while (true) {
        Object[] page = filled[at >>> PAGE_BITS];
        Object slot = page[at & (PAGE_SIZE - 1)];
        if (slot == null) {
          page[at & (PAGE_SIZE - 1)] = stored;
          size++;
          break;
        }
        if (((StoredSchema) slot).content().equals(stored.content())) {
          page[at & (PAGE_SIZE - 1)] = stored;
          break;
        }
        at = (at + 1) & mask;
      }
    }
    return new ContentTable(new AtomicReferenceArray<>(filled), size, 0);
  }

  /** Live entries. */
  int size() {
    return size;
  }

  ContentTable copy() {
    AtomicReferenceArray<Object[]> current = pages;
    AtomicReferenceArray<Object[]> copied = new AtomicReferenceArray<>(current.length());
    for (int i = 0; i < current.length(); i++) {
      copied.set(i, current.get(i));
    }
    return new ContentTable(copied, size, tombstones);
  }

  /** The stored schema with this content, or null. */
  StoredSchema get(SchemaContent content) {
    AtomicReferenceArray<Object[]> table = pages;
    int mask = table.length() * PAGE_SIZE - 1;
    for (int at = spread(content.hashCode()) & mask; ; at = (at + 1) & mask) {
      Object slot = slot(table, at);
      if (slot == null) {
        return null;
      }
      if (slot != TOMBSTONE && ((StoredSchema) slot).content().equals(content)) {
        return (StoredSchema) slot;
      }
    }
  }

  /** Maps the schema's content to it, replacing a schema with equal content; returns that one or null. */
  StoredSchema put(StoredSchema stored) {
    if ((size + tombstones + 1) * 2L > (long) pages.length() * PAGE_SIZE) {
      resize();
    }
    AtomicReferenceArray<Object[]> table = pages;
    int mask = table.length() * PAGE_SIZE - 1;
    int free = -1;
    for (int at = spread(stored.content().hashCode()) & mask; ; at = (at + 1) & mask) {
      Object slot = slot(table, at);
      if (slot == null) {
        if (free >= 0) {
          tombstones--;
        }
        set(table, free >= 0 ? free : at, stored);
        size++;
        return null;
      }
      if (slot == TOMBSTONE) {
        free = free >= 0 ? free : at;
      } else if (((StoredSchema) slot).content().equals(stored.content())) {
        set(table, at, stored);
        return (StoredSchema) slot;
      }
    }
  }

  /** Removes the entry of this content if it is this very schema (by equality); whether it did. */
  boolean remove(StoredSchema stored) {
    AtomicReferenceArray<Object[]> table = pages;
    int mask = table.length() * PAGE_SIZE - 1;
    for (int at = spread(stored.content().hashCode()) & mask; ; at = (at + 1) & mask) {
      Object slot = slot(table, at);
      if (slot == null) {
        return false;
      }
      if (slot != TOMBSTONE && ((StoredSchema) slot).content().equals(stored.content())) {
        if (!slot.equals(stored)) {
          return false;
        }
        set(table, at, TOMBSTONE);
        size--;
        tombstones++;
        return true;
      }
    }
  }

  /** A new table, at most half full of the live entries (or as large, when tombstones filled it). */
  private void resize() {
    AtomicReferenceArray<Object[]> old = pages;
    int slots = PAGE_SIZE;
    while ((size + 1) * 2L > slots) {
      slots *= 2;
    }
    // Filled before it is published, so its pages need no copying per entry.
    Object[][] filled = new Object[slots / PAGE_SIZE][PAGE_SIZE];
    int mask = slots - 1;
    for (int i = 0; i < old.length(); i++) {
      Object[] page = old.get(i);
      for (int j = 0; page != null && j < PAGE_SIZE; j++) {
        if (page[j] != null && page[j] != TOMBSTONE) {
          int at = spread(((StoredSchema) page[j]).content().hashCode()) & mask;
          while (filled[at >>> PAGE_BITS][at & (PAGE_SIZE - 1)] != null) {
            at = (at + 1) & mask;
          }
          filled[at >>> PAGE_BITS][at & (PAGE_SIZE - 1)] = page[j];
        }
      }
    }
    pages = new AtomicReferenceArray<>(filled);
    tombstones = 0;
  }

  private static Object slot(AtomicReferenceArray<Object[]> table, int at) {
    Object[] page = table.get(at >>> PAGE_BITS);
    return page == null ? null : page[at & (PAGE_SIZE - 1)];
  }

  /** Writes one slot by publishing a changed copy of its page. */
  private static void set(AtomicReferenceArray<Object[]> table, int at, Object value) {
    Object[] old = table.get(at >>> PAGE_BITS);
    Object[] page = old == null ? new Object[PAGE_SIZE] : old.clone();
    page[at & (PAGE_SIZE - 1)] = value;
    table.set(at >>> PAGE_BITS, page);
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
