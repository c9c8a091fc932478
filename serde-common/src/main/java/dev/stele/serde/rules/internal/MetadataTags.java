package dev.stele.serde.rules.internal;

import dev.stele.client.Metadata;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tags a schema's metadata gives each field path, matched once per metadata and path rather
 * than for every field of every record. Keyed by the metadata's identity: a serde keeps the
 * schema it writes or reads with, so the same instance comes back record after record. Bounded:
 * when full it starts over, which costs only the matching again.
 */
public final class MetadataTags {
  private static final int MAX_SCHEMAS = 1000;
  private static final int MAX_PATHS = 10_000;
  private static final ConcurrentHashMap<Identity, ConcurrentHashMap<String, Set<String>>> CACHE =
      new ConcurrentHashMap<>();

  private record Identity(Metadata metadata) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity that && that.metadata == metadata;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(metadata);
    }
  }

  private MetadataTags() {}

  public static Set<String> of(Metadata metadata, String fullName) {
    Identity key = new Identity(metadata);
    ConcurrentHashMap<String, Set<String>> paths = CACHE.get(key);
    if (paths == null) {
      if (CACHE.size() >= MAX_SCHEMAS) {
        CACHE.clear();
      }
      paths = CACHE.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    }
    Set<String> tags = paths.get(fullName);
    if (tags == null) {
      tags = match(metadata, fullName);
      if (paths.size() < MAX_PATHS) {
        paths.put(fullName, tags);
      }
    }
    return tags;
  }

  private static Set<String> match(Metadata metadata, String fullName) {
    Set<String> tags = new HashSet<>();
    for (Map.Entry<String, Set<String>> entry : metadata.tags().entrySet()) {
      if (Wildcards.matches(fullName, entry.getKey())) {
        tags.addAll(entry.getValue());
      }
    }
    return Set.copyOf(tags);
  }
}
