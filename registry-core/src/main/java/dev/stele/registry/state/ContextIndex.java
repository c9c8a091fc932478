package dev.stele.registry.state;

import dev.stele.registry.StoredSchema;
import dev.stele.registry.SubjectVersion;
import dev.stele.schema.SchemaReference;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema ids of one context: each id's schema, the id of each distinct content, which subject
 * versions use an id, and which ids reference a subject version. Written by one thread (the
 * state's applier), read by any: every map value is immutable.
 */
public final class ContextIndex {
  private final Map<Integer, StoredSchema> byId = new ConcurrentHashMap<>();
  private final Map<SchemaContent, Integer> idByContent = new ConcurrentHashMap<>();
  private final Map<Integer, Set<SubjectVersion>> usages = new ConcurrentHashMap<>();
  private final Map<SubjectVersion, Set<Integer>> referencedBy = new ConcurrentHashMap<>();
  private volatile int maxId;
  /** Whether IMPORT ever gave one content two ids here; until then no repointing is needed. */
  private volatile boolean hasTwins;

  ContextIndex copy() {
    ContextIndex copy = new ContextIndex();
    copy.byId.putAll(byId);
    copy.idByContent.putAll(idByContent);
    copy.usages.putAll(usages);
    copy.referencedBy.putAll(referencedBy);
    copy.maxId = maxId;
    copy.hasTwins = hasTwins;
    return copy;
  }

  public StoredSchema byId(int id) {
    return byId.get(id);
  }

  /**
   * The id of this content, or null. When IMPORT gave one content several ids, the one written
   * last, as the Confluent registry's content-hash lookup answers.
   */
  public Integer idOf(SchemaContent content) {
    return idByContent.get(content);
  }

  /** The subject versions that use an id, soft-deleted ones included. */
  public Set<SubjectVersion> usages(int id) {
    return usages.getOrDefault(id, Set.of());
  }

  /** The ids of schemas that reference a subject version. */
  public Set<Integer> referencedBy(SubjectVersion target) {
    return referencedBy.getOrDefault(target, Set.of());
  }

  /** The highest id ever seen in this context (0 when none). */
  public int maxId() {
    return maxId;
  }

  /**
   * The stored schema for a record's id and content, shared with earlier users of the id so that
   * a schema used by many subjects is held once. Null when the id already names other content:
   * such a record is refused (the first writer of an id wins, as ids must never be reused).
   */
  StoredSchema intern(int id, SchemaContent content) {
    StoredSchema existing = byId.get(id);
    if (existing != null) {
      return SchemaContent.of(existing).equals(content) ? existing : null;
    }
    StoredSchema stored = content.withId(id);
    byId.put(id, stored);
    Integer previous = idByContent.put(content, id);
    if (previous != null && previous != id) {
      hasTwins = true;
    }
    maxId = Math.max(maxId, id);
    for (SchemaReference ref : stored.references()) {
      referencedBy.merge(new SubjectVersion(ref.subject(), ref.version()), Set.of(id), ContextIndex::union);
    }
    return stored;
  }

  void addUsage(int id, SubjectVersion usage) {
    usages.merge(id, Set.of(usage), ContextIndex::union);
  }

  /** Forgets a usage; an id left without any is gone (permanently deleted everywhere). */
  void removeUsage(int id, SubjectVersion usage) {
    Set<SubjectVersion> left = usages.computeIfPresent(id, (key, old) -> {
      Set<SubjectVersion> rest = new HashSet<>(old);
      rest.remove(usage);
      return rest.isEmpty() ? null : Set.copyOf(rest);
    });
    if (left != null) {
      return;
    }
    StoredSchema gone = byId.remove(id);
    if (gone == null) {
      return;
    }
    SchemaContent content = SchemaContent.of(gone);
    if (idByContent.remove(content, id) && hasTwins) {
      repointContent(content);
    }
    for (SchemaReference ref : gone.references()) {
      referencedBy.computeIfPresent(new SubjectVersion(ref.subject(), ref.version()), (key, old) -> {
        Set<Integer> rest = new HashSet<>(old);
        rest.remove(id);
        return rest.isEmpty() ? null : Set.copyOf(rest);
      });
    }
  }

  /**
   * After the id a content pointed to is gone, another id with the same content (only IMPORT
   * makes such twins) takes over, the highest one. A scan, but only in a context that has twins.
   */
  private void repointContent(SchemaContent content) {
    byId.forEach((otherId, schema) -> {
      if (SchemaContent.of(schema).equals(content)) {
        idByContent.merge(content, otherId, Math::max);
      }
    });
  }

  private static <T> Set<T> union(Set<T> old, Set<T> added) {
    Set<T> all = new HashSet<>(old);
    all.addAll(added);
    return Set.copyOf(all);
  }
}
