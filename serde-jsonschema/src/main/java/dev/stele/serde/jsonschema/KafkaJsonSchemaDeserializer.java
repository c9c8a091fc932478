package dev.stele.serde.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.ConfigValues;
import dev.stele.serde.internal.Framing;
import dev.stele.serde.internal.RegistryAccess;
import dev.stele.serde.jsonschema.internal.Validators;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format back into a {@code JsonNode}, or into the class named by
 * {@code json.value.type} / {@code json.key.type} (or given to the constructor). Validates
 * against the writer's schema when {@code json.fail.invalid.schema=true}. A drop-in for
 * {@code io.confluent.kafka.serializers.json.KafkaJsonSchemaDeserializer}.
 */
public class KafkaJsonSchemaDeserializer<T> implements Deserializer<T> {
  private final SchemaRegistryClient givenClient;
  private final ObjectMapper mapper = new ObjectMapper();
  private Class<?> type;
  private boolean validate;
  private RegistryAccess registry;
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
    this.givenClient = client;
    this.type = type;
    if (configs != null) {
      configure(configs, false);
    }
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    ConfigValues values = new ConfigValues(configs);
    this.validate = values.bool(JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, false);
    String typeKey = isKey ? JsonSchemaSerdeConfig.KEY_TYPE : JsonSchemaSerdeConfig.VALUE_TYPE;
    Object configured = configs.get(typeKey);
    if (configured instanceof Class<?> cls) {
      this.type = cls;
    } else if (configured != null && !configured.toString().isBlank()) {
      try {
        this.type = Class.forName(configured.toString().trim(), true, Thread.currentThread().getContextClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException(typeKey + ": no class " + configured + " on the class path", e);
      }
    }
    this.registry = RegistryAccess.configure(configs, isKey, givenClient, "JSON Schema");
    readers.clear();
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (registry == null) {
      throw new IllegalStateException("KafkaJsonSchemaDeserializer used before configure()");
    }
    int id = Framing.readId(topic, data);
    Reader reader = readers.get(id);
    if (reader == null) {
      reader = resolve(topic, id);
    }
    JsonNode node;
    try {
      node = mapper.readTree(data, Framing.HEADER_SIZE, data.length - Framing.HEADER_SIZE);
    } catch (Exception e) {
      throw new SerializationException(describe(topic) + " (schema id " + id + "): the payload is not JSON: "
          + e.getMessage(), e);
    }
    if (node == null || node.isMissingNode()) {
      throw new SerializationException(describe(topic) + " (schema id " + id + "): the payload is empty");
    }
    if (reader.validator != null) {
      List<String> problems = Validators.problems(reader.validator, node);
      if (!problems.isEmpty()) {
        throw new SerializationException(describe(topic) + " (schema id " + id + ") does not match its schema: "
            + String.join("; ", problems));
      }
    }
    if (type == null) {
      return (T) node;
    }
    try {
      return (T) mapper.treeToValue(node, type);
    } catch (Exception e) {
      throw new SerializationException(describe(topic) + " (schema id " + id + ") cannot be read as "
          + type.getName() + ": " + e.getMessage(), e);
    }
  }

  private Reader resolve(String topic, int id) {
    SchemaDefinition schema = registry.schemaById(topic, id);
    if (!SchemaDefinition.JSON.equals(schema.type())) {
      throw new SerializationException(describe(topic) + " (schema id " + id + "): the schema is "
          + schema.type() + ", not JSON");
    }
    JsonSchema validator = null;
    if (validate) {
      try {
        validator = Validators.build(mapper.readTree(schema.text()));
      } catch (Exception e) {
        throw new SerializationException(describe(topic) + " (schema id " + id
            + "): the schema cannot be used for validation: " + e.getMessage(), e);
      }
    }
    Reader reader = new Reader(validator);
    readers.put(id, reader);
    return reader;
  }

  private String describe(String topic) {
    return "JSON " + (registry.isKey() ? "key" : "value") + " for topic '" + topic + "'";
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
