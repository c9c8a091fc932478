package dev.stele.registry;

import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.Results.Compatibility;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.registry.model.SubjectVersion;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.read.CompatibilityCheck;
import dev.stele.registry.read.IdReads;
import dev.stele.registry.read.Reads;
import dev.stele.registry.read.VersionReads;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.write.CheckRunner;
import dev.stele.registry.write.Deletion;
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
  public List<SchemaVersion> schemas(Requests.ListSchemas request) {
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

  @Override
  public SchemaVersion lookup(Requests.Lookup request) {
    return versionReads.lookup(request);
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
