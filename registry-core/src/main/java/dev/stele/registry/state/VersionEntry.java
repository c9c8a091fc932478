package dev.stele.registry.state;

import dev.stele.registry.model.StoredSchema;

/** One version of a subject as held in memory. */
public record VersionEntry(int version, StoredSchema schema, boolean deleted, long timestamp) {
  VersionEntry markDeleted() {
    return deleted ? this : new VersionEntry(version, schema, true, timestamp);
  }
}
