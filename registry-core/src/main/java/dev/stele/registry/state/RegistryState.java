package dev.stele.registry.state;

import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.AssocRecord;
import dev.stele.registry.log.RegistryRecord.ClearSubjectRecord;
import dev.stele.registry.log.RegistryRecord.ConfigRecord;
import dev.stele.registry.log.RegistryRecord.ContextRecord;
import dev.stele.registry.log.RegistryRecord.DeleteSubjectRecord;
import dev.stele.registry.log.RegistryRecord.DekRecord;
import dev.stele.registry.log.RegistryRecord.KekRecord;
import dev.stele.registry.log.RegistryRecord.ModeRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.log.RegistryRecord.SchemaValue;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.Mode;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.model.SchemaContent;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.SubjectVersion;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the registry knows, built by applying log records in order. One thread applies
 * (calls are serialized by the monitor); any thread reads without locking, since every map is
 * concurrent and every value immutable. A reader may see one record half applied across indexes
 * (a new id before its subject version); no read needs more than that.
 */
public final class RegistryState implements RecordSink {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryState.class);

  private final NavigableMap<String, SubjectHistory> subjects = new ConcurrentSkipListMap<>();
  private final Map<String, ContextIndex> contexts = new ConcurrentHashMap<>();
  private final Map<String, Config> configs = new ConcurrentHashMap<>();
  private final Map<String, Mode> modes = new ConcurrentHashMap<>();
  private final Set<String> declaredContexts = new ConcurrentSkipListSet<>();
  // Contexts deleted by a CONTEXT tombstone: their id index stays (ids are never handed out
  // twice in a context) but they are not listed until a schema or a CONTEXT record comes again.
  private final Set<String> deletedContexts = new ConcurrentSkipListSet<>();
  // The DEK registry's keys: a table of their own, since nothing of a schema refers to them.
  private final KeyTable keys;
  // Confluent 8.x's associations of topics with subjects.
  private final AssociationTable associations;
  private volatile long lastOffset = -1;
  // Counts for metrics, kept as records apply so that reading them is O(1) (the skip list's
  // size() walks it). Written under the monitor, read without it.
  private volatile int subjectCount;
  private volatile long versionCount;
  private volatile long schemaCount;

  public RegistryState() {
    this(new KeyTable(), new AssociationTable());
  }

  private RegistryState(KeyTable keys, AssociationTable associations) {
    this.keys = keys;
    this.associations = associations;
  }

  /** A copy that shares every immutable value and none of the maps. */
  public synchronized RegistryState copy() {
    RegistryState copy = new RegistryState(keys.copy(), associations.copy());
    copy.subjects.putAll(subjects);
    contexts.forEach((name, index) -> copy.contexts.put(name, index.copy()));
    copy.configs.putAll(configs);
    copy.modes.putAll(modes);
    copy.declaredContexts.addAll(declaredContexts);
    copy.deletedContexts.addAll(deletedContexts);
    copy.lastOffset = lastOffset;
    copy.subjectCount = subjectCount;
    copy.versionCount = versionCount;
    copy.schemaCount = schemaCount;
    return copy;
  }

  @Override
  public synchronized void apply(RegistryRecord record, long offset, long timestamp) {
    // Java 17 has no pattern switch; the chain covers every permitted record type.
    if (record instanceof SchemaRecord r) {
      applySchema(r, timestamp);
    } else if (record instanceof ConfigRecord r) {
      putOrRemove(configs, ScopeKeys.key(r.subject()), r.value());
    } else if (record instanceof ModeRecord r) {
      putOrRemove(modes, ScopeKeys.key(r.subject()), r.value());
    } else if (record instanceof DeleteSubjectRecord r) {
      subjects.computeIfPresent(r.subject(), (s, h) -> h.deletedUpTo(r.version()));
    } else if (record instanceof ClearSubjectRecord r) {
      clearDeleted(r.subject());
    } else if (record instanceof ContextRecord r) {
      if (r.deleted()) {
        declaredContexts.remove(r.context());
        deletedContexts.add(r.context());
      } else {
        declaredContexts.add(r.context());
        deletedContexts.remove(r.context());
      }
    } else if (record instanceof KekRecord r) {
      keys.apply(r, timestamp);
    } else if (record instanceof DekRecord r) {
      keys.apply(r, timestamp);
    } else if (record instanceof AssocRecord r) {
      associations.apply(r, timestamp);
    }
    lastOffset = Math.max(lastOffset, offset);
  }

  /** The DEK registry's KEKs and DEKs. */
  public KeyTable keys() {
    return keys;
  }

  /** The associations of resources (topics) with subjects. */
  public AssociationTable associations() {
    return associations;
  }

  private void applySchema(SchemaRecord record, long timestamp) {
    // Each decoded record brings its own String of the subject; the usage below keeps the map's
    // instance instead (a million versions held about 60 MB of copies of 200,000 names).
    Map.Entry<String, SubjectHistory> known = subjects.ceilingEntry(record.subject());
    boolean isKnown = known != null && known.getKey().equals(record.subject());
    String subject = isKnown ? known.getKey() : record.subject();
    String context = QualifiedSubject.contextOf(subject);
    ContextIndex index = contextIndex(context);
    if (record.value() != null) {
      deletedContexts.remove(context);
    }
    SubjectHistory history = isKnown ? known.getValue() : SubjectHistory.EMPTY;
    VersionEntry old = history.get(record.version());
    SubjectVersion usage = new SubjectVersion(subject, record.version());
    SchemaValue value = record.value();
    if (value == null) {
      if (old != null) {
        putHistory(subject, history.without(record.version()));
        forget(index, old.schema().id(), usage);
      }
      return;
    }
    SchemaContent content = new SchemaContent(value.schemaType(), value.schema(), value.references(),
        value.metadata(), value.ruleSet());
    boolean newId = index.byId(value.id()) == null;
    StoredSchema stored = index.intern(value.id(), content);
    if (stored != null && newId) {
      schemaCount++;
    }
    if (stored == null) {
      LOG.warn("Skipping record for {} version {}: id {} already names another schema",
          subject, record.version(), value.id());
      return;
    }
    if (old != null && old.schema().id() != stored.id()) {
      forget(index, old.schema().id(), usage);
    }
    putHistory(subject, history.with(new VersionEntry(record.version(), stored, value.deleted(), timestamp)));
    index.addUsage(stored.id(), usage);
  }

  private void clearDeleted(String subject) {
    SubjectHistory history = subjects.get(subject);
    if (history == null) {
      return;
    }
    ContextIndex index = contextIndex(QualifiedSubject.contextOf(subject));
    for (VersionEntry entry : history.all()) {
      if (entry.deleted()) {
        history = history.without(entry.version());
        forget(index, entry.schema().id(), new SubjectVersion(subject, entry.version()));
      }
    }
    putHistory(subject, history);
  }

  /** Drops a use of {@code id}; the id itself goes (and is no longer counted) with its last use. */
  private void forget(ContextIndex index, int id, SubjectVersion usage) {
    if (index.removeUsage(id, usage)) {
      schemaCount--;
    }
  }

  private void putHistory(String subject, SubjectHistory history) {
    SubjectHistory old = subjects.get(subject);
    int before = old == null ? 0 : old.size();
    versionCount += history.size() - before;
    if (before == 0 && !history.isEmpty()) {
      subjectCount++;
    } else if (before > 0 && history.isEmpty()) {
      subjectCount--;
    }
    if (history.isEmpty()) {
      subjects.remove(subject);
    } else {
      subjects.put(subject, history);
    }
  }

  private ContextIndex contextIndex(String context) {
    return contexts.computeIfAbsent(context, ContextIndex::new);
  }

  /**
   * The context whose id table holds this very instance (the default context when none does):
   * a stored schema's references are read in its context. A scan of the contexts, which are few.
   */
  public String contextHolding(StoredSchema stored) {
    for (Map.Entry<String, ContextIndex> entry : contexts.entrySet()) {
      if (entry.getValue().byId(stored.id()) == stored) {
        return entry.getKey();
      }
    }
    return QualifiedSubject.DEFAULT_CONTEXT;
  }

  private static <V> void putOrRemove(Map<String, V> map, String key, V value) {
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  // ---- snapshots (StateSnapshot): raw access and restoring, package-private ----

  Map<String, ContextIndex> contextIndexes() {
    return contexts;
  }

  Set<String> declaredContexts() {
    return declaredContexts;
  }

  Set<String> deletedContexts() {
    return deletedContexts;
  }

  /** Puts a context's index, built whole from a snapshot, with its count of ids. */
  synchronized void restoreContext(String context, ContextIndex index, int ids) {
    contexts.put(context, index);
    schemaCount += ids;
  }

  /** Puts a subject's versions from a snapshot; their usages are in their context's index. */
  synchronized void restoreSubject(String subject, SubjectHistory history) {
    putHistory(subject, history);
  }

  synchronized void restoreLastOffset(long offset) {
    lastOffset = offset;
  }

  /**
   * Forgets everything, as before the first record: a snapshot that failed half way through
   * loading leaves the state empty for a replay from the log's start.
   */
  public synchronized void clear() {
    subjects.clear();
    contexts.clear();
    configs.clear();
    modes.clear();
    declaredContexts.clear();
    deletedContexts.clear();
    keys.clear();
    associations.clear();
    lastOffset = -1;
    subjectCount = 0;
    versionCount = 0;
    schemaCount = 0;
  }

  // ---- reads ----

  /** Every subject with at least one version (soft-deleted included), sorted by name. */
  public NavigableMap<String, SubjectHistory> subjects() {
    return subjects;
  }

  public SubjectHistory history(String subject) {
    return subjects.get(subject);
  }

  /** The id index of a context; an empty one when the context has never held a schema. */
  public ContextIndex index(String context) {
    ContextIndex index = contexts.get(context);
    return index != null ? index : EMPTY_INDEX;
  }

  /**
   * Contexts that hold or held schemas, and those declared by CONTEXT records, less those a
   * CONTEXT tombstone deleted since.
   */
  public Set<String> contextNames() {
    Set<String> names = new java.util.TreeSet<>(declaredContexts);
    names.addAll(contexts.keySet());
    names.removeAll(deletedContexts);
    return names;
  }

  /** A scope's own config: the subject's, a context's ({@code :.ctx:}) or global (null). */
  public Config config(String scope) {
    return configs.get(ScopeKeys.key(scope));
  }

  public Mode mode(String scope) {
    return modes.get(ScopeKeys.key(scope));
  }

  /** ScopeKeys (null for global) that have a mode of their own. */
  public Set<String> modeScopes() {
    return ScopeKeys.scopes(modes.keySet());
  }

  public Set<String> configScopes() {
    return ScopeKeys.scopes(configs.keySet());
  }

  /** Subjects holding versions, soft-deleted ones included; O(1). */
  public int subjectCount() {
    return subjectCount;
  }

  /** Versions across subjects, soft-deleted ones included; O(1). */
  public long versionCount() {
    return versionCount;
  }

  /** Distinct schema ids across contexts; O(1). */
  public long schemaCount() {
    return schemaCount;
  }

  /** The offset of the last record applied, -1 before any. */
  public long lastOffset() {
    return lastOffset;
  }

  private static final ContextIndex EMPTY_INDEX = new ContextIndex();
}
