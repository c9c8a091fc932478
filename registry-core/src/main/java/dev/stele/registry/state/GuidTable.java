package dev.stele.registry.state;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The ids of each schema GUID in a context, in primitive arrays: an open-addressing table
 * (linear probing, at most three quarters full) of (GUID, id) pairs, 24 bytes a slot. A GUID with
 * several ids (contents that differ only in what the GUID leaves out, IMPORT twins) has one pair
 * per id. As a {@code ConcurrentHashMap<UUID, Set<Integer>>} the index of a million schemas was
 * about 100 MB (a node, a UUID, a set and a boxed id per schema), and the pending state's copy
 * (decision 0002) added its own nodes and table; here it is 48 MB, and a copy shares every page.
 *
 * <p>One thread writes (the state's applier), any thread reads without locking, as in
 * {@link ContentTable}: a page is never changed once published; a write publishes a changed copy
 * of its page, a resize a whole new table. A pair's three words are in one page, so a reader sees
 * a pair whole or not at all. Removed pairs become tombstones until the next resize.
 */
final class GuidTable {
  private static final int PAGE_BITS = 4;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;
  /** Words a slot: the GUID's two halves, then the id's word. */
  private static final int WORDS = 3;
  /** An empty slot's id word; a used one holds {@code id << 1 | 1}. */
  private static final long EMPTY = 0;
  private static final long TOMBSTONE = 2;

  private volatile AtomicReferenceArray<long[]> pages;
  /** Pairs held and tombstones; writer thread only. */
  private int size;
  private int tombstones;

  GuidTable() {
    this(new AtomicReferenceArray<>(1), 0, 0);
  }

  private GuidTable(AtomicReferenceArray<long[]> pages, int size, int tombstones) {
    this.pages = pages;
    this.size = size;
    this.tombstones = tombstones;
  }

  /**
   * A table of {@code count} pairs filled before anyone sees it (loading a snapshot): sized once,
   * no page copied per pair. A pair given twice is held once.
   */
  static GuidTable of(UUID[] guids, int[] ids, int count) {
    long[][] filled = new long[slotsFor(count) / PAGE_SIZE][PAGE_SIZE * WORDS];
    int size = 0;
    for (int i = 0; i < count; i++) {
      if (insert(filled, guids[i].getMostSignificantBits(), guids[i].getLeastSignificantBits(), ids[i])) {
        size++;
      }
    }
    return new GuidTable(new AtomicReferenceArray<>(filled), size, 0);
  }

  /** Pairs held. */
  int size() {
    return size;
  }

  GuidTable copy() {
    AtomicReferenceArray<long[]> current = pages;
    AtomicReferenceArray<long[]> copied = new AtomicReferenceArray<>(current.length());
    for (int i = 0; i < current.length(); i++) {
      copied.set(i, current.get(i));
    }
    return new GuidTable(copied, size, tombstones);
  }

  /** The ids of a GUID, lowest first; empty when none. */
  List<Integer> ids(UUID guid) {
    long msb = guid.getMostSignificantBits();
    long lsb = guid.getLeastSignificantBits();
    AtomicReferenceArray<long[]> table = pages;
    int mask = table.length() * PAGE_SIZE - 1;
    List<Integer> found = new ArrayList<>(1);
    for (int at = home(msb, lsb) & mask; ; at = (at + 1) & mask) {
      long[] page = table.get(at >>> PAGE_BITS);
      int word = (at & (PAGE_SIZE - 1)) * WORDS;
      long idWord = page == null ? EMPTY : page[word + 2];
      if (idWord == EMPTY) {
        found.sort(null);
        return found;
      }
      if (idWord != TOMBSTONE && page[word] == msb && page[word + 1] == lsb) {
        found.add((int) (idWord >> 1));
      }
    }
  }

  /** Adds a pair; nothing when it is held already. Writer thread only. */
  void add(UUID guid, int id) {
    long msb = guid.getMostSignificantBits();
    long lsb = guid.getLeastSignificantBits();
    if ((size + tombstones + 1) * 4L > (long) pages.length() * PAGE_SIZE * 3) {
      resize();
    }
    AtomicReferenceArray<long[]> table = pages;
    int mask = table.length() * PAGE_SIZE - 1;
    long wanted = (long) id << 1 | 1;
    int free = -1;
    for (int at = home(msb, lsb) & mask; ; at = (at + 1) & mask) {
      long[] page = table.get(at >>> PAGE_BITS);
      int word = (at & (PAGE_SIZE - 1)) * WORDS;
      long idWord = page == null ? EMPTY : page[word + 2];
      if (idWord == EMPTY) {
        if (free >= 0) {
          tombstones--;
        }
        set(table, free >= 0 ? free : at, msb, lsb, wanted);
        size++;
        return;
      }
      if (idWord == TOMBSTONE) {
        free = free >= 0 ? free : at;
      } else if (idWord == wanted && page[word] == msb && page[word + 1] == lsb) {
        return;
      }
    }
  }

  /** Removes a pair; whether it was held. Writer thread only. */
  boolean remove(UUID guid, int id) {
    long msb = guid.getMostSignificantBits();
    long lsb = guid.getLeastSignificantBits();
    AtomicReferenceArray<long[]> table = pages;
    int mask = table.length() * PAGE_SIZE - 1;
    long wanted = (long) id << 1 | 1;
    for (int at = home(msb, lsb) & mask; ; at = (at + 1) & mask) {
      long[] page = table.get(at >>> PAGE_BITS);
      int word = (at & (PAGE_SIZE - 1)) * WORDS;
      long idWord = page == null ? EMPTY : page[word + 2];
      if (idWord == EMPTY) {
        return false;
      }
      if (idWord == wanted && page[word] == msb && page[word + 1] == lsb) {
        set(table, at, 0, 0, TOMBSTONE);
        size--;
        tombstones++;
        return true;
      }
    }
  }

  /** Receives one (GUID, id) pair. */
  @FunctionalInterface
  interface PairConsumer {
    void accept(UUID guid, int id);
  }

  /** Every pair, in table order (a UUID made per pair: for snapshots, not for hot paths). */
  void forEach(PairConsumer action) {
    AtomicReferenceArray<long[]> table = pages;
    for (int p = 0; p < table.length(); p++) {
      long[] page = table.get(p);
      for (int word = 0; page != null && word < page.length; word += WORDS) {
        long idWord = page[word + 2];
        if (idWord != EMPTY && idWord != TOMBSTONE) {
          action.accept(new UUID(page[word], page[word + 1]), (int) (idWord >> 1));
        }
      }
    }
  }

  /** A new table at most half full of the held pairs, filled before it is published. */
  private void resize() {
    AtomicReferenceArray<long[]> old = pages;
    long[][] filled = new long[slotsFor(size) / PAGE_SIZE][PAGE_SIZE * WORDS];
    for (int p = 0; p < old.length(); p++) {
      long[] page = old.get(p);
      for (int word = 0; page != null && word < page.length; word += WORDS) {
        long idWord = page[word + 2];
        if (idWord != EMPTY && idWord != TOMBSTONE) {
          insert(filled, page[word], page[word + 1], (int) (idWord >> 1));
        }
      }
    }
    pages = new AtomicReferenceArray<>(filled);
    tombstones = 0;
  }

  /** Slots for {@code count} pairs: a power of two at least twice as many (one page at least). */
  private static int slotsFor(int count) {
    int slots = PAGE_SIZE;
    while ((count + 1) * 2L > slots) {
      slots *= 2;
    }
    return slots;
  }

  /** Puts a pair into a table nobody sees yet; false when it is there already. */
  private static boolean insert(long[][] filled, long msb, long lsb, int id) {
    int mask = filled.length * PAGE_SIZE - 1;
    long wanted = (long) id << 1 | 1;
    for (int at = home(msb, lsb) & mask; ; at = (at + 1) & mask) {
      long[] page = filled[at >>> PAGE_BITS];
      int word = (at & (PAGE_SIZE - 1)) * WORDS;
      if (page[word + 2] == EMPTY) {
        page[word] = msb;
        page[word + 1] = lsb;
        page[word + 2] = wanted;
        return true;
      }
      if (page[word + 2] == wanted && page[word] == msb && page[word + 1] == lsb) {
        return false;
      }
    }
  }

  /** Writes one slot by publishing a changed copy of its page. */
  private static void set(AtomicReferenceArray<long[]> table, int at, long msb, long lsb, long idWord) {
    long[] old = table.get(at >>> PAGE_BITS);
    long[] page = old == null ? new long[PAGE_SIZE * WORDS] : old.clone();
    int word = (at & (PAGE_SIZE - 1)) * WORDS;
    page[word] = msb;
    page[word + 1] = lsb;
    page[word + 2] = idWord;
    table.set(at >>> PAGE_BITS, page);
  }

  /**
   * Where a GUID's probe starts. GUIDs are MD5 digests, so their bits are already spread; the
   * mix still keeps a client's hand-made GUIDs from piling up.
   */
  private static int home(long msb, long lsb) {
    long h = msb ^ Long.rotateLeft(lsb, 32);
    h *= 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
