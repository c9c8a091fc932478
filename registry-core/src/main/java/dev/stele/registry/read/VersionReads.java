package dev.stele.registry.read;

import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Metadata;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.Results.VersionText;
import dev.stele.registry.model.SchemaContent;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.registry.model.SubjectVersion;
import dev.stele.registry.model.Submission;
import dev.stele.registry.model.Versions;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.state.ContextIndex;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.schema.ParsedSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads of one version of a subject: by number, by schema ({@code POST /subjects/{s}}), by
 * metadata, and who references it. The first two fall back to other contexts for an unqualified
 * subject ({@link SubjectLookup}); their errors are about the subject as asked for.
 */
public record VersionReads(RegistryState state, SchemaParser parser, NodeOptions options) {
  public VersionText version(Requests.GetVersion request) {
    int asked = Versions.parse(request.version());
    String subject = SubjectLookup.resolve(state, request.subject());
    String found = SubjectLookup.withFallback(state, subject,
        s -> find(state.history(s), asked, request.deleted()) != null);
    VersionEntry entry = findOrThrow(historyOrThrow(found, request.deleted()), asked, request.deleted());
    String text = Reads.format(parser, state, entry.schema(), request.format());
    return new VersionText(Reads.view(found, entry), text,
        Reads.findTags(parser, state, entry.schema(), request.findTags()));
  }

  public List<Integer> referencedBy(Requests.ReferencedBy request) {
    int asked = Versions.parse(request.version());
    String subject = SubjectLookup.withFallback(state, SubjectLookup.resolve(state, request.subject()),
        s -> find(state.history(s), asked, true) != null);
    VersionEntry entry = findOrThrow(historyOrThrow(subject, true), asked, true);
    ContextIndex index = state.index(QualifiedSubject.contextOf(subject));
    List<Integer> ids = new ArrayList<>();
    for (int id : new TreeSet<>(index.referencedBy(new SubjectVersion(subject, entry.version())))) {
      if (request.deleted() || Reads.hasLiveUsage(state, index, id)) {
        ids.add(id);
      }
    }
    return Reads.page(ids, request.offset(), request.limit(), Reads.SCHEMA_SEARCH_LIMIT);
  }

  public SchemaVersion lookup(Requests.Lookup request) {
    String subject = SubjectLookup.resolve(state, request.subject());
    String existing = SubjectLookup.withFallback(state, subject, s -> hasVersions(s, request.deleted()));
    historyOrThrow(existing, request.deleted());
    Config config = Scopes.effectiveConfig(state, subject, options);
    boolean normalize = request.normalize() || Boolean.TRUE.equals(config.normalize());
    ParsedSchema parsed = parser.parse(new Submission(subject, request.payload(), null, null),
        state, false, normalize);
    SchemaContent content = SchemaLookup.content(parsed, request.payload(), subject, state, normalize);
    String found = SubjectLookup.withFallback(state, subject, s -> find(s, content, request.deleted()) != null);
    VersionEntry entry = find(found, content, request.deleted());
    if (entry == null) {
      // The default context's subject decides between "no such subject" and "no such schema".
      historyOrThrow(subject, request.deleted());
      throw ErrorCode.SCHEMA_NOT_FOUND.exception("Schema not found");
    }
    return Reads.view(found, entry);
  }

  /** {@code GET /subjects/{s}/metadata}: the newest version whose properties include all given. */
  public VersionText latestWithMetadata(Requests.LatestWithMetadata request) {
    String subject = SubjectLookup.resolve(state, request.subject());
    List<VersionEntry> all = historyOrThrow(subject, request.deleted()).all();
    for (int i = all.size() - 1; i >= 0; i--) {
      VersionEntry entry = all.get(i);
      if ((request.deleted() || !entry.deleted()) && hasProperties(entry, request.properties())) {
        return new VersionText(Reads.view(subject, entry),
            Reads.format(parser, state, entry.schema(), request.format()));
      }
    }
    throw ErrorCode.SCHEMA_NOT_FOUND.exception("Schema not found");
  }

  /** The subject's history; 40401 when it has none, or only soft-deleted versions and those are not wanted. */
  public SubjectHistory historyOrThrow(String subject, boolean includeDeleted) {
    SubjectHistory history = state.history(subject);
    if (history == null || (!includeDeleted && !history.hasLive())) {
      throw ErrorCode.SUBJECT_NOT_FOUND.exception(subject);
    }
    return history;
  }

  private boolean hasVersions(String subject, boolean includeDeleted) {
    SubjectHistory history = state.history(subject);
    return history != null && (includeDeleted || history.hasLive());
  }

  private VersionEntry find(String subject, SchemaContent content, boolean includeDeleted) {
    return SchemaLookup.find(state.history(subject), state.index(QualifiedSubject.contextOf(subject)),
        content, includeDeleted);
  }

  private static boolean hasProperties(VersionEntry entry, Map<String, String> wanted) {
    if (wanted.isEmpty()) {
      return true;
    }
    Metadata metadata = dev.stele.registry.log.ContractCodec.metadata(entry.schema().metadata());
    return metadata != null && metadata.hasProperties(wanted);
  }

  /** A version of a history, or null: {@code latest} is the highest live one. */
  private static VersionEntry find(SubjectHistory history, int asked, boolean includeDeleted) {
    if (history == null) {
      return null;
    }
    VersionEntry entry = asked == Versions.LATEST ? history.latestLive() : history.get(asked);
    return entry == null || (entry.deleted() && !includeDeleted) ? null : entry;
  }

  private static VersionEntry findOrThrow(SubjectHistory history, int asked, boolean includeDeleted) {
    VersionEntry entry = find(history, asked, includeDeleted);
    if (entry == null) {
      throw ErrorCode.VERSION_NOT_FOUND.exception(asked);
    }
    return entry;
  }
}
