package dev.stele.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.internal.BoundedCache;
import dev.stele.client.internal.HttpTransport;
import dev.stele.client.internal.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry client: REST calls over the JDK's HttpClient with the answers that never change
 * cached (an id's schema, a schema's id under a subject, a numbered version), the latest version cached for a
 * time to live, and "not found" answers remembered for theirs when configured ({@link MissCaching}). Caches are bounded by {@code max.schemas.per.subject} entries each and are read
 * without locks.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {
  private final HttpTransport transport;
  private final BoundedCache<RegisterKey, Registration> ids;
  private final BoundedCache<RegisterKey, RegisteredSchema> lookups;
  private final BoundedCache<IdKey, SchemaDefinition> schemas;
  private final BoundedCache<String, Integer> guids;
  private final BoundedCache<Integer, String> guidsById;
  private final BoundedCache<String, RegisteredSchema> latest;
  private final BoundedCache<MetadataKey, RegisteredSchema> latestWithMetadata;
  /** A numbered version never changes while it exists; deletes drop the subject's entries. */
  private final BoundedCache<VersionKey, RegisteredSchema> versions;
  /** "Not found" answers, for their time to live ({@link MissCaching}); null when not kept. */
  private final BoundedCache<IdKey, RestClientException> missingIds;
  private final BoundedCache<VersionKey, RestClientException> missingVersions;
  private final BoundedCache<RegisterKey, RestClientException> missingSchemas;

  private record RegisterKey(String subject, boolean normalize, SchemaDefinition schema) {}

  private record IdKey(int id, String subject, String format) {}

  private record VersionKey(String subject, int version, String format) {}

  private record MetadataKey(String subject, Map<String, String> metadata) {}

  public CachedSchemaRegistryClient(ClientConfig config) {
    this.transport = new HttpTransport(config);
    int capacity = config.cacheCapacity();
    this.ids = new BoundedCache<>(capacity);
    this.lookups = new BoundedCache<>(capacity);
    this.schemas = new BoundedCache<>(capacity);
    this.guids = new BoundedCache<>(capacity);
    this.guidsById = new BoundedCache<>(capacity);
    this.versions = new BoundedCache<>(capacity);
    long ttl = config.latestTtl() == null ? 0 : Math.max(1, config.latestTtl().toNanos());
    this.latest = new BoundedCache<>(config.latestCacheSize(), ttl, System::nanoTime);
    this.latestWithMetadata = new BoundedCache<>(config.latestCacheSize(), ttl, System::nanoTime);
    MissCaching misses = config.missCaching();
    this.missingIds = misses(misses.size(), misses.idTtl());
    this.missingVersions = misses(misses.size(), misses.versionTtl());
    this.missingSchemas = misses(misses.size(), misses.schemaTtl());
  }

  private static <K> BoundedCache<K, RestClientException> misses(int size, Duration ttl) {
    return ttl.isZero() ? null : new BoundedCache<>(size, ttl.toNanos(), System::nanoTime);
  }

  /** A client from a Kafka-style config map (see {@link ClientConfig#fromMap}). */
  public static CachedSchemaRegistryClient fromConfigs(Map<String, ?> configs) {
    return new CachedSchemaRegistryClient(ClientConfig.fromMap(configs));
  }

  @Override
  public int register(String subject, SchemaDefinition schema, boolean normalize)
      throws IOException, RestClientException {
    return registerWithResponse(subject, schema, normalize).id();
  }

  @Override
  public Registration registerWithResponse(String subject, SchemaDefinition schema, boolean normalize)
      throws IOException, RestClientException {
    RegisterKey key = new RegisterKey(subject, normalize, schema);
    return cached(ids, key, () -> {
      Registration registered = Json.registration(transport.send("POST",
          "/subjects/" + segment(subject) + "/versions?normalize=" + normalize, Json.schemaRequest(schema)));
      // Only when the registry was asked: a cached registration is a per-record call.
      if (missingSchemas != null) {
        missingSchemas.remove(key);
      }
      if (missingVersions != null) {
        missingVersions.removeIf(version -> version.subject.equals(subject));
      }
      return registered;
    });
  }

  @Override
  public RegisteredSchema lookup(String subject, SchemaDefinition schema, boolean normalize)
      throws IOException, RestClientException {
    RegisterKey key = new RegisterKey(subject, normalize, schema);
    return cached(lookups, key, () -> remembered(missingSchemas, key, SUBJECT_OR_SCHEMA_NOT_FOUND,
        () -> Json.registered(transport.send("POST", "/subjects/" + segment(subject) + "?normalize=" + normalize,
            Json.schemaRequest(schema)))));
  }

  @Override
  public SchemaDefinition getById(int id, String subject, String format) throws IOException, RestClientException {
    IdKey key = new IdKey(id, subject, format);
    return cached(schemas, key, () -> remembered(missingIds, key, SCHEMA_NOT_FOUND,
        () -> Json.definition(transport.send("GET", byIdPath(id, subject, format), null))));
  }

  @Override
  public int getIdByGuid(String guid) throws IOException, RestClientException {
    return cached(guids, guid, () -> {
      JsonNode ids = transport.send("GET", "/schemas/guids/" + segment(guid) + "/ids", null);
      // One entry per context that holds the schema; a serde reads by the default context's id.
      for (JsonNode each : ids) {
        if (".".equals(each.path("context").asText())) {
          return each.path("id").asInt();
        }
      }
      if (ids.size() > 0) {
        return ids.get(0).path("id").asInt();
      }
      throw new RestClientException("Schema with GUID " + guid + " not found", 404, 40403);
    });
  }

  @Override
  public String getGuidById(int id) throws IOException, RestClientException {
    return cached(guidsById, id, () -> {
      String guid = transport.send("GET", "/schemas/ids/" + id, null).path("guid").asText("");
      if (guid.isEmpty()) {
        throw new RestClientException("the registry's answer for schema id " + id + " has no guid (a registry"
            + " older than Confluent 8 does not give schema GUIDs)", 200, RestClientException.UNREADABLE_RESPONSE);
      }
      return guid;
    });
  }

  private static String byIdPath(int id, String subject, String format) {
    StringBuilder path = new StringBuilder("/schemas/ids/").append(id);
    char separator = '?';
    if (subject != null) {
      path.append(separator).append("subject=").append(query(subject));
      separator = '&';
    }
    if (format != null) {
      path.append(separator).append("format=").append(query(format));
    }
    return path.toString();
  }

  @Override
  public RegisteredSchema getVersion(String subject, int version, String format)
      throws IOException, RestClientException {
    VersionKey key = new VersionKey(subject, version, format);
    return cached(versions, key, () -> remembered(missingVersions, key, SUBJECT_OR_VERSION_NOT_FOUND,
        () -> Json.registered(transport.send("GET", versionPath(subject, String.valueOf(version))
            + (format == null ? "" : "?format=" + query(format)), null))));
  }

  @Override
  public RegisteredSchema getLatest(String subject) throws IOException, RestClientException {
    return cached(latest, subject, () -> Json.registered(transport.send("GET", versionPath(subject, "latest"), null)));
  }

  @Override
  public RegisteredSchema getLatestWithMetadata(String subject, Map<String, String> metadata)
      throws IOException, RestClientException {
    Map<String, String> pairs = Map.copyOf(metadata);
    StringBuilder path = new StringBuilder("/subjects/").append(segment(subject)).append("/metadata");
    char separator = '?';
    for (Map.Entry<String, String> pair : new java.util.TreeMap<>(pairs).entrySet()) {
      path.append(separator).append("key=").append(query(pair.getKey())).append("&value=")
          .append(query(pair.getValue()));
      separator = '&';
    }
    return cached(latestWithMetadata, new MetadataKey(subject, pairs),
        () -> Json.registered(transport.send("GET", path.toString(), null)));
  }

  /** A REST call whose answer the cache may hold. */
  @FunctionalInterface
  private interface Fetch<V> {
    V get() throws IOException, RestClientException;
  }

  /**
   * The cached answer for {@code key}, else {@code fetch}'s, kept. Two threads missing at once
   * both ask the registry: the answers are the same, and a lock would serialize every miss.
   */
  private static <K, V> V cached(BoundedCache<K, V> cache, K key, Fetch<V> fetch)
      throws IOException, RestClientException {
    V cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    V fetched = fetch.get();
    cache.put(key, fetched);
    return fetched;
  }

  private static final Set<Integer> SCHEMA_NOT_FOUND = Set.of(40403);
  private static final Set<Integer> SUBJECT_OR_SCHEMA_NOT_FOUND = Set.of(40401, 40403);
  private static final Set<Integer> SUBJECT_OR_VERSION_NOT_FOUND = Set.of(40401, 40402);

  /**
   * {@code fetch}'s answer; a "not found" with one of {@code codes} is remembered in
   * {@code misses} (when kept) and given again, as a new exception, until it expires.
   */
  private static <K, V> V remembered(BoundedCache<K, RestClientException> misses, K key, Set<Integer> codes,
      Fetch<V> fetch) throws IOException, RestClientException {
    if (misses != null) {
      RestClientException miss = misses.get(key);
      if (miss != null) {
        throw new RestClientException(miss.getMessage(), miss.status(), miss.errorCode());
      }
    }
    try {
      return fetch.get();
    } catch (RestClientException e) {
      if (misses != null && codes.contains(e.errorCode())) {
        misses.put(key, e);
      }
      throw e;
    }
  }

  @Override
  public List<Integer> getVersions(String subject) throws IOException, RestClientException {
    return Json.ints(transport.send("GET", "/subjects/" + segment(subject) + "/versions", null));
  }

  @Override
  public List<String> associatedSubjects(String namespace, String topic, String associationType)
      throws IOException, RestClientException {
    JsonNode answer;
    try {
      answer = transport.send("GET", "/associations/resources/" + segment(namespace) + "/" + segment(topic)
          + "?resourceType=topic&associationType=" + query(associationType), null);
    } catch (RestClientException e) {
      if (e.status() == 404) {
        return List.of(); // a registry older than Confluent 8: no associations
      }
      throw e;
    }
    List<String> subjects = new ArrayList<>();
    answer.forEach(association -> subjects.add(association.path("subject").asText()));
    return subjects;
  }

  @Override
  public List<String> getSubjects() throws IOException, RestClientException {
    List<String> subjects = new ArrayList<>();
    transport.send("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
    return subjects;
  }

  @Override
  public CompatibilityCheck testCompatibility(String subject, String version, SchemaDefinition schema,
      boolean verbose) throws IOException, RestClientException {
    String path = "/compatibility/subjects/" + segment(subject) + "/versions"
        + (version == null ? "" : "/" + segment(version)) + "?verbose=" + verbose;
    JsonNode answer = transport.send("POST", path, Json.schemaRequest(schema));
    List<String> messages = new ArrayList<>();
    answer.path("messages").forEach(message -> messages.add(message.asText()));
    return new CompatibilityCheck(Json.required(answer, "is_compatible").asBoolean(), messages);
  }

  @Override
  public String getCompatibility(String subject) throws IOException, RestClientException {
    return getSetting(scoped("/config", subject), "compatibilityLevel");
  }

  @Override
  public String setCompatibility(String subject, String level) throws IOException, RestClientException {
    return putSetting(scoped("/config", subject), "compatibility", level);
  }

  @Override
  public String deleteCompatibility(String subject) throws IOException, RestClientException {
    return transport.send("DELETE", scoped("/config", subject), null).path("compatibilityLevel").asText(null);
  }

  @Override
  public String getMode(String subject) throws IOException, RestClientException {
    return getSetting(scoped("/mode", subject), "mode");
  }

  @Override
  public String setMode(String subject, String mode) throws IOException, RestClientException {
    return putSetting(scoped("/mode", subject), "mode", mode);
  }

  /** A config or mode read: the answer's {@code field}, which must be there. */
  private String getSetting(String path, String field) throws IOException, RestClientException {
    return Json.required(transport.send("GET", path, null), field).asText();
  }

  /** A config or mode change: {@code {field: value}}, answered with the value the registry now holds. */
  private String putSetting(String path, String field, String value) throws IOException, RestClientException {
    ObjectNode body = Json.MAPPER.createObjectNode().put(field, value);
    return Json.required(transport.send("PUT", path, body), field).asText();
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) throws IOException, RestClientException {
    List<Integer> deleted = Json.ints(transport.send("DELETE",
        "/subjects/" + segment(subject) + "?permanent=" + permanent, null));
    forget(subject);
    return deleted;
  }

  @Override
  public int deleteVersion(String subject, String version, boolean permanent)
      throws IOException, RestClientException {
    JsonNode answer = transport.send("DELETE", versionPath(subject, version) + "?permanent=" + permanent, null);
    forget(subject);
    return answer.asInt();
  }

  /** Ids stay readable after a delete, but "this schema is registered here" no longer holds. */
  private void forget(String subject) {
    if (missingVersions != null) {
      missingVersions.removeIf(key -> key.subject.equals(subject));
    }
    ids.removeIf(key -> key.subject.equals(subject));
    lookups.removeIf(key -> key.subject.equals(subject));
    latest.remove(subject);
    latestWithMetadata.removeIf(key -> key.subject.equals(subject));
    versions.removeIf(key -> key.subject.equals(subject));
  }

  @Override
  public void close() {
    // The JDK's HttpClient frees its resources when unreachable; nothing else is held.
  }

  private static String versionPath(String subject, String version) {
    return "/subjects/" + segment(subject) + "/versions/" + segment(version);
  }

  private static String scoped(String root, String subject) {
    return subject == null ? root : root + "/" + segment(subject);
  }

  /** A subject as one path segment: any character, '/' included, arrives intact. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
