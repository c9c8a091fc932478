package dev.stele.serde.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import dev.stele.client.RegisteredSchema;
import dev.stele.client.RuleMode;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.ConfigValues;
import dev.stele.serde.internal.Framing;
import dev.stele.serde.internal.RegistryAccess;
import dev.stele.serde.internal.TypedDeserializer;
import dev.stele.serde.rules.internal.Migrations;
import dev.stele.serde.jsonschema.internal.JsonModel;
import dev.stele.serde.jsonschema.internal.JsonSchemaKeys;
import dev.stele.serde.jsonschema.internal.Validators;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;

/**
 * Reads the Confluent wire format back into a {@code JsonNode}, or into the class named by
 * {@code json.value.type} / {@code json.key.type} (or given to the constructor). Validates
 * against the writer's schema when {@code json.fail.invalid.schema=true}. A drop-in for
 * {@code io.confluent.kafka.serializers.json.KafkaJsonSchemaDeserializer}.
 */
public class KafkaJsonSchemaDeserializer<T> extends TypedDeserializer<T> {
  private final ObjectMapper mapper = new ObjectMapper();
  private boolean validate;
  private final ConcurrentHashMap<Integer, Reader> readers = new ConcurrentHashMap<>();

  /** {@code contract} and {@code model} are null when the writer schema has no rules to run. */
  private record Reader(JsonSchema validator, String subject, SchemaDefinition contract, JsonModel model) {}

  /** (writer id, target id) → migration; only with use.latest.version or use.latest.with.metadata. */
  private final ConcurrentHashMap<List<Integer>, Migration> migrations = new ConcurrentHashMap<>();
  /** writer id → subject (parsing the schema for its title once); subjects by topic strategy are cheap anyway. */
  private final ConcurrentHashMap<Integer, String> subjects = new ConcurrentHashMap<>();
  private boolean migrating;

  public KafkaJsonSchemaDeserializer() {
    this(null, null, null);
  }

  public KafkaJsonSchemaDeserializer(SchemaRegistryClient client) {
    this(client, null, null);
  }

  /** Reads values into {@code type} (null: JsonNode). */
  public KafkaJsonSchemaDeserializer(SchemaRegistryClient client, Map<String, ?> configs, Class<T> type) {
    super(client, type, "JSON Schema", JsonSchemaKeys.TABLE, JsonSchemaSerdeConfig.KEY_TYPE, JsonSchemaSerdeConfig.VALUE_TYPE);
    if (configs != null) {
      configure(configs, false);
    }
  }

  @Override
  protected void configured(Map<String, ?> configs) {
    this.validate = new ConfigValues(configs).bool(JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, false);
    readers.clear();
    migrations.clear();
    subjects.clear();
    this.migrating = registry().config().useLatestVersion() || !registry().config().latestWithMetadata().isEmpty();
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, Headers headers, byte[] framed) {
    if (framed == null) {
      return null;
    }
    RegistryAccess registry = registry();
    byte[] data = registry.inPrefixForm(topic, headers, framed);
    int id = Framing.readId(topic, data);
    Reader reader = readers.get(id);
    if (reader == null) {
      reader = resolve(registry, topic, id);
    }
    byte[] received = data;
    if (reader.contract != null) {
      data = encodingRules(RuleMode.READ, reader.subject, topic, headers, reader.contract, reader.model, data,
          Framing.HEADER_SIZE);
    }
    JsonNode node;
    try {
      node = mapper.readTree(data, Framing.HEADER_SIZE, data.length - Framing.HEADER_SIZE);
    } catch (Exception e) {
      throw new SerializationException(registry.describe(topic) + " (schema id " + id + "): the payload is not JSON: "
          + e.getMessage(), e);
    }
    if (node == null || node.isMissingNode()) {
      throw new SerializationException(registry.describe(topic) + " (schema id " + id + "): the payload is empty");
    }
    if (reader.validator != null) {
      List<String> problems = Validators.problems(reader.validator, node);
      if (!problems.isEmpty()) {
        throw new SerializationException(registry.describe(topic) + " (schema id " + id
            + ") does not match its schema: "
            + String.join("; ", problems));
      }
    }
    Reader readAs = reader;
    if (migrating) {
      Migration migration = migration(registry, topic, id, node);
      if (migration != null) {
        node = rules().migrate(migration.steps, migration.subject, topic, headers, node);
        readAs = migration.target;
      }
    }
    if (readAs.contract != null) {
      node = (JsonNode) rules().domain(RuleMode.READ, readAs.subject, topic, headers, readAs.contract, readAs.model,
          node, received);
    }
    Class<?> type = type();
    if (type == null) {
      return (T) node;
    }
    try {
      return (T) mapper.treeToValue(node, type);
    } catch (Exception e) {
      throw new SerializationException(registry.describe(topic) + " (schema id " + id + ") cannot be read as "
          + type.getName() + ": " + e.getMessage(), e);
    }
  }

