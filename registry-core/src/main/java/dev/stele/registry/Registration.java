package dev.stele.registry;

import dev.stele.registry.Results.Compatibility;
import dev.stele.registry.Results.Registered;
import dev.stele.registry.Writer.Decision;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.log.RegistryRecord.SchemaValue;
import dev.stele.registry.state.ContextIndex;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SchemaContent;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Registering a schema under a subject (../shared/API.md §2.2), decided on the writer's pending
 * state: the same schema again gives the same version; a new one is checked against the subject's
 * level and gets the next version and either the id its content already has in the context or a
 * new one. IMPORT mode takes id and version from the request and skips the checks.
 */
final class Registration {
  private final SchemaParser parser;
  private final CompatibilityCheck compatibility;
  private final NodeOptions options;

  Registration(SchemaParser parser, CompatibilityCheck compatibility, NodeOptions options) {
    this.parser = parser;
    this.compatibility = compatibility;
    this.options = options;
  }

  Decision<Registered> decide(Requests.Register request, RegistryState state) {
    String subject = SubjectRules.requireValid(request.subject());
    Mode mode = Scopes.effectiveMode(state, subject);
    boolean importing = mode == Mode.IMPORT || mode == Mode.FORWARD;
    Integer id = request.id() != null && request.id() >= 0 ? request.id() : null;
    Integer version = request.version() != null && request.version() > 0 ? request.version() : null;
    if (mode.readOnly()) {
      throw ErrorCode.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is in read-only mode");
    }
    Config config = Scopes.effectiveConfig(state, subject, options);
    boolean normalize = request.normalize() || Boolean.TRUE.equals(config.normalize());
    SchemaParser.Submitted submitted =
        new SchemaParser.Submitted(subject, request.payload(), request.id(), request.version());
    // Look for the schema as already registered first, parsing leniently as a lookup does: a
    // producer re-registering a schema written before stricter checks still gets its id.
    ParsedSchema parsed = parser.parse(submitted, state, false, normalize);
    SchemaContent content = content(parsed, request.payload(), state, normalize);
    ContextIndex index = state.index(QualifiedSubject.contextOf(subject));
    SubjectHistory history = state.history(subject);
    if (history == null) {
      history = SubjectHistory.EMPTY;
    }
    VersionEntry existing = registeredUnder(history, index.idOf(content), id, version);
    if (existing != null) {
      return Decision.answer(registered(subject, existing, version != null || hasExtras(request)));
    }
    if (!importing) {
      parsed = parser.parse(submitted, state, true, normalize);
    }
    if (importing) {
      return importSchema(subject, id, version, content, history, index);
    }
    if (id != null) {
      throw ErrorCode.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is not in import mode");
    }
    if (mode != Mode.READWRITE) {
      throw ErrorCode.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is not in read-write mode");
    }
    int next = history.maxVersion() + 1;
    if (version != null && version != next) {
      throw ErrorCode.INVALID_SCHEMA.exception("Version is not one more than previous version");
    }
    checkCompatible(subject, parsed, history, config, state);
    Integer known = index.idOf(content);
    int newId = known != null ? known : index.maxId() + 1;
    return write(subject, next, newId, content, history, version != null || hasExtras(request));
  }

  private Decision<Registered> importSchema(String subject, Integer id, Integer version,
      SchemaContent content, SubjectHistory history, ContextIndex index) {
    if (id == null) {
      throw ErrorCode.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is not in read-write mode");
    }
    StoredSchema holder = index.byId(id);
    if (holder != null && !SchemaContent.of(holder).equals(content)) {
      throw ErrorCode.OPERATION_NOT_PERMITTED.exception(
          "Overwrite new schema with id " + id + " is not permitted.");
    }
    int at = version != null ? version : history.maxVersion() + 1;
    return write(subject, at, id, content, history, false);
  }

  private void checkCompatible(String subject, ParsedSchema parsed, SubjectHistory history, Config config,
      RegistryState state) {
    List<VersionEntry> against = CompatibilityCheck.against(history.live(), config.compatibilityLevel());
    Compatibility result = compatibility.check(parsed, against, config.compatibilityLevel(),
        Boolean.TRUE.equals(config.validateFields()), state);
    if (!result.isCompatible()) {
      throw ErrorCode.INCOMPATIBLE_SCHEMA.exception(subject,
          "[" + String.join(", ", CompatibilityMessages.render(result)) + "]");
    }
  }

  private static Decision<Registered> write(String subject, int version, int id, SchemaContent content,
      SubjectHistory history, boolean detailed) {
    List<RegistryRecord> records = new ArrayList<>(2);
    // A soft-deleted version holding the same id is replaced by the new one, as in Confluent.
    for (VersionEntry old : history.all()) {
      if (old.deleted() && old.schema().id() == id && old.version() != version) {
        records.add(new SchemaRecord(subject, old.version(), null));
      }
    }
    SchemaValue value = new SchemaValue(id, content.schemaType(), content.references(), content.metadata(),
        content.ruleSet(), content.schema(), false);
    records.add(new SchemaRecord(subject, version, value));
    SchemaVersion written = new SchemaVersion(subject, version, content.withId(id), false, 0L);
    return new Decision<>(records, new Registered(id, version, written, detailed));
  }

  /** The live version of the subject that already holds this content (and fits the request), or null. */
  private static VersionEntry registeredUnder(SubjectHistory history, Integer contentId, Integer id,
      Integer version) {
    if (contentId == null || (id != null && !id.equals(contentId))) {
      return null;
    }
    for (VersionEntry entry : history.live()) {
      if (entry.schema().id() == contentId && (version == null || version == entry.version())) {
        return entry;
      }
    }
    return null;
  }

  private static SchemaContent content(ParsedSchema parsed, SchemaPayload payload, RegistryState state,
      boolean normalize) {
    List<SchemaReference> refs = SchemaParser.pinned(payload.references(), state);
    if (normalize) {
      refs = refs.stream().distinct().sorted(java.util.Comparator
          .comparing(SchemaReference::name).thenComparing(SchemaReference::subject)
          .thenComparingInt(SchemaReference::version)).toList();
    }
    return new SchemaContent(parsed.type(), parsed.canonical(), refs, payload.metadata(), payload.ruleSet());
  }

  private static boolean hasExtras(Requests.Register request) {
    return request.payload().metadata() != null || request.payload().ruleSet() != null;
  }

  private static Registered registered(String subject, VersionEntry entry, boolean detailed) {
    return new Registered(entry.schema().id(), entry.version(),
        new SchemaVersion(subject, entry.version(), entry.schema(), entry.deleted(), entry.timestamp()),
        detailed);
  }
}
