package dev.stele.serde.internal;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.RegisteredSchema;
import dev.stele.client.Registration;
import dev.stele.client.RestClientException;
import dev.stele.client.internal.ConfigValues;
import dev.stele.client.UnsupportedConfigException;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.schema.SchemaReference;
import dev.stele.serde.SerdeConfig;
import dev.stele.serde.SubjectNameStrategy;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.SerializationException;

/**
 * What a format's serializer or deserializer asks the registry, with Confluent's decision flow
 * (API.md §5.2) and every failure turned into a {@link SerializationException} that names the
 * topic, the subject or id, and the registry's reason. Format code never sees a client exception.
 */
public final class RegistryAccess implements AutoCloseable {
  private final SchemaRegistryClient client;
  private final boolean ownsClient;
  private final SerdeConfig config;
  private final boolean isKey;
  private final String format;
  private final boolean idInHeader;
  /** The configured subject name strategy, bound to this serde's client. */
  private final SubjectNameStrategy strategy;
  /** {@code use.schema.guid}, or null. */
  private final String useSchemaGuid;

  /** The id to frame with and the schema the payload must be written with. */
  public record WriterSchema(int id, SchemaDefinition schema) {}

  private RegistryAccess(SchemaRegistryClient client, boolean ownsClient, SerdeConfig config, boolean isKey,
      String format, boolean idInHeader, String useSchemaGuid, Map<String, ?> configs) {
    this.strategy = config.strategy(isKey).bind(client, configs);
    this.idInHeader = idInHeader;
    this.useSchemaGuid = useSchemaGuid;
    this.client = client;
    this.ownsClient = ownsClient;
    this.config = config;
    this.isKey = isKey;
    this.format = format;
  }

