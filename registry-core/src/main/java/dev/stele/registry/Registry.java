package dev.stele.registry;

import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.registry.model.SubjectVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Subjects, versions and schemas: what the REST routes under {@code /subjects}, {@code /schemas}
 * and {@code /compatibility} call. Every operation resolves a subject the same way: its spelling,
 * then its alias, then for some reads other contexts (see {@code SubjectLookup}). Reads answer
 * from memory at once; writes complete once the record is durable and applied on this node
 * (read-your-writes). Failures are {@link RegistryException}s, thrown by reads and carried by the
 * stages of writes.
 */
public interface Registry {

  /** The schema types the server has formats for, e.g. {@code ["JSON","PROTOBUF","AVRO"]}. */
  List<String> schemaTypes();

  /**
   * The contexts that hold or held subjects and were not deleted since, the default context
   * {@code "."} first, those starting with the prefix, paged.
   */
  List<String> contexts(Requests.ListContexts request);

  /** 42211 when a subject (soft-deleted ones too) is in the context. */
  CompletionStage<Void> deleteContext(Requests.DeleteContext request);

  /** Parses (call off the event loop) when a {@code format} or {@code findTags} is asked for. */
  Results.SchemaText schemaById(Requests.SchemaById request);

  /** {@code GET /schemas/guids/{guid}}; 40403 when no schema has it (or it is no GUID). */
  Results.SchemaText schemaByGuid(Requests.SchemaByGuid request);

  /** {@code GET /schemas/guids/{guid}/ids}: empty when no schema has it. */
  List<Results.ContextId> idsForGuid(String guid);

  List<String> subjectsForId(Requests.IdUsages request);

  List<SubjectVersion> versionsForId(Requests.IdUsages request);

  List<Results.ListedSchema> schemas(Requests.ListSchemas request);

  /**
   * The subjects whose config names an {@code alias}, keyed by that alias target, each list
   * sorted ({@code GET /schemas?aliases=true}).
   */
  Map<String, List<String>> aliases();

  List<String> subjects(Requests.ListSubjects request);

  List<Integer> versions(Requests.ListVersions request);

  /** Parses (call off the event loop) when a {@code format} or {@code findTags} is asked for. */
  Results.VersionText version(Requests.GetVersion request);

  List<Integer> referencedBy(Requests.ReferencedBy request);

  SchemaVersion lookup(Requests.Lookup request);

  /** The newest version whose metadata has the given properties; may parse (for a format). */
  Results.VersionText latestWithMetadata(Requests.LatestWithMetadata request);

  /** CPU-heavy (parses and compares schemas): call off the event loop. */
  Results.Compatibility checkCompatibility(Requests.CheckCompatibility request);

  CompletionStage<Results.Registered> register(Requests.Register request);

  /** Registers a version again with its schema tags (and metadata or rules) edited. */
  CompletionStage<Results.Registered> tagVersion(Requests.TagVersion request);

  CompletionStage<Integer> deleteVersion(Requests.DeleteVersion request);

  CompletionStage<List<Integer>> deleteSubject(Requests.DeleteSubject request);

  /** Confluent 8.x's associations of topics with subjects, over the same state and writer. */
  Associations associations();
}
