package dev.stele.registry.read;

import dev.stele.registry.log.SchemaGuids;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.Results.ContextId;
import dev.stele.registry.model.Results.SchemaText;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.SubjectVersion;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.state.ContextIndex;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reads by schema id ({@code /schemas/ids/{id}...}). Ids are per context; the {@code subject}
 * query parameter picks the context, falling back to other contexts for an unqualified subject
 * whose own context lacks the id (../shared/API.md §2.7).
 */
public final class IdReads {
  private static final Comparator<SubjectVersion> USAGE_ORDER =
      Comparator.comparing(SubjectVersion::subject).thenComparingInt(SubjectVersion::version);

  private final RegistryState state;
  private final SchemaParser parser;

  public IdReads(RegistryState state, SchemaParser parser) {
    this.state = state;
    this.parser = parser;
  }

  public SchemaText schemaById(Requests.SchemaById request) {
    ContextIndex index = state.index(contextOfId(request.id(), request.subject()));
    StoredSchema stored = index.byId(request.id());
    if (stored == null) {
      throw ErrorCode.SCHEMA_NOT_FOUND.exception("Schema " + request.id() + " not found");
    }
    String formatted = Reads.formatted(parser, state, stored, request.format());
    Integer maxId = request.fetchMaxId() ? index.maxId() : null;
    return new SchemaText(stored, formatted, usage(index, request.id(), request.subject()),
        request.subject() != null, maxId, Reads.findTags(parser, state, stored, request.findTags()));
  }

  /**
   * The version an id's answer speaks of, as Confluent 8.5 picks it: the {@code subject}
   * parameter's version holding the id (its latest, if several do), else the first version
   * holding it in the context (by subject, then version). Soft-deleted ones count: the answer
   * says so.
   */
  private SchemaVersion usage(ContextIndex index, int id, String subjectParameter) {
    String wanted = subjectParameter == null ? null
        : QualifiedSubject.parse(SubjectLookup.resolve(state, subjectParameter)).name();
    SchemaVersion first = null;
    SchemaVersion named = null;
    TreeSet<SubjectVersion> ordered = new TreeSet<>(USAGE_ORDER);
    ordered.addAll(index.usages(id));
    for (SubjectVersion usage : ordered) {
      SubjectHistory history = state.history(usage.subject());
      VersionEntry entry = history == null ? null : history.get(usage.version());
      if (entry == null) {
        continue;
      }
      SchemaVersion version = new SchemaVersion(usage.subject(), usage.version(), entry.schema(),
          entry.deleted(), entry.timestamp());
      first = first == null ? version : first;
      if (wanted != null && QualifiedSubject.parse(usage.subject()).name().equals(wanted)) {
        named = version;
      }
    }
    return named != null ? named : first;
  }

  /** The normalized form of the schema {@code schemaById} would answer (Stele's /v1). */
  public String normalized(Requests.SchemaById request) {
    StoredSchema stored = state.index(contextOfId(request.id(), request.subject())).byId(request.id());
    if (stored == null) {
      throw ErrorCode.SCHEMA_NOT_FOUND.exception("Schema " + request.id() + " not found");
    }
    return parser.parseStored(stored, state).normalize().canonical();
  }

  /**
   * {@code GET /schemas/guids/{guid}}: the schema of the GUID's id in the default context, else
   * in the first other context that has one, as Confluent looks it up. A text that is no GUID is
   * simply not found.
   */
  public SchemaText schemaByGuid(Requests.SchemaByGuid request) {
    for (ContextId found : idsForGuid(request.guid())) {
      String subject = found.context().equals(QualifiedSubject.DEFAULT_CONTEXT) ? null : ":" + found.context() + ":";
      return schemaById(new Requests.SchemaById(found.id(), subject, request.format(), false));
    }
    throw ErrorCode.SCHEMA_NOT_FOUND.exception("Schema " + request.guid() + " not found");
  }

  /** {@code GET /schemas/guids/{guid}/ids}: every context's ids, default context first; maybe none. */
  public List<ContextId> idsForGuid(String guidText) {
    UUID guid = SchemaGuids.parse(guidText);
    List<ContextId> ids = new ArrayList<>();
    if (guid == null) {
      return ids;
    }
    for (String context : Reads.contexts(state, "")) {
      for (int id : state.index(context).idsOfGuid(guid)) {
        ids.add(new ContextId(context, id));
      }
    }
    return ids;
  }

  public List<String> subjectsForId(Requests.IdUsages request) {
    TreeSet<String> subjects = new TreeSet<>();
    for (SubjectVersion usage : usagesOf(request)) {
      subjects.add(usage.subject());
    }
    return Reads.page(new ArrayList<>(subjects), request.offset(), request.limit(), Integer.MAX_VALUE);
  }

  public List<SubjectVersion> versionsForId(Requests.IdUsages request) {
    List<SubjectVersion> usages = usagesOf(request);
    usages.sort(Comparator.comparing(SubjectVersion::subject).thenComparingInt(SubjectVersion::version));
    return Reads.page(usages, request.offset(), request.limit(), Integer.MAX_VALUE);
  }

  private List<SubjectVersion> usagesOf(Requests.IdUsages request) {
    ContextIndex index = state.index(contextOfId(request.id(), request.subject()));
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

  /**
   * The context whose ids a {@code subject} query parameter selects: the default one without a
   * subject; the subject's (after {@link SubjectLookup#resolve}); and for an unqualified subject
   * whose context lacks the id, the first other context that has it.
   */
  private String contextOfId(int id, String subjectParameter) {
    if (subjectParameter == null) {
      return QualifiedSubject.DEFAULT_CONTEXT;
    }
    String subject = SubjectLookup.resolve(state, subjectParameter);
    String found = SubjectLookup.withFallback(state, subject,
        s -> state.index(QualifiedSubject.contextOf(s)).byId(id) != null);
    return QualifiedSubject.contextOf(found);
  }
}