  /** Uses {@code given} when not null, else a client built from the same configs. */
  public static RegistryAccess configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient given,
      String format) {
    SerdeConfig config = SerdeConfig.fromMap(configs);
    boolean idInHeader = idInHeader(configs, isKey);
    String guid = useSchemaGuid(configs, config);
    if (given != null) {
      return new RegistryAccess(given, false, config, isKey, format, idInHeader, guid, configs);
    }
    return new RegistryAccess(new CachedSchemaRegistryClient(SerdeConfig.clientConfig(configs)), true, config,
        isKey, format, idInHeader, guid, configs);
  }

  /** {@code use.schema.guid}: a GUID, and not with {@code use.schema.id} (which one would win is a guess). */
  private static String useSchemaGuid(Map<String, ?> configs, SerdeConfig config) {
    String guid = new ConfigValues(configs).string(USE_SCHEMA_GUID, "");
    if (guid.isEmpty()) {
      return null;
    }
    if (config.useSchemaId() >= 0) {
      throw new IllegalArgumentException("set either " + SerdeConfig.USE_SCHEMA_ID + " or " + USE_SCHEMA_GUID
          + ", not both");
    }
    try {
      return java.util.UUID.fromString(guid).toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(USE_SCHEMA_GUID + " must be a schema GUID such as"
          + " 1c6dba6f-5ad4-4e39-8c6d-2b7b36cfd9c2, not '" + guid + "'", e);
    }
  }

  static final String USE_SCHEMA_GUID = "use.schema.guid";

  /** {@code key/value.schema.id.serializer}: Confluent's prefix (the default) or header framing. */
  private static boolean idInHeader(Map<String, ?> configs, boolean isKey) {
    String key = (isKey ? "key" : "value") + ".schema.id.serializer";
    Object value = configs.get(key);
    String name = value == null ? SerdeKeys.PREFIX_ID_SERIALIZER : ConfigValues.text(value).trim();
    if (name.equals(SerdeKeys.PREFIX_ID_SERIALIZER)) {
      return false;
    }
    if (name.equals(SerdeKeys.HEADER_ID_SERIALIZER)) {
      return true;
    }
    throw new UnsupportedConfigException(key, key + "=" + name + " is not supported by Stele's serializers: use "
        + SerdeKeys.PREFIX_ID_SERIALIZER + " or " + SerdeKeys.HEADER_ID_SERIALIZER);
  }

  /**
   * A serializer's output as {@code key/value.schema.id.serializer} frames it: as written (the id
   * prefix), or bare with the schema's GUID in the record header.
   *
   * @param indexesLength Protobuf's message indexes after the id prefix, which move into the header
   */
  public byte[] frameOut(String topic, org.apache.kafka.common.header.Headers headers, byte[] prefixed, int id,
      int indexesLength) {
    if (!idInHeader) {
      return prefixed;
    }
    if (headers == null) {
      throw new SerializationException(describe(topic) + ": the schema GUID goes in a record header"
          + " (HeaderSchemaIdSerializer) and this call to serialize has no headers");
    }
    String guid = bySchemaKey(topic, "schema id " + id, () -> client.getGuidById(id));
    return Framing.toHeaderForm(isKey, headers, prefixed, java.util.UUID.fromString(guid), indexesLength);
  }

  public SerdeConfig config() {
    return config;
  }

  public boolean isKey() {
    return isKey;
  }

  public String subject(String topic, String recordName) {
    return strategy.subjectName(topic, isKey, recordName);
  }

  /**
   * The id for {@code schema} under {@code subject}, in Confluent's order: registered (with
   * {@code auto.register.schemas}, which wins over the rest), fixed by {@code use.schema.id}, the
   * latest version, or looked up. With a fixed id and {@code id.compatibility.strict}, or the latest
   * version and {@code latest.compatibility.strict}, {@code canRead} must return null (that schema
   * can read what {@code schema} writes) or the reason it cannot. {@code schema} may be null when
   * the caller has none of its own and relies on the latest version or a fixed id.
   */
  public WriterSchema writerSchema(String topic, String subject, SchemaDefinition schema,
      Function<SchemaDefinition, String> canRead) {
    try {
      if (config.autoRegister() && schema != null) {
        Registration registered = client.registerWithResponse(subject, schema, config.normalize());
        // The registry answers with the version when its contract came into play (e.g. rules carried
        // over from the previous version): those rules are the ones to run, as in Confluent.
        SchemaDefinition contract = registered.schema();
        return new WriterSchema(registered.id(), contract == null ? schema
            : schema.withContract(contract.metadata(), contract.ruleSet()));
      }
      if (config.useSchemaId() >= 0 || useSchemaGuid != null) {
        String setting = useSchemaGuid == null ? SerdeConfig.USE_SCHEMA_ID : USE_SCHEMA_GUID;
        int id = useSchemaGuid == null ? config.useSchemaId() : client.getIdByGuid(useSchemaGuid);
        SchemaDefinition fixed = client.getById(id, subject, null);
        String problem = config.idCompatibilityStrict() ? canRead.apply(fixed) : null;
        if (problem != null) {
          throw new SerializationException(describe(topic) + ": schema id " + id + " (" + setting + ") cannot read"
              + " this " + format + " data: " + problem + "; set id.compatibility.strict=false to skip this check");
        }
        return new WriterSchema(id, fixed);
      }
      if (!config.latestWithMetadata().isEmpty()) {
        RegisteredSchema chosen = client.getLatestWithMetadata(subject, config.latestWithMetadata());
        return new WriterSchema(chosen.id(), chosen.schema());
      }
      if (schema == null && !config.useLatestVersion()) {
        throw new SerializationException(describe(topic) + ": no schema to register or look up under subject '"
            + subject + "'; configure one, or use.latest.version or use.schema.id");
      }
      if (config.useLatestVersion()) {
        RegisteredSchema latest = client.getLatest(subject);
        String problem = config.latestCompatibilityStrict() ? canRead.apply(latest.schema()) : null;
        if (problem != null) {
          throw new SerializationException(describe(topic) + ": the latest version of subject '" + subject
              + "' (id " + latest.id() + ") cannot read this " + format + " data: " + problem);
        }
        return new WriterSchema(latest.id(), latest.schema());
      }
      return new WriterSchema(client.lookup(subject, schema, config.normalize()).id(), schema);
    } catch (RestClientException e) {
      throw refused(topic, "the schema for subject '" + subject + "'", e);
    } catch (IOException e) {
      throw unavailable(describe(topic), e);
    }
  }

  /**
   * The version a deserializer migrates records to: the latest with {@code use.latest.with.metadata}'s
   * properties, else with {@code use.latest.version} the latest, else null (records are read as written).
   */
  public RegisteredSchema readerTarget(String topic, String subject) {
    return ask(topic, () -> "the version to read subject '" + subject + "' as", () -> {
      if (!config.latestWithMetadata().isEmpty()) {
        return client.getLatestWithMetadata(subject, config.latestWithMetadata());
      }
      return config.useLatestVersion() ? client.getLatest(subject) : null;
    });
  }

  /** The version of {@code subject} holding {@code schema} (a writer's, to plan its migration). */
  public RegisteredSchema versionOf(String topic, String subject, SchemaDefinition schema) {
    return ask(topic, () -> "a look-up of the writer schema under subject '" + subject + "'",
        () -> client.lookup(subject, schema, false));
  }

  /** One numbered version of {@code subject}. */
  public RegisteredSchema version(String topic, String subject, int version) {
    return ask(topic, () -> "version " + version + " of subject '" + subject + "'",
        () -> client.getVersion(subject, version));
  }

  /**
   * The record in the id-prefix form the deserializers read, wherever its writer put the schema's
   * id or GUID (Framing#inPrefixForm); a GUID the registry does not know fails naming it.
   */
  public byte[] inPrefixForm(String topic, org.apache.kafka.common.header.Headers headers, byte[] data) {
    return Framing.inPrefixForm(topic, isKey, headers, data, idOfGuid);
  }

  /** Made once: the deserializers call {@link #inPrefixForm} for every record. */
  private final java.util.function.BiFunction<String, String, Integer> idOfGuid = this::idOfGuid;

  private int idOfGuid(String topic, String guid) {
    return bySchemaKey(topic, "schema GUID " + guid, () -> client.getIdByGuid(guid));
  }

  /** {@code ask}'s answer; a failure names the record and {@code what} (an id or GUID) it asked for. */
  private <T> T bySchemaKey(String topic, String what, Call<T> ask) {
    try {
      return ask.call();
    } catch (RestClientException e) {
      String reason = e.errorCode() == RestClientException.SCHEMA_NOT_FOUND
          ? "the schema registry does not know " + what : e.getMessage();
      throw new SerializationException(describe(topic) + " (" + what + "): " + reason, e);
    } catch (IOException e) {
      throw unavailable(describe(topic) + " (" + what + ")", e);
    }
  }

  /** The writer schema of a payload, by the id in its header. */
  public SchemaDefinition schemaById(String topic, int id) {
    return schemaById(topic, id, null);
  }

  /** The same in a given {@code format} (API.md §1.4), e.g. Protobuf's {@code serialized}. */
  public SchemaDefinition schemaById(String topic, int id, String format) {
    return bySchemaKey(topic, "schema id " + id, () -> client.getById(id, null, format));
  }

  /** A schema another imports, by subject and version (-1 = latest). */
  public SchemaDefinition referenced(String topic, SchemaReference reference) {
    return referenced(topic, reference, null);
  }

  /** The same in a given {@code format}. */
  public SchemaDefinition referenced(String topic, SchemaReference reference, String format) {
    try {
      return reference.version() < 0 ? client.getLatest(reference.subject()).schema()
          : client.getVersion(reference.subject(), reference.version(), format).schema();
    } catch (RestClientException | IOException e) {
      throw new SerializationException(describe(topic) + ": cannot fetch the referenced schema '"
          + reference.name() + "' (subject '" + reference.subject() + "', version " + reference.version()
          + "): " + e.getMessage(), e);
    }
  }

  /**
   * Registers (with {@code auto.register.schemas}, unless {@code lookupOnly}: Protobuf's
   * {@code reference.lookup.only}) or looks up a schema that another imports, and returns where
   * it is, for the importing schema's reference.
   */
  public RegisteredSchema reference(String topic, String subject, SchemaDefinition schema, boolean lookupOnly) {
    return ask(topic, () -> "the imported schema '" + subject + "'", () -> {
      if (config.autoRegister() && !lookupOnly) {
        client.register(subject, schema, config.normalize());
      }
      return client.lookup(subject, schema, config.normalize());
    });
  }

  /** One call to the registry. */
  @FunctionalInterface
  private interface Call<T> {
    T call() throws RestClientException, IOException;
  }

  /** {@code call}'s answer; a refusal names {@code what} was asked for, for {@code topic}'s data. */
  private <T> T ask(String topic, Supplier<String> what, Call<T> call) {
    try {
      return call.call();
    } catch (RestClientException e) {
      throw refused(topic, what.get(), e);
    } catch (IOException e) {
      throw unavailable(describe(topic), e);
    }
  }

  private SerializationException refused(String topic, String what, RestClientException e) {
    return new SerializationException(describe(topic) + ": the schema registry refused " + what + ": "
        + e.getMessage(), e);
  }

  /** {@code what} names the data, and the schema id once one is known. */
  private static SerializationException unavailable(String what, IOException e) {
    return new SerializationException(what + ": the schema registry is unavailable: " + e.getMessage(), e);
  }

  public SchemaRegistryClient client() {
    return client;
  }

  /** How messages name the data: format, key or value, and topic. */
  public String describe(String topic) {
    return format + " " + (isKey ? "key" : "value") + " for topic '" + topic + "'";
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }
}
