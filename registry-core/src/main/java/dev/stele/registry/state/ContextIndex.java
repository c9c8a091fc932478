package dev.stele.registry.state;

import dev.stele.registry.log.SchemaGuids;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.model.SchemaContent;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.SubjectVersion;
import dev.stele.schema.SchemaReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The schema ids of one context: each id's schema, the id of each distinct content, which subject
 * versions use an id, and which ids reference a subject version. Written by one thread (the
 * state's applier), read by any: every value is immutable, and the tables publish changes whole.
 *
 * <p>Held for every schema in two states (durable and pending, docs/decisions/0002), so it is
 * kept small: ids index {@link IdTable}s, contents a {@link ContentTable}, GUIDs a
 * {@link GuidTable} (decision 0025), and an id's usages are
 * one {@link SubjectVersion} (the common case) or an array of them, rather than a set in a map
 * under a boxed key. Copying one for the other state shares all their pages.
 */
public final class ContextIndex {
  /** The context's name: a reference without a context lives here. */
  private final String context;
  private final IdTable<StoredSchema> byId;
  private final ContentTable byContent;
  /** A {@link SubjectVersion}, or a {@code SubjectVersion[]} of two or more. */
  private final IdTable<Object> usages;
  private final Map<SubjectVersion, Set<Integer>> referencedBy;
  /**
   * The ids of each GUID. Usually one; more when contents differ only in what the GUID leaves
   * out (the schema type) or IMPORT gave one content two ids.
   */
  private final GuidTable byGuid;
  private volatile int maxId;
  /** Whether IMPORT ever gave one content two ids here; until then no repointing is needed. */
  private volatile boolean hasTwins;

  /** The default context's. */
  public ContextIndex() {
    this(QualifiedSubject.DEFAULT_CONTEXT);
  }

  public ContextIndex(String context) {
    this(context, new IdTable<>(), new ContentTable(), new IdTable<>(), new ConcurrentHashMap<>(),
        new GuidTable());
  }

  private ContextIndex(String context, IdTable<StoredSchema> byId, ContentTable byContent,
      IdTable<Object> usages, Map<SubjectVersion, Set<Integer>> referencedBy,
      GuidTable byGuid) {
    this.context = context;
    this.byId = byId;
    this.byContent = byContent;
    this.usages = usages;
    this.referencedBy = referencedBy;
    this.byGuid = byGuid;
  }

  /**
   * An index built whole from a snapshot ({@link ContextLoad}): its tables were filled before
   * anyone could see them.
   *
   * @param referencedBy a concurrent map, as this index's own
   */
  static ContextIndex loaded(String context, IdTable<StoredSchema> byId, ContentTable byContent,
      IdTable<Object> usages, Map<SubjectVersion, Set<Integer>> referencedBy,
      GuidTable byGuid, int maxId, boolean hasTwins) {
    ContextIndex index = new ContextIndex(context, byId, byContent, usages, referencedBy, byGuid);
    index.maxId = maxId;
    index.hasTwins = hasTwins;
    return index;
  }

  ContextIndex copy() {
    ContextIndex copy = new ContextIndex(context, byId.copy(), byContent.copy(), usages.copy(),
        new ConcurrentHashMap<>(referencedBy), byGuid.copy());
    copy.maxId = maxId;
    copy.hasTwins = hasTwins;
    return copy;
  }

  /**
   * Every id of this context with its schema and GUID, for a state snapshot, which keeps the GUIDs
   * so that loading it needs no digest. An id the content table does not point to (an IMPORT twin)
   * comes before the one it does, so interning them in this order points the table as it was.
   *
   * @throws IllegalStateException when the GUID index misses an id (a bug): no snapshot then
   */
  void forEachForSnapshot(BiConsumer<StoredSchema, UUID> action) {
    int[] seen = {0, 0};
    if (!hasTwins) { // one pass, no content look-up: no content has two ids here
      byGuid.forEach((guid, id) -> {
        StoredSchema schema = byId.get(id);
        if (schema != null) {
          seen[0]++;
          action.accept(schema, guid);
        }
      });
    }
    for (boolean twinPass : hasTwins ? new boolean[] {true, false} : new boolean[0]) {
      byGuid.forEach((guid, id) -> {
        StoredSchema schema = byId.get(id);
        if (schema == null) {
          return;
        }
        StoredSchema pointed = byContent.get(schema.content());
        if ((pointed != null && pointed.id() != id) == twinPass) {
          seen[0]++;
          action.accept(schema, guid);
        }
      });
    }
    byId.forEach((schema, id) -> seen[1]++);
    if (seen[0] != seen[1]) {
      throw new IllegalStateException("the GUID index names " + seen[0] + " of " + seen[1] + " ids");
    }
  }

  public StoredSchema byId(int id) {
    return byId.get(id);
  }

  /**
   * The id of this content, or null. When IMPORT gave one content several ids, the one written
   * last, as the Confluent registry's content-hash lookup answers.
   */
  public Integer idOf(SchemaContent content) {
    StoredSchema stored = byContent.get(content);
    return stored == null ? null : stored.id();
  }

  /** The ids whose content has this GUID ({@link SchemaGuids}), lowest first; empty when none. */
  public List<Integer> idsOfGuid(UUID guid) {
    return byGuid.ids(guid);
  }

  /** The subject versions that use an id, soft-deleted ones included. */
  public Set<SubjectVersion> usages(int id) {
    Object found = usages.get(id);
    if (found == null) {
      return Set.of();
    }
    return found instanceof SubjectVersion one ? Set.of(one) : Set.of((SubjectVersion[]) found);
  }

  /** The ids of this context's schemas that reference a subject version (qualified subject). */
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
      return existing.content().equals(content) ? existing : null;
    }
    StoredSchema stored = content.withId(id);
    byId.put(id, stored);
    StoredSchema previous = byContent.put(stored);
    if (previous != null && previous.id() != id) {
      hasTwins = true;
    }
    maxId = Math.max(maxId, id);
    // One digest per new id, on the applier thread: GUIDs are derived, never read from records.
    UUID guid = SchemaGuids.of(content);
    byGuid.add(guid, id);
    for (SchemaReference ref : stored.references()) {
      referencedBy.merge(referenced(ref), Set.of(id), ContextIndex::union);
    }
    return stored;
  }

  void addUsage(int id, SubjectVersion usage) {
    Object old = usages.get(id);
    Object now = withUsage(old, usage);
    if (now != old) {
      usages.put(id, now);
    }
  }

  /** An id's usages (null, one, or an array) with one more; {@code old} itself when it has it. */
  static Object withUsage(Object old, SubjectVersion usage) {
    if (old == null) {
      return usage;
    }
    SubjectVersion[] all =
        old instanceof SubjectVersion one ? new SubjectVersion[] {one} : (SubjectVersion[]) old;
    for (SubjectVersion known : all) {
      if (known.equals(usage)) {
        return old;
      }
    }
    SubjectVersion[] more = Arrays.copyOf(all, all.length + 1);
    more[all.length] = usage;
    return more;
  }

  /**
   * Forgets a usage; an id left without any is gone (permanently deleted everywhere).
   *
   * @return true when this was the id's last usage and the id is gone
   */
  boolean removeUsage(int id, SubjectVersion usage) {
    Object current = usages.get(id);
    Object left = current instanceof SubjectVersion[] all ? without(all, usage)
        : usage.equals(current) ? null : current;
    usages.put(id, left);
    if (left != null) {
      return false;
    }
    StoredSchema gone = byId.get(id);
    if (gone == null) {
      return false;
    }
    byId.put(id, null);
    if (byContent.remove(gone) && hasTwins) {
      repointContent(gone.content());
    }
    byGuid.remove(SchemaGuids.of(gone.content()), id);
    for (SchemaReference ref : gone.references()) {
      referencedBy.computeIfPresent(referenced(ref), (key, old) -> {
        Set<Integer> rest = new HashSet<>(old);
        rest.remove(id);
        return rest.isEmpty() ? null : Set.copyOf(rest);
      });
    }
    return true;
  }

  /**
   * After the id a content pointed to is gone, another id with the same content (only IMPORT
   * makes such twins) takes over, the highest one. A scan, but only in a context that has twins.
   */
  private void repointContent(SchemaContent content) {
    byId.forEach((schema, otherId) -> {
      StoredSchema current = byContent.get(content);
      if (schema.content().equals(content) && (current == null || current.id() < otherId)) {
        byContent.put(schema);
      }
    });
  }

  /** The subject version a reference names, its subject qualified with this context. */
  private SubjectVersion referenced(SchemaReference ref) {
    return referenced(context, ref);
  }

  static SubjectVersion referenced(String context, SchemaReference ref) {
    return new SubjectVersion(QualifiedSubject.qualifyWithParent(ref.subject(), context), ref.version());
  }

  /** The usages left after removing one: the array, a single one, or null for none. */
  private static Object without(SubjectVersion[] all, SubjectVersion usage) {
    List<SubjectVersion> rest = new ArrayList<>(Arrays.asList(all));
    rest.remove(usage);
    if (rest.size() == all.length) {
      return all;
    }
    return rest.isEmpty() ? null : rest.size() == 1 ? rest.get(0) : rest.toArray(new SubjectVersion[0]);
  }

  static <T> Set<T> union(Set<T> old, Set<T> added) {
    Set<T> all = new HashSet<>(old);
    all.addAll(added);
    return Set.copyOf(all);
  }
}