  /** Migrating records of one writer id to one target version: the steps and how to read the target. */
  private record Migration(String subject, List<Migrations.Step> steps, Reader target) {}

  /**
   * With {@code use.latest.version} or {@code use.latest.with.metadata}: the steps from the writer's
   * version to the target's when migration rules lie between, else null (the record is read as written).
   */
  private Migration migration(RegistryAccess registry, String topic, int id, JsonNode node) {
    SchemaDefinition writerSchema = registry.schemaById(topic, id);
    String subject = subjects.computeIfAbsent(id,
        i -> registry.subject(topic, title(registry, topic, id, writerSchema)));
    RegisteredSchema target = registry.readerTarget(topic, subject);
    if (target == null || target.id() == id) {
      return null;
    }
    Migration migration = migrations.get(List.of(id, target.id()));
    if (migration == null) {
      RegisteredSchema writer = registry.versionOf(topic, subject, writerSchema);
      List<Migrations.Step> steps = Migrations.plan(registry, topic, subject, writer, target);
      Reader targetReader = new Reader(null, null, null, null);
      if (target.schema().hasRules()) {
        targetReader = new Reader(null, subject, target.schema(), new JsonModel(tree(registry, topic, target.id(),
            target.schema())));
      }
      migration = new Migration(subject, steps, targetReader);
      migrations.put(List.of(id, target.id()), migration);
    }
    return migration.steps.isEmpty() ? null : migration;
  }

  private String title(RegistryAccess registry, String topic, int id, SchemaDefinition schema) {
    return tree(registry, topic, id, schema).path("title").asText(null);
  }

  private JsonNode tree(RegistryAccess registry, String topic, int id, SchemaDefinition schema) {
    try {
      return mapper.readTree(schema.text());
    } catch (Exception e) {
      throw new SerializationException(registry.describe(topic) + " (schema id " + id + "): the schema is not JSON: "
          + e.getMessage(), e);
    }
  }

  private Reader resolve(RegistryAccess registry, String topic, int id) {
    SchemaDefinition schema = registry.schemaById(topic, id);
    if (!SchemaDefinition.JSON.equals(schema.type())) {
      throw new SerializationException(registry.describe(topic) + " (schema id " + id + "): the schema is "
          + schema.type() + ", not JSON");
    }
    JsonSchema validator = null;
    if (validate) {
      try {
        validator = Validators.build(mapper.readTree(schema.text()));
      } catch (Exception e) {
        throw new SerializationException(registry.describe(topic) + " (schema id " + id
            + "): the schema cannot be used for validation: " + e.getMessage(), e);
      }
    }
    Reader reader = new Reader(validator, null, null, null);
    if (schema.hasRules()) {
      JsonNode tree;
      try {
        tree = mapper.readTree(schema.text());
      } catch (Exception e) {
        throw new SerializationException(registry.describe(topic) + " (schema id " + id + "): the schema is not JSON: "
            + e.getMessage(), e);
      }
      reader = new Reader(validator, registry.subject(topic, tree.path("title").asText(null)), schema,
          new JsonModel(tree));
    }
    readers.put(id, reader);
    return reader;
  }
}
