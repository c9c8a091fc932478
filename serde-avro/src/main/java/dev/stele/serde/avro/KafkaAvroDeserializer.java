package dev.stele.serde.avro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.client.RegisteredSchema;
import dev.stele.client.RuleMode;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.ConfigValues;
import dev.stele.serde.avro.internal.AvroData;
import dev.stele.serde.avro.internal.AvroJson;
import dev.stele.serde.avro.internal.AvroKeys;
import dev.stele.serde.avro.internal.AvroModel;
import dev.stele.serde.avro.internal.AvroSchemaParser;
import dev.stele.serde.internal.Framing;
import dev.stele.serde.internal.RegistryAccess;
import dev.stele.serde.internal.RegistrySerde;
import dev.stele.serde.rules.internal.Migrations;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format (API.md §5.1) back into Avro values: a GenericRecord by
 * default, the generated class with {@code specific.avro.reader=true}, or the shape of a
 * configured reader schema; top-level strings and bytes come back as String and byte[].
 * A drop-in for {@code io.confluent.kafka.serializers.KafkaAvroDeserializer}.
 *
 * <p>Every failure (a foreign magic byte, a truncated header, an id the registry does not know,
 * bytes that do not decode, a registry that is down) is a {@link SerializationException} naming
 * the topic and, once read, the schema id.
 */
public class KafkaAvroDeserializer extends RegistrySerde implements Deserializer<Object> {
  private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

  private Schema configuredReader;
  private boolean specific;
  private final ConcurrentHashMap<Integer, Reader> readers = new ConcurrentHashMap<>();
  /** (writer id, target id) → plan; only with use.latest.version or use.latest.with.metadata. */
  private final ConcurrentHashMap<List<Integer>, Plan> plans = new ConcurrentHashMap<>();
  private boolean migrating;

  /** {@code contract} and {@code model} are null when the writer schema has no rules to run. */
  private record Reader(Schema writer, DatumReader<Object> reader, String subject, SchemaDefinition contract,
      AvroModel model) {}

  /** For Kafka, which calls {@link #configure} next. */
  public KafkaAvroDeserializer() {
    this(null, null);
  }

  public KafkaAvroDeserializer(SchemaRegistryClient client) {
    this(client, null);
  }

