package dev.stele.registry.state;

import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.SubjectVersion;
import dev.stele.schema.SchemaReference;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One context's index while a snapshot loads: its ids, then its subjects' usages, go into tables
 * nobody sees yet, and {@link #build()} makes the {@link ContextIndex} whole at the end. Loading
 * through the index's own writes cost a page copy per id and per usage, a content table grown by
 * doubling and a GUID map grown by rehashing: most of a million-schema load (docs/benchmarks.md).
 * Not thread-safe: the loading thread's alone.
 */
final class ContextLoad {
  private final String context;
  private final IdTable.Builder<StoredSchema> byId = new IdTable.Builder<>();
  private final IdTable.Builder<Object> usages = new IdTable.Builder<>();
  /** The schemas and GUIDs in the snapshot's order, which points the content table as it was. */
  private StoredSchema[] schemas;
  private UUID[] guids;
  private int count;
  private int maxId;

  ContextLoad(String context, int expected, int maxId) {
    this.context = context;
    this.schemas = new StoredSchema[Math.max(expected, 1)];
    this.guids = new UUID[schemas.length];
    this.maxId = maxId;
  }

  /** Adds a schema; false when the id is taken already (a corrupt snapshot). */
  boolean add(StoredSchema stored, UUID guid) {
    if (byId.get(stored.id()) != null) {
      return false;
    }
    byId.put(stored.id(), stored);
    if (count == schemas.length) {
      schemas = Arrays.copyOf(schemas, count * 2);
      guids = Arrays.copyOf(guids, count * 2);
    }
    schemas[count] = stored;
    guids[count++] = guid;
    maxId = Math.max(maxId, stored.id());
    return true;
  }

  StoredSchema byId(int id) {
    return byId.get(id);
  }

  void addUsage(int id, SubjectVersion usage) {
    Object old = usages.get(id);
    Object now = ContextIndex.withUsage(old, usage);
    if (now != old) {
      usages.put(id, now);
    }
  }

  /** How many distinct ids were added, for the state's count. */
  int count() {
    return count;
  }

  ContextIndex build() {
    ContentTable byContent = ContentTable.of(schemas, count);
    // Sized for every GUID up front: grown pair by pair, the index was a tenth of the load.
    int[] ids = new int[count];
    Map<SubjectVersion, Set<Integer>> referencedBy = new ConcurrentHashMap<>();
    for (int i = 0; i < count; i++) {
      ids[i] = schemas[i].id();
      for (SchemaReference ref : schemas[i].references()) {
        referencedBy.merge(ContextIndex.referenced(context, ref), Set.of(ids[i]), ContextIndex::union);
      }
    }
    GuidTable byGuid = GuidTable.of(guids, ids, count);
    return ContextIndex.loaded(context, byId.build(), byContent, usages.build(), referencedBy,
        byGuid, maxId, byContent.size() < count);
  }
}
