package dev.stele.serde.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.ConfigValues;
import dev.stele.serde.internal.Framing;
import dev.stele.serde.internal.RegistryAccess;
import dev.stele.serde.internal.TypedDeserializer;
import dev.stele.serde.jsonschema.internal.JsonSchemaKeys;
import dev.stele.serde.jsonschema.internal.Validators;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;

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

  private record Reader(JsonSchema validator) {}

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
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    RegistryAccess registry = registry();
    int id = Framing.readId(topic, data);
    Reader reader = readers.get(id);
    if (reader == null) {
      reader = resolve(registry, topic, id);
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
    Reader reader = new Reader(validator);
    readers.put(id, reader);
    return reader;
  }
}
