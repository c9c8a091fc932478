package dev.stele.registry.write;

import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.log.RegistryRecord.SchemaValue;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.IncompatibleSchemaException;
import dev.stele.registry.model.Mode;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.Results.Compatibility;
import dev.stele.registry.model.Results.Registered;
import dev.stele.registry.model.SchemaContent;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.Submission;
import dev.stele.registry.model.Versions;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.read.CheckTerms;
import dev.stele.registry.read.CompatibilityCheck;
import dev.stele.registry.read.SchemaLookup;
import dev.stele.registry.read.Scopes;
import dev.stele.registry.read.SubjectLookup;
import dev.stele.registry.state.ContextIndex;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.registry.write.Population.Populated;
import dev.stele.registry.write.Writer.Decision;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.ParsedSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Registering a schema under a subject (../shared/API.md §2.2), decided on the writer's pending
 * state. A fast path first: a submission that already is a version of the subject answers with
 * that version's id and writes nothing. Otherwise the submission is populated from the config and
 * the latest version ({@link Population}), found again if that makes it an existing version, or
 * checked against the subject's level and stored as the next version, with the id its content
 * already has in the context or a new one. IMPORT mode takes id and version from the request and
 * skips population and checks.
 */
public record Registration(SchemaParser parser, CompatibilityCheck compatibility, NodeOptions options) {
  public Decision<Registered> decide(Requests.Register request, RegistryState state) {
    return decide(request, state, new Precheck());
  }

  /**
   * Runs a registration ahead of the writer, on the durable state, to reach its compatibility
   * verdict off the writer thread ({@link Precheck}). Nothing is written: deciding only reads the
   * state it is given. Whatever it finds besides the verdict (an invalid schema, a version that
   * exists) the writer finds again on its pending state, which is the state that counts.
   */
  public void precheck(Requests.Register request, RegistryState durable, Precheck precheck) {
    try {
      SubjectHistory history = durable.history(SubjectLookup.resolve(durable, request.subject()));
      if (history == null || !history.hasLive()) {
        return; // nothing to check against: the writer's own pass is all there is to do
      }
      decide(request, durable, precheck);
    } catch (RuntimeException e) {
      // The writer meets the same failure, or none if the state moved on; it answers either way.
    }
  }

  /** Decides on {@code state}, reusing {@code precheck}'s verdict where it is for the same check. */
  public Decision<Registered> decide(Requests.Register request, RegistryState state, Precheck precheck) {
    String subject = SubjectRules.requireValid(SubjectLookup.resolve(state, request.subject()));
    Mode mode = Scopes.effectiveMode(state, subject);
    if (mode.readOnly()) {
      throw ErrorCode.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is in read-only mode");
    }
    boolean importing = mode == Mode.IMPORT || mode == Mode.FORWARD;
    Integer id = request.id() != null && request.id() >= 0 ? request.id() : null;
    Integer version = request.version() == null || request.version() == 0 ? null : request.version();
    Config config = Scopes.effectiveConfig(state, subject, options);
    boolean normalize = request.normalize() || Boolean.TRUE.equals(config.normalize());
    Target target = new Target(subject, state.index(QualifiedSubject.contextOf(subject)),
        orEmpty(state.history(subject)), normalize);
    StrongReferences.requireNoneStrong(subject, request.payload(), state);
    // Tags change the schema before it is stored, so what was sent is never what is looked up.
    VersionEntry existing = request.editsTags() ? null : fastPath(request, target, config, version, state);
    if (existing != null && (id == null || id == existing.schema().id())) {
      return Decision.answer(registered(subject, existing, false));
    }
    if (importing) {
      return importSchema(request, target, id, version, state);
    }
    if (id != null) {
      throw ErrorCode.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is not in import mode");
    }
    if (mode != Mode.READWRITE) {
      throw ErrorCode.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is not in read-write mode");
    }
    int next = target.history.maxVersion() + 1;
    if (!request.tags().isEmpty() && version == null) {
      // As in Confluent: a tagged registration records its version in confluent:version.
      version = Versions.LATEST;
    }
    Populated populated = Population.populate(request.payload(), config, target.history.latestLive(),
        version, next);
    SchemaPayload payload = SchemaTags.apply(request, populated.payload(), target.history.latestLive(),
        parser, state);
    Submission submitted = new Submission(subject, payload, request.id(), request.version());
    // validateNewSchemas=false parses as a lookup does, without the stricter checks for new schemas.
    ParsedSchema parsed = parser.parse(submitted, state, options.validatesNewSchemas(config), normalize);
    SchemaContent content = SchemaLookup.content(parsed, payload, subject, state, normalize);
    VersionEntry found = SchemaLookup.find(target.history, target.index, content, false);
    if (found != null) {
      return Decision.answer(registered(subject, found, true));
    }
    if (version != null && version > 0 && version != next) {
      throw ErrorCode.INVALID_SCHEMA.exception("Version is not one more than previous version");
    }
    if (!request.force()) {
      checkCompatible(subject, parsed, content, target.history, config, state, precheck);
    }
    Integer known = target.index.idOf(content);
    int newId = known != null ? known : target.index.maxId() + 1;
    if (config.compatibilityLevel().transitive()) {
      // While its parse is at hand: a later version's transitive check then need not parse this
      // one (docs/benchmarks.md §3). Kept by content, so a write that fails leaves nothing wrong.
      parser.rememberDigest(new StoredSchema(newId, content), parsed);
    }
    return write(subject, next, newId, content, target.history,
        populated.modified() || payload != populated.payload());
  }

