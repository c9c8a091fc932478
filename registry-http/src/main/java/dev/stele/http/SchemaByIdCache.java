package dev.stele.http;

import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.registry.model.StoredSchema;
import io.vertx.core.buffer.Buffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered {@code GET /schemas/ids/{id}} answers, so that the consumers' hot path writes
 * pre-rendered bytes. An entry is used only while the registry still returns the very
 * {@link StoredSchema} instance it was rendered from, about the same version: the registry's state holds one instance per
 * stored schema and replaces it on any change, so identity is a complete validity check and
 * nothing needs invalidating. Shared by all event loops, hence a concurrent map.
 */
final class SchemaByIdCache {
  /** Past this many ids the cache starts over: cheap, rare, and bounds memory. */
  static final int MAX_ENTRIES = 10_000;

  /**
   * {@code formatted} is null for the stored text: a hit needs no text, so none is inflated.
   * {@code usage} is the version whose {@code ts} and {@code deleted} the answer carries: a soft
   * delete changes it without changing the schema.
   */
  private record Entry(StoredSchema schema, String formatted, SchemaVersion usage, Buffer body) {}

  private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();

  /** The rendered answer for a lookup result, from the cache when it is still the same schema. */
  Buffer render(int id, Results.SchemaText found) {
    Entry entry = entries.get(id);
    if (entry == null || entry.schema != found.schema()
        || !Objects.equals(entry.formatted, found.formatted())
        || !Objects.equals(entry.usage, found.usage())) {
      entry = new Entry(found.schema(), found.formatted(), found.usage(), Render.schemaText(found));
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(id, entry);
    }
    // Vert.x writes a Buffer as an unreleasable slice of it, so one rendering can serve every
    // response, from any event loop, without copying.
    return entry.body;
  }

  int size() {
    return entries.size();
  }
}
