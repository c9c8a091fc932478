package dev.stele.serde.jsonschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.networknt.schema.JsonSchema;
import dev.stele.client.RuleMode;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.ConfigValues;
import dev.stele.format.jsonschema.JsonSchemaFormat;
import dev.stele.serde.internal.Framing;
import dev.stele.serde.internal.LatestCheck;
import dev.stele.serde.internal.RegistryAccess;
import dev.stele.serde.internal.RegistrySerde;
import dev.stele.serde.jsonschema.internal.JsonModel;
import dev.stele.serde.jsonschema.internal.JsonSchemaKeys;
import dev.stele.serde.jsonschema.internal.PojoSchemas;
import dev.stele.serde.jsonschema.internal.Validators;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Jackson {@code JsonNode}s and POJOs as UTF-8 JSON in the Confluent wire format (magic 0,
 * 4-byte big-endian schema id, the JSON text; API.md §5.1). The schema is the configured
 * {@code json.schema}, else derived from the POJO's class, else (with {@code use.latest.version}
 * or {@code use.schema.id}) the registry's. Data is validated against the schema it is framed
 * with when {@code json.fail.invalid.schema=true} (Confluent's default, false, writes it unchecked). A drop-in for
 * {@code io.confluent.kafka.serializers.json.KafkaJsonSchemaSerializer}.
 */
public class KafkaJsonSchemaSerializer<T> extends RegistrySerde implements Serializer<T> {
  private static final ThreadLocal<Sink> BUFFERS = ThreadLocal.withInitial(Sink::new);

  private final ObjectMapper mapper = new ObjectMapper();
  private LatestCheck latestCheck;
  private boolean validate;
  private JsonNode configuredSchema;
  /** topic → value class → id and validator. */
  private final ConcurrentHashMap<String, ConcurrentHashMap<Class<?>, Target>> targets = new ConcurrentHashMap<>();

  /**
   * The writer is bound to the value's exact class (or to JsonNode when validating, which writes
   * the validated tree), so its root serializer is looked up once, not on every call.
   */
  private record Target(int id, JsonSchema validator, ObjectWriter writer, String subject, SchemaDefinition contract,
      JsonModel model) {}

  public KafkaJsonSchemaSerializer() {
    this(null);
  }

  public KafkaJsonSchemaSerializer(SchemaRegistryClient client) {
    super(client, "JSON Schema", JsonSchemaKeys.TABLE);
  }

  public KafkaJsonSchemaSerializer(SchemaRegistryClient client, Map<String, ?> configs) {
    this(client);
    configure(configs, false);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    ConfigValues values = new ConfigValues(configs);
    this.validate = values.bool(JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, false);
    String schemaText = values.string(JsonSchemaSerdeConfig.SCHEMA, null);
    try {
      this.configuredSchema = schemaText == null || schemaText.isEmpty() ? null : mapper.readTree(schemaText);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(JsonSchemaSerdeConfig.SCHEMA + " is not JSON: " + e.getOriginalMessage(), e);
    }
    this.latestCheck = new LatestCheck(connect(configs, isKey), new JsonSchemaFormat());
    targets.clear();
  }

  @Override
  public byte[] serialize(String topic, T data) {
    return serialize(topic, null, data);
  }

  @Override
  public byte[] serialize(String topic, Headers headers, T data) {
    if (data == null) {
      return null;
    }
    registry(); // an IllegalStateException when used before configure()
    ConcurrentHashMap<Class<?>, Target> byTopic = targets.get(topic);
    Target target = byTopic == null ? null : byTopic.get(data.getClass());
    if (target == null) {
      target = resolve(topic, data);
    }
    Object value = data;
    if (target.contract != null) {
      // Rules see the value as a tree, also a POJO's; the tree they leave is what is written.
      JsonNode tree = data instanceof JsonNode node ? node : mapper.valueToTree(data);
      value = rules().domain(RuleMode.WRITE, target.subject, topic, headers, target.contract, target.model, tree);
    }
    byte[] prefixed;
    try {
      if (target.validator != null) {
        JsonNode node = value instanceof JsonNode tree ? tree : mapper.valueToTree(value);
        List<String> problems = Validators.problems(target.validator, node);
        if (!problems.isEmpty()) {
          throw new SerializationException(describe(topic) + " (schema id " + target.id
              + ") does not match its schema: " + String.join("; ", problems));
        }
        value = node;
      }
      byte[] framed = framed(target, value);
      prefixed = target.contract == null ? framed : encodingRules(RuleMode.WRITE, target.subject, topic, headers,
          target.contract, target.model, framed, Framing.HEADER_SIZE);
    } catch (IOException | IllegalArgumentException e) {
      throw new SerializationException(describe(topic) + " (schema id " + target.id + ") cannot be written as JSON: "
          + e.getMessage(), e);
    }
    return registry().frameOut(topic, headers, prefixed, target.id, 0);
  }

  /**
   * Header and JSON written into one per-thread stream, so the bytes are copied once, as
   * {@code writeValueAsBytes} copies them. Each producing thread has its own stream.
   */
  private static byte[] framed(Target target, Object value) throws IOException {
    Sink out = BUFFERS.get();
    out.start(target.id);
    target.writer.writeValue(out, value);
    byte[] bytes = out.bytes();
    if (out.capacity() > 1 << 20) {
      BUFFERS.remove();
    }
    return bytes;
  }

  /**
   * A per-thread growable buffer that starts with the 5-byte header. Unlike
   * ByteArrayOutputStream its writes are not synchronized: it never leaves its thread, and the
   * locking was a measurable part of the serializer's cost over bare Jackson.
   */
  private static final class Sink extends java.io.OutputStream {
    private byte[] buf = new byte[256];
    private int count;

    void start(int id) {
      buf[0] = Framing.MAGIC;
      buf[1] = (byte) (id >>> 24);
      buf[2] = (byte) (id >>> 16);
      buf[3] = (byte) (id >>> 8);
      buf[4] = (byte) id;
      count = 5;
    }

    @Override
    public void write(int b) {
      room(1);
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      room(len);
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }

    private void room(int more) {
      if (count + more > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
      }
    }

    byte[] bytes() {
      return java.util.Arrays.copyOf(buf, count);
    }

    int capacity() {
      return buf.length;
    }
  }

  private Target resolve(String topic, T data) {
    RegistryAccess registry = registry();
    JsonNode schema = configuredSchema;
    if (schema == null && !(data instanceof JsonNode)) {
      schema = PojoSchemas.derive(mapper, data.getClass());
    }
    String title = schema == null ? null : schema.path("title").asText(null);
    String subject = registry.subject(topic, title);
    SchemaDefinition definition = schema == null ? null : SchemaDefinition.of(SchemaDefinition.JSON, schema.toString());
    // With the latest version, the server's diff says whether it reads what our schema writes
    // (latest.compatibility.strict), and every value is still validated against it. A JsonNode
    // with no configured schema has nothing to diff: it is only validated.
    RegistryAccess.WriterSchema writer = registry.writerSchema(topic, subject, definition,
        latest -> definition == null ? null : latestCheck.problem(topic, latest, definition.text(), List.of()));
    if (!SchemaDefinition.JSON.equals(writer.schema().type())) {
      throw new SerializationException(describe(topic) + ": schema id " + writer.id() + " is "
          + writer.schema().type() + ", not JSON");
    }
    JsonSchema validator = null;
    if (validate) {
      try {
        validator = Validators.build(mapper.readTree(writer.schema().text()));
      } catch (JsonProcessingException | RuntimeException e) {
        throw new SerializationException(describe(topic) + ": schema id " + writer.id()
            + " cannot be used for validation: " + e.getMessage(), e);
      }
    }
    SchemaDefinition contract = writer.schema().hasRules() ? writer.schema() : null;
    JsonModel model = null;
    if (contract != null) {
      try {
        model = new JsonModel(mapper.readTree(contract.text()));
      } catch (JsonProcessingException e) {
        throw new SerializationException(describe(topic) + ": schema id " + writer.id() + " is not JSON: "
            + e.getOriginalMessage(), e);
      }
    }
    // A validated value, or one rules saw, is written as the tree it became; see serialize.
    ObjectWriter json = validator != null || contract != null ? mapper.writerFor(JsonNode.class)
        : mapper.writerFor(data.getClass());
    Target target = new Target(writer.id(), validator, json, subject, contract, model);
    targets.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(data.getClass(), target);
    return target;
  }
}