  /** Where a registration lands: the subject, its context's ids and its history. */
  private record Target(String subject, ContextIndex index, SubjectHistory history, boolean normalize) {}

  /**
   * The version that already holds the submission as sent, parsed leniently as a lookup is (a
   * producer re-registering a schema written before stricter checks still gets its id). An
   * explicit version is looked for as its {@code confluent:version}. Not taken when the config
   * adds metadata or rules to every new version: the submission is not what would be stored then.
   */
  private VersionEntry fastPath(Requests.Register request, Target target, Config config,
      Integer version, RegistryState state) {
    SchemaPayload payload = request.payload();
    if (Population.configContributes(config) || payload.schema() == null || payload.schema().isBlank()) {
      return null;
    }
    payload = Population.forLookup(payload, version, target.history.latestLive());
    Submission submitted =
        new Submission(target.subject, payload, request.id(), request.version());
    ParsedSchema parsed = parser.parse(submitted, state, false, target.normalize);
    SchemaContent content = SchemaLookup.content(parsed, payload, target.subject, state, target.normalize);
    VersionEntry found = SchemaLookup.find(target.history, target.index, content, false);
    boolean sameVersion = version == null || version < 0 || (found != null && found.version() == version);
    return sameVersion ? found : null;
  }

  private Decision<Registered> importSchema(Requests.Register request, Target target, Integer id,
      Integer version, RegistryState state) {
    if (id == null) {
      throw ErrorCode.OPERATION_NOT_PERMITTED.exception(
          "Subject " + target.subject + " is not in read-write mode");
    }
    // Tags are edited in IMPORT mode too; nothing is taken from the latest version there.
    SchemaPayload payload = SchemaTags.apply(request, request.payload(), null, parser, state);
    Submission submitted = new Submission(target.subject, payload, request.id(), request.version());
    ParsedSchema parsed = parser.parse(submitted, state, false, target.normalize);
    SchemaContent content = SchemaLookup.content(parsed, payload, target.subject, state, target.normalize);
    StoredSchema holder = target.index.byId(id);
    if (holder != null && !holder.content().equals(content)) {
      throw ErrorCode.OPERATION_NOT_PERMITTED.exception(
          "Overwrite new schema with id " + id + " is not permitted.");
    }
    int at = version != null && version > 0 ? version : target.history.maxVersion() + 1;
    VersionEntry there = target.history.get(at);
    if (there != null && !there.deleted() && there.schema().id() == id) {
      return Decision.answer(registered(target.subject, there, true));
    }
    return write(target.subject, at, id, content, target.history, false);
  }

  /** 409 unless the schema is compatible with what the level (and compatibility group) selects. */
  private void checkCompatible(String subject, ParsedSchema parsed, SchemaContent content,
      SubjectHistory history, Config config, RegistryState state, Precheck precheck) {
    List<VersionEntry> group = CompatibilityCheck.inGroup(history.live(), config.compatibilityGroup(),
        content.metadata());
    CheckTerms terms = CheckTerms.of(config, config.compatibilityLevel(), options);
    List<VersionEntry> against = CompatibilityCheck.against(group, terms.level());
    Compatibility result = precheck.reuse(content, against, terms);
    if (result == null) {
      result = compatibility.check(parsed, content.metadata(), against, terms, state);
      precheck.remember(content, against, terms, result);
    }
    if (!result.isCompatible()) {
      throw new IncompatibleSchemaException(subject, result);
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

  private static SubjectHistory orEmpty(SubjectHistory history) {
    return history == null ? SubjectHistory.EMPTY : history;
  }

  private static Registered registered(String subject, VersionEntry entry, boolean detailed) {
    return new Registered(entry.schema().id(), entry.version(),
        new SchemaVersion(subject, entry.version(), entry.schema(), entry.deleted(), entry.timestamp()),
        detailed);
  }
}
