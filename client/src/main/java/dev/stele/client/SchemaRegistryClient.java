package dev.stele.client;

import java.io.IOException;
import java.util.List;

/**
 * The registry's REST API (API.md §1.3) as Java calls. {@code IOException} means the registry
 * could not be reached (after failover and retries); {@link RestClientException} means it
 * answered with an error, carrying the HTTP status and Confluent error code.
 *
 * <p>A {@code null} subject in the config and mode calls means the global setting.
 * Implementations are thread-safe. {@link CachedSchemaRegistryClient} is the one to use.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /** Registers the schema under the subject (or finds it there) and returns its id. */
  int register(String subject, SchemaDefinition schema, boolean normalize)
      throws IOException, RestClientException;

  /**
   * Registers as {@link #register} does, and returns the whole answer: with the version's schema
   * and data contract when the registry sent them (a serializer must then run that version's
   * rules, e.g. ones carried over from the previous version).
   */
  default Registration registerWithResponse(String subject, SchemaDefinition schema, boolean normalize)
      throws IOException, RestClientException {
    return new Registration(register(subject, schema, normalize), 0, null);
  }

  /** The version of the subject holding this schema; 40401/40403 when there is none. */
  RegisteredSchema lookup(String subject, SchemaDefinition schema, boolean normalize)
      throws IOException, RestClientException;

  /** The schema with this id; {@code subject} and {@code format} may be null. */
  SchemaDefinition getById(int id, String subject, String format) throws IOException, RestClientException;

  /**
   * The id in the default context of the schema with this GUID (Confluent 8's GUID framing: a
   * record may name its schema by GUID in a header or the payload prefix); 40403 when none.
   */
  int getIdByGuid(String guid) throws IOException, RestClientException;

  /** The GUID of the schema with this id, for writers that name schemas by GUID. */
  String getGuidById(int id) throws IOException, RestClientException;

  /** One version; {@code format} (may be null) as in API.md §1.4, e.g. Protobuf's {@code serialized}. */
  RegisteredSchema getVersion(String subject, int version, String format) throws IOException, RestClientException;

  /** The latest non-deleted version; answers are reused for {@code latest.cache.ttl.sec}. */
  RegisteredSchema getLatest(String subject) throws IOException, RestClientException;

  /**
   * The latest version whose metadata properties hold every pair of {@code metadata}
   * ({@code GET /subjects/{subject}/metadata}); answers are reused for {@code latest.cache.ttl.sec}.
   */
  default RegisteredSchema getLatestWithMetadata(String subject, java.util.Map<String, String> metadata)
      throws IOException, RestClientException {
    // A default, so other implementations keep compiling; they fail loudly until they implement it.
    throw new UnsupportedOperationException(getClass().getName() + " cannot look versions up by metadata");
  }

  List<Integer> getVersions(String subject) throws IOException, RestClientException;

  /**
   * The subjects associated with a topic ({@code GET /associations/resources/{namespace}/{topic}},
   * Confluent 8.x), for {@code associationType} {@code key} or {@code value}; {@code namespace}
   * {@code -} matches any. Empty when there are none, and when the registry has no associations
   * API (404), as Confluent's strategy then falls back.
   */
  default List<String> associatedSubjects(String namespace, String topic, String associationType)
      throws IOException, RestClientException {
    return List.of();
  }

  List<String> getSubjects() throws IOException, RestClientException;

  /**
   * Tests the schema against one version ({@code "latest"} or a number) or, with a null
   * version, against the versions the subject's level says.
   */
  CompatibilityCheck testCompatibility(String subject, String version, SchemaDefinition schema,
      boolean verbose) throws IOException, RestClientException;

  /** The level set on the subject (40408 when it has none of its own) or globally. */
  String getCompatibility(String subject) throws IOException, RestClientException;

  String setCompatibility(String subject, String level) throws IOException, RestClientException;

  /**
   * Removes the level set on the subject (or, with a null subject, the global one, back to the
   * server's default) and returns the level it had, null when it had none; 40401 when the subject
   * had no level of its own.
   */
  String deleteCompatibility(String subject) throws IOException, RestClientException;

  String getMode(String subject) throws IOException, RestClientException;

  String setMode(String subject, String mode) throws IOException, RestClientException;

  /** Deletes every version (soft unless permanent) and returns their numbers. */
  List<Integer> deleteSubject(String subject, boolean permanent) throws IOException, RestClientException;

  /** Deletes one version ({@code "latest"} or a number) and returns its number. */
  int deleteVersion(String subject, String version, boolean permanent) throws IOException, RestClientException;

  @Override
  void close();

  default int register(String subject, SchemaDefinition schema) throws IOException, RestClientException {
    return register(subject, schema, false);
  }

  default RegisteredSchema getVersion(String subject, int version) throws IOException, RestClientException {
    return getVersion(subject, version, null);
  }

  default SchemaDefinition getById(int id) throws IOException, RestClientException {
    return getById(id, null, null);
  }
}
