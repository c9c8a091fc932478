package dev.stele.serde.avro;

import dev.stele.client.SchemaDefinition;
import dev.stele.client.RuleMode;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.serde.avro.internal.AvroData;
import dev.stele.serde.avro.internal.AvroKeys;
import dev.stele.serde.avro.internal.AvroModel;
import dev.stele.serde.avro.internal.AvroSchemaParser;
import dev.stele.serde.avro.internal.OutputBuffers;
import dev.stele.serde.internal.Framing;
import dev.stele.serde.internal.RegistryAccess;
import dev.stele.serde.internal.RegistrySerde;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro values (GenericRecord, generated SpecificRecord, primitives) in the Confluent wire
 * format: magic byte 0, the 4-byte big-endian schema id, the Avro binary encoding (API.md §5.1).
 * A drop-in for {@code io.confluent.kafka.serializers.KafkaAvroSerializer} with the same configs.
 *
 * <p>The registry is asked once per (topic, schema); after that a call is two lock-free map
 * reads and the encoding. When the schema to write with carries domain rules (a data contract),
 * its WRITE rules run first; a TRANSFORM rewrites the record in place, as Confluent's does.
 * Thread-safe, like Kafka requires.
 */
public class KafkaAvroSerializer extends RegistrySerde implements Serializer<Object> {
  /** topic → writer schema → what to write it with. Schema equality is by value, cached hash. */
  private final ConcurrentHashMap<String, ConcurrentHashMap<Schema, Target>> targets = new ConcurrentHashMap<>();

  /** {@code contract} and {@code model} are null when the writer schema has no rules to run. */
  private record Target(int id, DatumWriter<Object> writer, String subject, SchemaDefinition contract,
      AvroModel model) {}

  /** For Kafka, which calls {@link #configure} next. */
  public KafkaAvroSerializer() {
    this(null);
  }

  /** Uses this client rather than building one from the configs (shares its caches). */
  public KafkaAvroSerializer(SchemaRegistryClient client) {
    super(client, "Avro", AvroKeys.TABLE);
  }

  public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs) {
    this(client);
    configure(configs, false);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    connect(configs, isKey);
    targets.clear();
  }

  @Override
  public byte[] serialize(String topic, Object data) {
    return serialize(topic, null, data);
  }

  @Override
  public byte[] serialize(String topic, Headers headers, Object data) {
    if (data == null) {
      return null;
    }
    RegistryAccess registry = registry();
    Schema schema = AvroData.schemaOf(topic, data);
    ConcurrentHashMap<Schema, Target> byTopic = targets.get(topic);
    Target target = byTopic == null ? null : byTopic.get(schema);
    if (target == null) {
      target = resolve(topic, schema, data instanceof SpecificRecord);
    }
    if (target.contract != null) {
      data = rules().domain(RuleMode.WRITE, target.subject, topic, headers, target.contract, target.model, data);
    }
    byte[] prefixed;
    try {
      prefixed = OutputBuffers.write(target.id, target.writer, AvroData.forWriter(data));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(registry.describe(topic) + " (schema id " + target.id
          + ") does not match its schema: " + e.getMessage(), e);
    }
    byte[] framed = target.contract == null ? prefixed : encodingRules(RuleMode.WRITE, target.subject, topic,
        headers, target.contract, target.model, prefixed, Framing.HEADER_SIZE);
    return registry.frameOut(topic, headers, framed, target.id, 0);
  }

  private Target resolve(String topic, Schema schema, boolean specific) {
    RegistryAccess registry = registry();
    String subject = registry.subject(topic, AvroData.recordName(schema));
    RegistryAccess.WriterSchema writer = registry.writerSchema(topic, subject,
        SchemaDefinition.avro(schema.toString()),
        latest -> AvroData.cannotRead(parse(topic, latest), schema));
    Schema writeWith = writer.schema().text().equals(schema.toString()) ? schema : parse(topic, writer.schema());
    DatumWriter<Object> datumWriter = specific ? new SpecificDatumWriter<>(writeWith)
        : new GenericDatumWriter<>(writeWith);
    SchemaDefinition contract = writer.schema().hasRules() ? writer.schema() : null;
    Target target = new Target(writer.id(), datumWriter, subject, contract,
        contract == null ? null : new AvroModel(writeWith));
    targets.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(schema, target);
    return target;
  }

  private Schema parse(String topic, SchemaDefinition definition) {
    return AvroSchemaParser.parse(registry(), topic, definition, "Avro value for topic '" + topic + "'");
  }
}
