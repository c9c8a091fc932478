package dev.stele.registry.model;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last texts {@link CompactText#of} compacted, so that one registration deflates its text
 * once: the writer compacts it to look it up, again after populating it, and each of the two
 * states (pending and durable, docs/decisions/0002) when it applies the record. A hit also makes
 * the two states share one {@link CompactText}, as they share every other immutable value.
 *
 * <p>Any thread may read and write a slot at any time; a slot holds an immutable pair, so a
 * reader sees a whole pair or none, and a pair overwritten by another thread only costs a
 * deflate. A lookup compares the text (hash first), which is cheap next to deflating it.
 */
public final class RecentTexts {
  /** Enough for the records a group commit has in flight at once; a power of two. */
  private static final int SLOTS = 64;
  /** Longer texts are not kept, so that the slots hold at most a few MB. */
  private static final int MAX_LENGTH = 16 * 1024;

  private record Pair(String text, CompactText compact) {}

  private static final AtomicReferenceArray<Pair> PAIRS = new AtomicReferenceArray<>(SLOTS);

  private RecentTexts() {}

  public static CompactText find(String text) {
    int hash = text.hashCode();
    Pair pair = PAIRS.get(slot(hash));
    return pair != null && pair.compact.hashCode() == hash && pair.text.equals(text) ? pair.compact : null;
  }

  public static void remember(String text, CompactText compact) {
    if (text.length() > MAX_LENGTH) {
      return;
    }
    PAIRS.set(slot(compact.hashCode()), new Pair(text, compact));
  }

  private static int slot(int hash) {
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }
}
