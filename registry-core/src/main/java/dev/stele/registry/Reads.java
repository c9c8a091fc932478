package dev.stele.registry;

import dev.stele.registry.Results.SchemaText;
import dev.stele.registry.Results.VersionText;
import dev.stele.registry.state.ContextIndex;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SchemaContent;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.schema.ParsedSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The read side of {@link Registry}: answers from the durable state only, without locks.
 */
final class Reads {
  /** {@code schema.search.default.limit} and {@code .max.limit} of the Confluent registry. */
  private static final int SCHEMA_SEARCH_LIMIT = 1000;

  private final RegistryState state;
  private final SchemaParser parser;
  private final NodeOptions options;

  Reads(RegistryState state, SchemaParser parser, NodeOptions options) {
    this.state = state;
    this.parser = parser;
    this.options = options;
  }

  List<String> contexts() {
    List<String> contexts = new ArrayList<>();
    contexts.add(QualifiedSubject.DEFAULT_CONTEXT);
    for (String name : state.contextNames()) {
      if (!name.equals(QualifiedSubject.DEFAULT_CONTEXT)) {
        contexts.add(name);
      }
    }
    return contexts;
  }

  SchemaText schemaById(Requests.SchemaById request) {
    ContextIndex index = state.index(contextOfFilter(request.subject()));
    StoredSchema stored = index.byId(request.id());
    if (stored == null) {
      throw ErrorCode.SCHEMA_NOT_FOUND.exception("Schema " + request.id() + " not found");
    }
    String text = format(stored, request.format());
    Integer maxId = request.fetchMaxId() ? index.maxId() : null;
    return new SchemaText(stored, text, null, maxId);
  }

  List<String> subjectsForId(Requests.IdUsages request) {
    TreeSet<String> subjects = new TreeSet<>();
    for (SubjectVersion usage : usagesOf(request)) {
      subjects.add(usage.subject());
    }
    return page(new ArrayList<>(subjects), request.offset(), request.limit(), Integer.MAX_VALUE);
  }

  List<SubjectVersion> versionsForId(Requests.IdUsages request) {
    List<SubjectVersion> usages = usagesOf(request);
    usages.sort(java.util.Comparator.comparing(SubjectVersion::subject).thenComparingInt(SubjectVersion::version));
    return page(usages, request.offset(), request.limit(), Integer.MAX_VALUE);
  }

  List<SchemaVersion> schemas(Requests.ListSchemas request) {
    List<SchemaVersion> found = new ArrayList<>();
    for (Map.Entry<String, SubjectHistory> subject : subjectsWithPrefix(request.subjectPrefix())) {
      SubjectHistory history = subject.getValue();
      if (request.latestOnly()) {
        VersionEntry latest = history.latestLive();
        if (latest != null) {
          found.add(view(subject.getKey(), latest));
        }
        continue;
      }
      for (VersionEntry entry : history.all()) {
        if (request.deleted() || !entry.deleted()) {
          found.add(view(subject.getKey(), entry));
        }
      }
    }
    return page(found, request.offset(), request.limit(), SCHEMA_SEARCH_LIMIT);
  }

