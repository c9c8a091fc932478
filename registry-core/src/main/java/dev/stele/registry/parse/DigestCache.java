package dev.stele.registry.parse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stele.registry.model.StoredSchema;
import dev.stele.schema.CheckDigest;

/**
 * The {@link CheckDigest}s of stored schemas, kept apart from the parsed schemas ({@link
 * ParsedCache}) because they are two orders of magnitude smaller: the digests of several whole
 * histories of 1,000 versions fit where the parsed schemas of one do not, so a transitive check
 * after a restart, or after the parsed cache moved on to other subjects, parses only the versions
 * a digest cannot vouch for (docs/benchmarks.md §3).
 *
 * <p>Bounded by the digests' own weight estimates; Caffeine chooses what goes (its window
 * TinyLFU keeps the histories that are checked again and again).
 */
public final class DigestCache {
  /** The share of the maximum heap the digests may take by default: a sixteenth. */
  private static final int HEAP_SHARE_SHIFT = 4;

  private final long budget;
  private final Cache<StoredSchema, CheckDigest> entries;

  /** @param budget estimated heap bytes the digests may take together */
  public DigestCache(long budget) {
    this.budget = budget;
    this.entries = Caffeine.newBuilder()
        .maximumWeight(budget)
        .weigher((StoredSchema stored, CheckDigest digest) ->
            (int) Math.min(Integer.MAX_VALUE, 64 + digest.weight()))
        .build();
  }

  /** Drops every digest (rebuilt on the next parse of each schema); see {@link SchemaParser#shedCaches}. */
  public void clear() {
    entries.invalidateAll();
  }

  /** A cache that takes at most a sixteenth of the JVM's maximum heap. */
  public static DigestCache forHeap() {
    return new DigestCache(Runtime.getRuntime().maxMemory() >> HEAP_SHARE_SHIFT);
  }

  /** The digest if known, else null (never parses). */
  public CheckDigest get(StoredSchema stored) {
    return entries.getIfPresent(stored);
  }

  /** Keeps a digest; a null digest (the format proves nothing from digests) is not kept. */
  public void put(StoredSchema stored, CheckDigest digest) {
    if (digest != null) {
      entries.put(stored, digest);
    }
  }

  /** Whether the digests take less than half the budget: warming ahead of use stops there. */
  public boolean hasRoomToWarm() {
    return entries.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L) < budget / 2;
  }

  public long size() {
    return entries.estimatedSize();
  }
}
