package dev.stele.serde.avro;

import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.ConfigValues;
import dev.stele.serde.avro.internal.AvroKeys;
import dev.stele.serde.avro.internal.AvroSchemaParser;
import dev.stele.serde.internal.Framing;
import dev.stele.serde.internal.RegistrySerde;
import java.nio.ByteBuffer;
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

  private record Reader(Schema writer, DatumReader<Object> reader) {}

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
    connect(configs, isKey);
    readers.clear();
  }

  @Override
  public Object deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    registry(); // an IllegalStateException when used before configure()
    int id = Framing.readId(topic, data);
    Reader reader = readers.get(id);
    if (reader == null) {
      reader = resolve(topic, id);
    }
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, Framing.HEADER_SIZE,
          data.length - Framing.HEADER_SIZE, DECODERS.get());
      DECODERS.set(decoder);
      return plain(reader.reader.read(null, decoder));
    } catch (Exception | StackOverflowError e) {
      // Avro reports malformed input as EOF, AvroRuntimeException, index or cast errors alike.
      throw new SerializationException(describe(topic) + " (schema id " + id + "): the " + (data.length - 5)
          + " payload bytes do not decode as Avro under the writer schema " + reader.writer.getFullName()
          + ": " + e, e);
    }
  }

  @Override
  public Object deserialize(String topic, org.apache.kafka.common.header.Headers headers, byte[] data) {
    return deserialize(topic, data);
  }

  @Override
  public Object deserialize(String topic, org.apache.kafka.common.header.Headers headers, ByteBuffer data) {
    if (data == null) {
      return null;
    }
    byte[] bytes = new byte[data.remaining()];
    data.duplicate().get(bytes);
    return deserialize(topic, bytes);
  }

  private Reader resolve(String topic, int id) {
    Schema writer = AvroSchemaParser.parse(registry(), topic, registry().schemaById(topic, id),
        describe(topic) + " (schema id " + id + ")");
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
    Reader reader = new Reader(writer, datumReader);
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