  List<String> subjects(Requests.ListSubjects request) {
    String prefix = request.subjectPrefix() == null ? ":*:" : request.subjectPrefix();
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, SubjectHistory> subject : subjectsWithPrefix(prefix)) {
      if (matches(subject.getValue(), request.deleted(), request.deletedOnly())) {
        found.add(subject.getKey());
      }
    }
    return page(found, request.offset(), request.limit(), Integer.MAX_VALUE);
  }

  List<Integer> versions(Requests.ListVersions request) {
    SubjectHistory history = historyOrThrow(request.subject(), request.deleted() || request.deletedOnly()
        || request.deletedAsNegative());
    List<Integer> versions = new ArrayList<>();
    for (VersionEntry entry : history.all()) {
      if (request.deletedAsNegative()) {
        versions.add(entry.deleted() ? -entry.version() : entry.version());
      } else if (request.deletedOnly() ? entry.deleted() : request.deleted() || !entry.deleted()) {
        versions.add(entry.version());
      }
    }
    return page(versions, request.offset(), request.limit(), Integer.MAX_VALUE);
  }

  VersionText version(Requests.GetVersion request) {
    int asked = Versions.parse(request.version());
    SubjectHistory history = historyOrThrow(request.subject(), request.deleted());
    VersionEntry entry = find(history, asked, request.deleted());
    return new VersionText(view(request.subject(), entry), format(entry.schema(), request.format()));
  }

  List<Integer> referencedBy(Requests.ReferencedBy request) {
    int asked = Versions.parse(request.version());
    SubjectHistory history = historyOrThrow(request.subject(), true);
    VersionEntry entry = find(history, asked, true);
    ContextIndex index = state.index(QualifiedSubject.contextOf(request.subject()));
    List<Integer> ids = new ArrayList<>();
    for (int id : new TreeSet<>(index.referencedBy(new SubjectVersion(request.subject(), entry.version())))) {
      if (request.deleted() || hasLiveUsage(index, id)) {
        ids.add(id);
      }
    }
    return page(ids, request.offset(), request.limit(), SCHEMA_SEARCH_LIMIT);
  }

  SchemaVersion lookup(Requests.Lookup request) {
    String subject = request.subject();
    SubjectHistory history = historyOrThrow(subject, request.deleted());
    Config config = Scopes.effectiveConfig(state, subject, options);
    boolean normalize = request.normalize() || Boolean.TRUE.equals(config.normalize());
    ParsedSchema parsed = parser.parse(new SchemaParser.Submitted(subject, request.payload(), null, null),
        state, false, normalize);
    SchemaPayload payload = request.payload();
    SchemaContent content = new SchemaContent(parsed.type(), parsed.canonical(),
        SchemaParser.pinned(payload.references(), state), payload.metadata(), payload.ruleSet());
    Integer id = state.index(QualifiedSubject.contextOf(subject)).idOf(content);
    List<VersionEntry> all = history.all();
    for (int i = all.size() - 1; id != null && i >= 0; i--) {
      VersionEntry entry = all.get(i);
      if (entry.schema().id() == id && (request.deleted() || !entry.deleted())) {
        return view(subject, entry);
      }
    }
    throw ErrorCode.SCHEMA_NOT_FOUND.exception("Schema not found");
  }

  /** The subject's history; 40401 when it has none, or only soft-deleted versions and those are not wanted. */
  SubjectHistory historyOrThrow(String subject, boolean includeDeleted) {
    SubjectHistory history = state.history(subject);
    if (history == null || (!includeDeleted && !history.hasLive())) {
      throw ErrorCode.SUBJECT_NOT_FOUND.exception(subject);
    }
    return history;
  }

  private static VersionEntry find(SubjectHistory history, int asked, boolean includeDeleted) {
    VersionEntry entry = asked == Versions.LATEST ? history.latestLive() : history.get(asked);
    if (entry == null || (entry.deleted() && !includeDeleted)) {
      throw ErrorCode.VERSION_NOT_FOUND.exception(asked);
    }
    return entry;
  }

  private List<SubjectVersion> usagesOf(Requests.IdUsages request) {
    ContextIndex index = state.index(contextOfFilter(request.subject()));
    if (index.byId(request.id()) == null) {
      throw ErrorCode.SCHEMA_NOT_FOUND.exception("Schema not found");
    }
    List<SubjectVersion> usages = new ArrayList<>();
    for (SubjectVersion usage : index.usages(request.id())) {
      SubjectHistory history = state.history(usage.subject());
      VersionEntry entry = history == null ? null : history.get(usage.version());
      if (entry != null && (request.deleted() || !entry.deleted())) {
        usages.add(usage);
      }
    }
    return usages;
  }

  private boolean hasLiveUsage(ContextIndex index, int id) {
    for (SubjectVersion usage : index.usages(id)) {
      SubjectHistory history = state.history(usage.subject());
      VersionEntry entry = history == null ? null : history.get(usage.version());
      if (entry != null && !entry.deleted()) {
        return true;
      }
    }
    return false;
  }

  private Iterable<Map.Entry<String, SubjectHistory>> subjectsWithPrefix(String prefix) {
    if (prefix == null || prefix.isEmpty() || prefix.equals(":*:")) {
      return state.subjects().entrySet();
    }
    return state.subjects().tailMap(prefix, true).headMap(prefix + Character.MAX_VALUE, false).entrySet();
  }

  private static boolean matches(SubjectHistory history, boolean deleted, boolean deletedOnly) {
    for (VersionEntry entry : history.all()) {
      if (deletedOnly ? entry.deleted() : deleted || !entry.deleted()) {
        return true;
      }
    }
    return false;
  }

  private String format(StoredSchema stored, String format) {
    if (format == null || format.isEmpty()) {
      return stored.schema();
    }
    try {
      return parser.parseStored(stored, state).formatted(format);
    } catch (IllegalArgumentException e) {
      // Unknown format names give the stored text, as in the Confluent registry.
      return stored.schema();
    }
  }

  /** The context a {@code subject} query parameter selects for id look-ups; default without one. */
  private static String contextOfFilter(String subject) {
    return subject == null ? QualifiedSubject.DEFAULT_CONTEXT : QualifiedSubject.contextOf(subject);
  }

  private static SchemaVersion view(String subject, VersionEntry entry) {
    return new SchemaVersion(subject, entry.version(), entry.schema(), entry.deleted(), entry.timestamp());
  }

  /** Offset and limit as the Confluent registry applies them: limit ≤ 0 means the default. */
  static <T> List<T> page(List<T> all, int offset, int limit, int defaultLimit) {
    int from = Math.max(0, Math.min(offset, all.size()));
    int size = limit <= 0 ? defaultLimit : Math.min(limit, defaultLimit);
    int to = (int) Math.min((long) from + size, all.size());
    return from == 0 && to == all.size() ? all : new ArrayList<>(all.subList(from, to));
  }
}
