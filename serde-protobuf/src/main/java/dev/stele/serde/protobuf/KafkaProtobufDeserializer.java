package dev.stele.serde.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.stele.client.RegisteredSchema;
import dev.stele.client.RuleMode;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.serde.internal.Framing;
import dev.stele.serde.internal.RegistryAccess;
import dev.stele.serde.internal.TypedDeserializer;
import dev.stele.serde.protobuf.internal.MessageIndexes;
import dev.stele.serde.protobuf.internal.ProtoFiles;
import dev.stele.serde.protobuf.internal.ProtobufModel;
import dev.stele.serde.rules.internal.Migrations;
import dev.stele.serde.rules.internal.RuleEngine;
import dev.stele.serde.protobuf.internal.ProtobufKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;

/**
 * Reads the Confluent Protobuf wire format (API.md §5.1) into the generated class named by
 * {@code specific.protobuf.value.type} / {@code specific.protobuf.key.type} (or given to the
 * constructor), else into a {@code DynamicMessage} of the type the message indexes name in the
 * writer's schema. A drop-in for
 * {@code io.confluent.kafka.serializers.protobuf.KafkaProtobufDeserializer}.
 */
public class KafkaProtobufDeserializer<T extends Message> extends TypedDeserializer<T> {
  private Parser<?> parser;
  private ProtoFiles files;
  private final ConcurrentHashMap<Integer, Writer> writers = new ConcurrentHashMap<>();

  public KafkaProtobufDeserializer() {
    this(null, null, null);
  }

  public KafkaProtobufDeserializer(SchemaRegistryClient client) {
    this(client, null, null);
  }

  /** Parses values into {@code type} (null: DynamicMessage). */
  public KafkaProtobufDeserializer(SchemaRegistryClient client, Map<String, ?> configs, Class<T> type) {
    super(client, type, "Protobuf", ProtobufKeys.TABLE, ProtobufSerdeConfig.KEY_TYPE, ProtobufSerdeConfig.VALUE_TYPE);
    if (configs != null) {
      configure(configs, false);
    }
  }

  @Override
  protected void configured(Map<String, ?> configs) {
    parser = type() == null ? null : parserOf(type());
    files = new ProtoFiles(registry(), name -> name);
    writers.clear();
    migrationBlocked.clear();
    migrating = registry().config().useLatestVersion() || !registry().config().latestWithMetadata().isEmpty();
    last = null;
    lastKnown = null;
  }

