package dev.stele.registry;

import dev.stele.registry.Results.Compatibility;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.ParsedSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** {@link Registry}: reads from the durable state, writes through the node's one {@link Writer}. */
final class RegistryService implements Registry {
  private final RegistryState state;
  private final Reads reads;
  private final Writer writer;
  private final SchemaParser parser;
  private final Registration registration;
  private final CompatibilityCheck compatibility;
  private final NodeOptions options;

  RegistryService(RegistryState state, Writer writer, SchemaParser parser, NodeOptions options) {
    this.state = state;
    this.writer = writer;
    this.parser = parser;
    this.options = options;
    this.reads = new Reads(state, parser, options);
    this.compatibility = new CompatibilityCheck(parser);
    this.registration = new Registration(parser, compatibility, options);
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
  public List<String> contexts() {
    return reads.contexts();
  }

  @Override
  public Results.SchemaText schemaById(Requests.SchemaById request) {
    return reads.schemaById(request);
  }

  @Override
  public List<String> subjectsForId(Requests.IdUsages request) {
    return reads.subjectsForId(request);
  }

  @Override
  public List<SubjectVersion> versionsForId(Requests.IdUsages request) {
    return reads.versionsForId(request);
  }

  @Override
  public List<SchemaVersion> schemas(Requests.ListSchemas request) {
    return reads.schemas(request);
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
    return reads.version(request);
  }

  @Override
  public List<Integer> referencedBy(Requests.ReferencedBy request) {
    return reads.referencedBy(request);
  }

  @Override
  public SchemaVersion lookup(Requests.Lookup request) {
    return reads.lookup(request);
  }

  @Override
  public Compatibility checkCompatibility(Requests.CheckCompatibility request) {
    String subject = request.subject();
    Config config = Scopes.effectiveConfig(state, subject, options);
    boolean validateFields = Boolean.TRUE.equals(config.validateFields());
    List<VersionEntry> against;
    CompatibilityLevel level = config.compatibilityLevel();
    SubjectHistory history = state.history(subject);
    if (request.version() == null) {
      against = history == null ? List.of() : CompatibilityCheck.against(history.live(), level);
    } else {
      int asked = Versions.parse(request.version());
      VersionEntry entry = history == null ? null
          : asked == Versions.LATEST ? history.latestLive() : history.get(asked);
      if (entry == null && asked != Versions.LATEST) {
        throw ErrorCode.VERSION_NOT_FOUND.exception(asked);
      }
      against = entry == null ? List.of() : List.of(entry);
    }
    boolean normalize = request.normalize() || Boolean.TRUE.equals(config.normalize());
    SchemaParser.Submitted submitted = new SchemaParser.Submitted(subject, request.payload(), null, null);
    ParsedSchema parsed;
    try {
      parsed = parser.parse(submitted, state, true, normalize);
    } catch (RegistryException e) {
      if (request.verbose() && e.code() == ErrorCode.INVALID_SCHEMA) {
        return new Compatibility(List.of(), List.of(e.getMessage()), level, validateFields);
      }
      throw e;
    }
    return compatibility.check(parsed, against, level, validateFields, state);
  }

  @Override
  public CompletionStage<Results.Registered> register(Requests.Register request) {
    return writer.submit(pending -> registration.decide(request, pending));
  }

  @Override
  public CompletionStage<Integer> deleteVersion(Requests.DeleteVersion request) {
    return writer.submit(pending -> Deletion.version(request, pending));
  }

  @Override
  public CompletionStage<List<Integer>> deleteSubject(Requests.DeleteSubject request) {
    return writer.submit(pending -> Deletion.subject(request, pending));
  }
}
