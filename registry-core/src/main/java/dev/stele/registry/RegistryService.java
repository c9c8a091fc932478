package dev.stele.registry;

import dev.stele.registry.log.RuleSetCheck;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.Results.Compatibility;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.registry.model.SubjectVersion;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.read.CompatibilityCheck;
import dev.stele.registry.read.IdReads;
import dev.stele.registry.read.Scopes;
import dev.stele.registry.read.SubjectLookup;
import dev.stele.registry.read.Reads;
import dev.stele.registry.read.VersionReads;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.registry.write.CheckRunner;
import dev.stele.registry.write.Deletion;
import dev.stele.registry.write.Population;
import dev.stele.registry.write.Precheck;
import dev.stele.registry.write.Registration;
import dev.stele.registry.write.Tagging;
import dev.stele.registry.write.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** {@link Registry}: reads from the durable state, writes through the node's one {@link Writer}. */
final class RegistryService implements Registry {
  private final RegistryState state;
  private final Reads reads;
  private final VersionReads versionReads;
  private final IdReads idReads;
  private final Writer writer;
  private final SchemaParser parser;
  private final Registration registration;
  private final Tagging tagging;
  private final CompatibilityCheck compatibility;
  private final NodeOptions options;
  private final CheckRunner checks;
  private final AssociationService associations;

  RegistryService(RegistryState state, Writer writer, SchemaParser parser, NodeOptions options,
      CheckRunner checks) {
    this.state = state;
    this.checks = checks;
    this.writer = writer;
    this.parser = parser;
    this.options = options;
    this.reads = new Reads(state, parser);
    this.versionReads = new VersionReads(state, parser, options);
    this.idReads = new IdReads(state, parser);
    this.compatibility = new CompatibilityCheck(parser);
    this.registration = new Registration(parser, compatibility, options);
    this.tagging = new Tagging(parser, options, registration);
    this.associations = new AssociationService(state, writer, this);
  }

  @Override
  public Associations associations() {
    return associations;
  }

  @Override
  public List<String> schemaTypes() {
    // Confluent lists JSON, PROTOBUF, AVRO; keep that order for the types we have.
    List<String> types = new ArrayList<>();
    for (String type : List.of("JSON", "PROTOBUF", "AVRO")) {
      if (parser.formats().find(type).isPresent()) {
        types.add(type);
      }
    }
    for (String type : parser.formats().types()) {
      if (!types.contains(type)) {
        types.add(type);
      }
    }
    return types;
  }

  @Override
  public List<String> contexts(Requests.ListContexts request) {
    return reads.contexts(request);
  }

  @Override
  public Results.SchemaText schemaById(Requests.SchemaById request) {
    return idReads.schemaById(request);
  }

  @Override
  public Results.SchemaText schemaByGuid(Requests.SchemaByGuid request) {
    return idReads.schemaByGuid(request);
  }

  @Override
  public List<Results.ContextId> idsForGuid(String guid) {
    return idReads.idsForGuid(guid);
  }

  @Override
  public List<String> subjectsForId(Requests.IdUsages request) {
    return idReads.subjectsForId(request);
  }

  @Override
  public List<SubjectVersion> versionsForId(Requests.IdUsages request) {
    return idReads.versionsForId(request);
  }

  @Override
  public List<Results.ListedSchema> schemas(Requests.ListSchemas request) {
    return reads.schemas(request);
  }

  @Override
  public java.util.Map<String, List<String>> aliases() {
    return reads.aliases();
  }

  @Override
  public Results.VersionText latestWithMetadata(Requests.LatestWithMetadata request) {
    return versionReads.latestWithMetadata(request);
  }

  @Override
  public List<String> subjects(Requests.ListSubjects request) {
    return reads.subjects(request);
  }

  @Override
  public List<Integer> versions(Requests.ListVersions request) {
    return reads.versions(request);
  }

  @Override
  public Results.VersionText version(Requests.GetVersion request) {
    return versionReads.version(request);
  }

  @Override
  public List<Integer> referencedBy(Requests.ReferencedBy request) {
    return versionReads.referencedBy(request);
  }

  /**
   * As Confluent since 7.9.2: a schema not found as sent is looked up again with the metadata and
   * rules a registration would give it (from the config and the latest version), so that a client
   * that registered with inherited metadata finds its schema by the bare text.
   */
  @Override
  public SchemaVersion lookup(Requests.Lookup request) {
    try {
      return versionReads.lookup(request);
    } catch (RegistryException notFound) {
      if (notFound.code() != ErrorCode.SCHEMA_NOT_FOUND) {
        throw notFound;
      }
      String subject = SubjectLookup.resolve(state, request.subject());
      SubjectHistory history = state.history(subject);
      VersionEntry latest = history == null ? null : history.latestLive();
      if (latest == null) {
        throw notFound;
      }
      Config config = Scopes.effectiveConfig(state, subject, options);
      SchemaPayload inherited = Population.inherited(request.payload(), config, latest);
      if (inherited.equals(request.payload())) {
        throw notFound;
      }
      try {
        return versionReads.lookup(new Requests.Lookup(request.subject(), inherited,
            request.normalize(), request.deleted()));
      } catch (RegistryException again) {
        throw notFound;
      }
    }
  }

  @Override
  public Compatibility checkCompatibility(Requests.CheckCompatibility request) {
    return compatibility.check(request, state, options);
  }

  /**
   * The compatibility check runs first on a checking thread against the durable state
   * ({@link Precheck}), so a long check holds up no other subject's writes; the writer then
   * decides on its pending state and reuses the verdict unless the subject moved on meanwhile.
   */
  @Override
  public CompletionStage<Results.Registered> register(Requests.Register request) {
    try {
      RuleSetCheck.validate(request.payload().ruleSet());
    } catch (RegistryException e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
    Precheck precheck = new Precheck();
    return checks.run(() -> registration.precheck(request, state, precheck))
        .thenCompose(checked -> writer.submit(pending -> registration.decide(request, pending, precheck)));
  }

  /** The compatibility check runs on the writer thread: tagging rarely changes what it compares. */
  @Override
  public CompletionStage<Results.Registered> tagVersion(Requests.TagVersion request) {
    return writer.submit(pending -> tagging.decide(request, pending));
  }

  @Override
  public CompletionStage<Integer> deleteVersion(Requests.DeleteVersion request) {
    return writer.submit(pending -> Deletion.version(request, pending));
  }

  @Override
  public CompletionStage<List<Integer>> deleteSubject(Requests.DeleteSubject request) {
    return writer.submit(pending -> Deletion.subject(request, pending));
  }

  @Override
  public CompletionStage<Void> deleteContext(Requests.DeleteContext request) {
    return writer.submit(pending -> Deletion.context(request, pending));
  }
}