  private static Parser<?> parserOf(Class<?> type) {
    try {
      return (Parser<?>) type.getMethod("parser").invoke(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(type.getName() + " is not a generated Protobuf message class", e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, Headers headers, byte[] framed) {
    if (framed == null) {
      return null;
    }
    byte[] data = registry().inPrefixForm(topic, headers, framed);
    int id = Framing.readId(topic, data);
    // The writer's schema is fetched even for a generated class: an id the registry does not
    // know, or indexes naming no message, mean the data is not what it claims to be.
    Writer writer = writer(topic, id);
    byte[] received = data;
    if (RuleEngine.hasEncodingRules(writer.contract)) {
      data = decoded(topic, headers, writer, data);
    }
    Parser<?> generated = parser;
    Known known = lastKnown;
    if (generated != null && known != null && known.id == id && startsWith(data, known.indexes)) {
      // The common case: a generated class and the same message indexes as last time, matched
      // as bytes (index encodings are self-delimiting, so a byte match is a decode match)
      // without decoding or allocating. Kept small; everything else is in decode.
      int start = Framing.HEADER_SIZE + known.indexes.length;
      T value;
      try {
        value = (T) generated.parseFrom(data, start, data.length - start);
      } catch (Exception e) {
        throw undecodable(topic, id, known.path, e);
      }
      return finish(topic, headers, writer, value, received);
    }
    return finish(topic, headers, writer, decode(topic, data, id, writer), received);
  }

  /** The record with the writer schema's encoding rules run on the message's bytes, after the indexes. */
  private byte[] decoded(String topic, Headers headers, Writer writer, byte[] data) {
    MessageIndexes.Read indexes;
    Descriptor type;
    try {
      indexes = MessageIndexes.decode(data, Framing.HEADER_SIZE);
      type = MessageIndexes.resolve(writer.file, indexes.indexes());
    } catch (IllegalArgumentException e) {
      throw new SerializationException(describe(topic) + " (schema id " + writer.id + "): " + e.getMessage(), e);
    }
    return encodingRules(RuleMode.READ, registry().subject(topic, type.getFullName()), topic, headers,
        writer.contract, MODEL, data, indexes.next());
  }

  private T finish(String topic, Headers headers, Writer writer, T value, byte[] data) {
    if (writer.contract == null && !migrating) {
      return value;
    }
    return read(topic, headers, writer, value, data);
  }

  /**
   * Migration rules are not run for Protobuf yet: with {@code use.latest.version} or
   * {@code use.latest.with.metadata}, a record whose way to the target version has some fails
   * rather than being handed over unmigrated.
   */
  private void refuseMigration(String topic, String subject, int id) {
    if (!migrating) {
      return;
    }
    RegistryAccess registry = registry();
    RegisteredSchema target = registry.readerTarget(topic, subject);
    if (target == null || target.id() == id) {
      return;
    }
    Boolean blocked = migrationBlocked.get(List.of(id, target.id()));
    if (blocked == null) {
      RegisteredSchema writer = registry.versionOf(topic, subject, registry.schemaById(topic, id));
      blocked = !Migrations.plan(registry, topic, subject, writer, target).isEmpty();
      migrationBlocked.put(List.of(id, target.id()), blocked);
    }
    if (blocked) {
      throw new SerializationException(describe(topic) + " (schema id " + id + "): migration rules lie between"
          + " this record's version and schema id " + target.id() + ", and Stele's Protobuf deserializer does not"
          + " run migration rules yet");
    }
  }

  /** The writer schema's READ rules; a transform answers a new message of the same type. */
  @SuppressWarnings("unchecked")
  private T read(String topic, Headers headers, Writer writer, T value, byte[] data) {
    String subject = registry().subject(topic, value.getDescriptorForType().getFullName());
    refuseMigration(topic, subject, writer.id);
    if (writer.contract == null) {
      return value;
    }
    return (T) rules().domain(RuleMode.READ, subject, topic, headers, writer.contract, MODEL, value, data);
  }

  private static boolean startsWith(byte[] data, byte[] indexes) {
    int end = Framing.HEADER_SIZE + indexes.length;
    return data.length >= end && Arrays.equals(data, Framing.HEADER_SIZE, end, indexes, 0, indexes.length);
  }

  /** Message-index bytes last seen with a schema id, and the path they decode to. */
  private record Known(int id, byte[] indexes, List<Integer> path) {}

  /** The last index bytes decoded; lock-free, a race only means a thread decodes again. */
  private volatile Known lastKnown;

  @SuppressWarnings("unchecked")
  private T decode(String topic, byte[] data, int id, Writer writer) {
    Descriptor descriptor;
    int start;
    List<Integer> path = FIRST;
    if (data.length > Framing.HEADER_SIZE && data[Framing.HEADER_SIZE] == 0 && writer.first != null) {
      // The file's first message, without decoding or allocating anything.
      descriptor = writer.first;
      start = Framing.HEADER_SIZE + 1;
    } else {
      try {
        MessageIndexes.Read indexes = MessageIndexes.decode(data, Framing.HEADER_SIZE);
        path = indexes.indexes();
        descriptor = MessageIndexes.resolve(writer.file, path);
        start = indexes.next();
      } catch (IllegalArgumentException e) {
        throw new SerializationException(describe(topic) + " (schema id " + id + "): " + e.getMessage(), e);
      }
    }
    if (parser != null) {
      lastKnown = new Known(id, Arrays.copyOfRange(data, Framing.HEADER_SIZE, start), path);
    }
    try {
      if (parser != null) {
        return (T) parser.parseFrom(data, start, data.length - start);
      }
      return (T) DynamicMessage.newBuilder(descriptor).mergeFrom(data, start, data.length - start).build();
    } catch (Exception e) {
      throw undecodable(topic, id, path, e);
    }
  }

  private SerializationException undecodable(String topic, int id, List<Integer> path, Exception e) {
    return new SerializationException(describe(topic) + " (schema id " + id + ", message indexes "
        + path + "): the payload does not decode: " + e.getMessage(), e);
  }

  private static final List<Integer> FIRST = List.of(0);

  /** A writer's file and its first message, the one most payloads name. */
  private record Writer(int id, FileDescriptor file, Descriptor first, SchemaDefinition contract) {}

  private static final ProtobufModel MODEL = new ProtobufModel();
  /** (writer id, target id) → whether migration rules lie between; only when migrating. */
  private final ConcurrentHashMap<List<Integer>, Boolean> migrationBlocked = new ConcurrentHashMap<>();
  private boolean migrating;

  /**
   * The last writer used, checked before the map: consecutive records mostly share a schema id,
   * and one volatile read skips boxing the id and a hash look-up. Lock-free; a race only means
   * a thread looks in the map.
   */
  private volatile Writer last;

  private Writer writer(String topic, int id) {
    Writer writer = last;
    if (writer != null && writer.id == id) {
      return writer;
    }
    writer = writers.get(id);
    if (writer == null) {
      FileDescriptor file = files.byId(topic, id);
      SchemaDefinition schema = registry().schemaById(topic, id);
      writer = new Writer(id, file, file.getMessageTypes().isEmpty() ? null : file.getMessageTypes().get(0),
          schema.hasRules() ? schema : null);
      writers.put(id, writer);
    }
    last = writer;
    return writer;
  }
}
