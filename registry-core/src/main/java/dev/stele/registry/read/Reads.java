package dev.stele.registry.read;

import dev.stele.registry.log.ContractCodec;
import dev.stele.registry.model.Association;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.LogicalFormat;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.RuleSet;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.SubjectVersion;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.state.ContextIndex;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.schema.SchemaEntity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The read side of {@code Registry} that lists (contexts, subjects, versions, schemas, aliases):
 * answers from the durable state only, without locks. Reads of one version are in
 * {@link VersionReads}, reads by schema id in {@link IdReads}.
 */
public record Reads(RegistryState state, SchemaParser parser) {
  /** {@code schema.search.default.limit} and {@code .max.limit} of the Confluent registry. */
  public static final int SCHEMA_SEARCH_LIMIT = 1000;

  public List<String> contexts(Requests.ListContexts request) {
    List<String> contexts = contexts(state, request.contextPrefix() == null ? "" : request.contextPrefix());
    // context.search.default.limit and .max.limit are Integer.MAX_VALUE in the Confluent registry.
    return page(contexts, request.offset(), request.limit(), Integer.MAX_VALUE);
  }

  /** The names of the contexts under {@code prefix} ("" for all), the default context first. */
  public static List<String> contexts(RegistryState state, String prefix) {
    List<String> contexts = new ArrayList<>();
    if (QualifiedSubject.DEFAULT_CONTEXT.startsWith(prefix)) {
      contexts.add(QualifiedSubject.DEFAULT_CONTEXT);
    }
    for (String name : state.contextNames()) {
      if (!name.equals(QualifiedSubject.DEFAULT_CONTEXT) && name.startsWith(prefix)) {
        contexts.add(name);
      }
    }
    return contexts;
  }

  /**
   * {@code GET /schemas}: every version under the prefix, or each subject's latest (counting
   * soft-deleted ones when they are asked for), optionally only those with a rule of a type.
   */
  public List<Results.ListedSchema> schemas(Requests.ListSchemas request) {
    List<Results.ListedSchema> found = new ArrayList<>();
    for (Map.Entry<String, SubjectHistory> subject : subjectsWithPrefix(request.subjectPrefix())) {
      Optional<List<Association>> associations =
          request.associations().select(state.associations().ofSubject(subject.getKey()));
      if (associations.isEmpty()) {
        continue;
      }
      List<VersionEntry> candidates = subject.getValue().all();
      if (request.latestOnly()) {
        VersionEntry latest = request.deleted() ? candidates.get(candidates.size() - 1)
            : subject.getValue().latestLive();
        candidates = latest == null ? List.of() : List.of(latest);
      }
      for (VersionEntry entry : candidates) {
        if ((request.deleted() || !entry.deleted()) && hasRuleType(entry, request.ruleType())) {
          found.add(new Results.ListedSchema(view(subject.getKey(), entry), associations.get()));
        }
      }
    }
    return page(found, request.offset(), request.limit(), SCHEMA_SEARCH_LIMIT);
  }

  /** Alias subjects by the subject they stand for, each list sorted. */
  public Map<String, List<String>> aliases() {
    Map<String, List<String>> aliases = new TreeMap<>();
    for (String scope : state.configScopes()) {
      Config config = scope == null ? null : state.config(scope);
      if (config != null && config.alias() != null && !config.alias().isEmpty()) {
        aliases.computeIfAbsent(SubjectLookup.canonical(config.alias()), a -> new ArrayList<>()).add(scope);
      }
    }
    aliases.values().forEach(java.util.Collections::sort);
    return aliases;
  }

  public List<String> subjects(Requests.ListSubjects request) {
    String prefix = request.subjectPrefix() == null ? ":*:" : request.subjectPrefix();
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, SubjectHistory> subject : subjectsWithPrefix(prefix)) {
      if (matches(subject.getValue(), request.deleted(), request.deletedOnly())) {
        found.add(subject.getKey());
      }
    }
    return page(found, request.offset(), request.limit(), Integer.MAX_VALUE);
  }

  /** A context named as a subject ({@code :.ctx:}) has no versions of its own, but exists. */
  public List<Integer> versions(Requests.ListVersions request) {
    String subject = SubjectLookup.resolve(state, request.subject());
    SubjectHistory history = state.history(subject) == null && isKnownContext(subject) ? SubjectHistory.EMPTY
        : historyOrThrow(subject, request.deleted() || request.deletedOnly() || request.deletedAsNegative());
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

  /** The subject's history; 40401 when it has none, or only soft-deleted versions and those are not wanted. */
  private SubjectHistory historyOrThrow(String subject, boolean includeDeleted) {
    SubjectHistory history = state.history(subject);
    if (history == null || (!includeDeleted && !history.hasLive())) {
      throw ErrorCode.SUBJECT_NOT_FOUND.exception(subject);
    }
    return history;
  }

  public static boolean hasLiveUsage(RegistryState state, ContextIndex index, int id) {
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

  public static String format(SchemaParser parser, RegistryState state, StoredSchema stored, String format) {
    String formatted = formatted(parser, state, stored, format);
    return formatted != null ? formatted : stored.schema();
  }

  /** The text in a named format, or null when that is the stored text (no format, or an unknown one). */
  public static String formatted(SchemaParser parser, RegistryState state, StoredSchema stored, String format) {
    if (format == null || format.isEmpty()) {
      return null;
    }
    LogicalFormat.refuse(format);
    try {
      return parser.parseStored(stored, state).formatted(format);
    } catch (IllegalArgumentException e) {
      // Unknown format names give the stored text, as in the Confluent registry.
      return null;
    }
  }

  /**
   * {@code findTags}: the schema's tagged entities that carry any of {@code wanted}, or all of
   * them for {@code *}, in schema order.
   */
  public static Map<SchemaEntity, Set<String>> findTags(SchemaParser parser, RegistryState state,
      StoredSchema stored, List<String> wanted) {
    if (wanted.isEmpty()) {
      return Map.of(); // not asked: no parsing
    }
    boolean any = wanted.contains("*");
    Map<SchemaEntity, Set<String>> found = new LinkedHashMap<>();
    parser.parseStored(stored, state).inlineTags().forEach((entity, tags) -> {
      if (any || !Collections.disjoint(wanted, tags)) {
        found.put(entity, tags);
      }
    });
    return found;
  }

  private boolean isKnownContext(String subject) {
    QualifiedSubject qualified = QualifiedSubject.parse(subject);
    return !qualified.inDefaultContext() && qualified.name().isEmpty()
        && state.contextNames().contains(qualified.context());
  }

  private static boolean hasRuleType(VersionEntry entry, String ruleType) {
    if (ruleType == null || ruleType.isEmpty()) {
      return true;
    }
    RuleSet rules = ContractCodec.ruleSet(entry.schema().ruleSet());
    return rules != null && rules.hasRuleOfType(ruleType);
  }

  public static SchemaVersion view(String subject, VersionEntry entry) {
    return new SchemaVersion(subject, entry.version(), entry.schema(), entry.deleted(), entry.timestamp());
  }

  /** Offset and limit as the Confluent registry applies them: limit ≤ 0 means the default. */
  public static <T> List<T> page(List<T> all, int offset, int limit, int defaultLimit) {
    int from = Math.max(0, Math.min(offset, all.size()));
    int size = limit <= 0 ? defaultLimit : Math.min(limit, defaultLimit);
    int to = (int) Math.min((long) from + size, all.size());
    return from == 0 && to == all.size() ? all : new ArrayList<>(all.subList(from, to));
  }
}
