package dev.stele.serde.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.serde.internal.Framing;
import dev.stele.serde.internal.RegistryAccess;
import dev.stele.serde.protobuf.internal.MessageIndexes;
import dev.stele.serde.protobuf.internal.ProtoFiles;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent Protobuf wire format (API.md §5.1) into the generated class named by
 * {@code specific.protobuf.value.type} / {@code specific.protobuf.key.type} (or given to the
 * constructor), else into a {@code DynamicMessage} of the type the message indexes name in the
 * writer's schema. A drop-in for
 * {@code io.confluent.kafka.serializers.protobuf.KafkaProtobufDeserializer}.
 */
public class KafkaProtobufDeserializer<T extends Message> implements Deserializer<T> {
  private final SchemaRegistryClient givenClient;
  private Class<?> type;
  private Parser<?> parser;
  private RegistryAccess registry;
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
    this.givenClient = client;
    this.type = type;
    if (configs != null) {
      configure(configs, false);
    }
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Object configured = configs.get(isKey ? ProtobufSerdeConfig.KEY_TYPE : ProtobufSerdeConfig.VALUE_TYPE);
    if (configured instanceof Class<?> cls) {
      type = cls;
    } else if (configured != null && !configured.toString().isBlank()) {
      try {
        type = Class.forName(configured.toString().trim(), true, Thread.currentThread().getContextClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("no class " + configured + " on the class path", e);
      }
    }
    parser = type == null ? null : parserOf(type);
    registry = RegistryAccess.configure(configs, isKey, givenClient, "Protobuf");
    files = new ProtoFiles(registry, name -> name);
    writers.clear();
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
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (registry == null) {
      throw new IllegalStateException("KafkaProtobufDeserializer used before configure()");
    }
    int id = Framing.readId(topic, data);
    // The writer's schema is fetched even for a generated class: an id the registry does not
    // know, or indexes naming no message, mean the data is not what it claims to be.
    Writer writer = writer(topic, id);
    Descriptor descriptor;
    int start;
    List<Integer> path = FIRST;
    if (data.length > Framing.HEADER_SIZE && data[Framing.HEADER_SIZE] == 0 && writer.first != null) {
      // The common case, the file's first message, without decoding or allocating anything.
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
    try {
      if (parser != null) {
        return (T) parser.parseFrom(data, start, data.length - start);
      }
      return (T) DynamicMessage.newBuilder(descriptor).mergeFrom(data, start, data.length - start).build();
    } catch (Exception e) {
      throw new SerializationException(describe(topic) + " (schema id " + id + ", message indexes "
          + path + "): the payload does not decode: " + e.getMessage(), e);
    }
  }

  private static final List<Integer> FIRST = List.of(0);

  /** A writer's file and its first message, the one most payloads name. */
  private record Writer(FileDescriptor file, Descriptor first) {}

  private Writer writer(String topic, int id) {
    Writer writer = writers.get(id);
    if (writer == null) {
      FileDescriptor file = files.byId(topic, id);
      writer = new Writer(file, file.getMessageTypes().isEmpty() ? null : file.getMessageTypes().get(0));
      writers.put(id, writer);
    }
    return writer;
  }

  private String describe(String topic) {
    return "Protobuf " + (registry.isKey() ? "key" : "value") + " for topic '" + topic + "'";
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