  public KafkaAvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs) {
    this(client, configs, null);
  }

  /** Resolves every writer schema against {@code readerSchema}. */
  public KafkaAvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs, Schema readerSchema) {
    super(client, "Avro", AvroKeys.TABLE);
    this.configuredReader = readerSchema;
    if (configs != null) {
      configure(configs, false);
    }
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    ConfigValues values = new ConfigValues(configs);
    this.specific = values.bool(AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
    String readerText = values.string(AvroSerdeConfig.READER_SCHEMA, null);
    if (readerText != null && !readerText.isEmpty()) {
      this.configuredReader = new Schema.Parser().parse(readerText);
    }
    RegistryAccess registry = connect(configs, isKey);
    this.migrating = registry.config().useLatestVersion() || !registry.config().latestWithMetadata().isEmpty();
    readers.clear();
    plans.clear();
  }

  @Override
  public Object deserialize(String topic, byte[] data) {
    return deserialize(topic, (Headers) null, data);
  }

  @Override
  public Object deserialize(String topic, Headers headers, byte[] framed) {
    if (framed == null) {
      return null;
    }
    byte[] data = registry().inPrefixForm(topic, headers, framed);
    int id = Framing.readId(topic, data);
    Reader reader = readers.get(id);
    if (reader == null) {
      reader = resolve(topic, id);
    }
    byte[] received = data;
    if (reader.contract != null) {
      data = encodingRules(RuleMode.READ, reader.subject, topic, headers, reader.contract, reader.model, data,
          Framing.HEADER_SIZE);
    }
    Object value;
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, Framing.HEADER_SIZE,
          data.length - Framing.HEADER_SIZE, DECODERS.get());
      DECODERS.set(decoder);
      value = plain(reader.reader.read(null, decoder));
    } catch (Exception | StackOverflowError e) {
      // Avro reports malformed input as EOF, AvroRuntimeException, index or cast errors alike.
      throw new SerializationException(describe(topic) + " (schema id " + id + "): the " + (data.length - 5)
          + " payload bytes do not decode as Avro under the writer schema " + reader.writer.getFullName()
          + ": " + e, e);
    }
    if (migrating) {
      Object migrated = migrated(topic, headers, id, reader, data);
      if (migrated != null) {
        return migrated;
      }
    }
    if (reader.contract == null) {
      return value;
    }
    return rules().domain(RuleMode.READ, reader.subject, topic, headers, reader.contract, reader.model, value,
        received);
  }

  /** How to read records of one writer id as one target version: the steps, and the target. */
  private record Plan(List<Migrations.Step> steps, Schema target, SchemaDefinition contract, AvroModel model) {}

  /**
   * With {@code use.latest.version} or {@code use.latest.with.metadata}, the record as the target
   * version has it when migration rules lie between the writer's version and the target, else
   * null: decoded with the writer schema, in Avro's JSON through the migration rules, read back
   * under the target, then the target's READ rules.
   */
  private Object migrated(String topic, Headers headers, int id, Reader reader, byte[] data) {
    RegistryAccess registry = registry();
    String subject = registry.subject(topic, AvroData.recordName(reader.writer));
    RegisteredSchema target = registry.readerTarget(topic, subject);
    if (target == null || target.id() == id) {
      return null;
    }
    Plan plan = plans.get(List.of(id, target.id()));
    if (plan == null) {
      RegisteredSchema writer = registry.versionOf(topic, subject, registry.schemaById(topic, id));
      Schema targetSchema = AvroSchemaParser.parse(registry, topic, target.schema(),
          describe(topic) + " (target schema id " + target.id() + ")");
      plan = new Plan(Migrations.plan(registry, topic, subject, writer, target), targetSchema,
          target.schema().hasRules() ? target.schema() : null, new AvroModel(targetSchema));
      plans.put(List.of(id, target.id()), plan);
    }
    if (plan.steps.isEmpty()) {
      return null;
    }
    Object value;
    try {
      Object written = new GenericDatumReader<>(reader.writer).read(null, DecoderFactory.get().binaryDecoder(data,
          Framing.HEADER_SIZE, data.length - Framing.HEADER_SIZE, null));
      JsonNode json = rules().migrate(plan.steps, subject, topic, headers, AvroJson.toJson(reader.writer, written));
      value = plain(AvroJson.fromJson(plan.target, json, specific));
    } catch (java.io.IOException | RuntimeException e) {
      if (e instanceof SerializationException serialization) {
        throw serialization;
      }
      throw new SerializationException(describe(topic) + " (schema id " + id + "): cannot migrate the record to"
          + " schema id " + target.id() + ": " + e.getMessage(), e);
    }
    return plan.contract == null ? value
        : rules().domain(RuleMode.READ, subject, topic, headers, plan.contract, plan.model, value, data);
  }

  @Override
  public Object deserialize(String topic, Headers headers, ByteBuffer data) {
    if (data == null) {
      return null;
    }
    byte[] bytes = new byte[data.remaining()];
    data.duplicate().get(bytes);
    return deserialize(topic, headers, bytes);
  }

  private Reader resolve(String topic, int id) {
    SchemaDefinition definition = registry().schemaById(topic, id);
    Schema writer = AvroSchemaParser.parse(registry(), topic, definition, describe(topic) + " (schema id " + id + ")");
    Schema readWith = configuredReader != null ? configuredReader : writer;
    DatumReader<Object> datumReader;
    if (specific && isNamed(writer)) {
      Class<?> type = SpecificData.get().getClass(writer);
      if (type == null) {
        throw new SerializationException(describe(topic) + " (schema id " + id + "): specific.avro.reader is set "
            + "but no generated class " + writer.getFullName() + " is on the class path");
      }
      datumReader = new SpecificDatumReader<>(writer,
          configuredReader != null ? configuredReader : SpecificData.get().getSchema(type));
    } else {
      datumReader = new GenericDatumReader<>(writer, readWith);
    }
    SchemaDefinition contract = definition.hasRules() ? definition : null;
    Reader reader = new Reader(writer, datumReader,
        contract == null ? null : registry().subject(topic, AvroData.recordName(writer)), contract,
        contract == null ? null : new AvroModel(writer));
    readers.put(id, reader);
    return reader;
  }

  private static boolean isNamed(Schema schema) {
    return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
        || schema.getType() == Schema.Type.FIXED;
  }

  /** Top-level strings and bytes as Java types, as Confluent's deserializer returns them. */
  private static Object plain(Object value) {
    if (value instanceof Utf8 utf8) {
      return utf8.toString();
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    }
    return value;
  }
}
