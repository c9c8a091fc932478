package dev.stele.serde.protobuf;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import dev.stele.client.RuleMode;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.ConfigValues;
import dev.stele.format.protobuf.ProtobufFormat;
import dev.stele.schema.SchemaReference;
import dev.stele.serde.SerdeConfig;
import dev.stele.serde.internal.Framing;
import dev.stele.serde.internal.LatestCheck;
import dev.stele.serde.internal.RegistryAccess;
import dev.stele.serde.internal.RegistrySerde;
import dev.stele.serde.protobuf.internal.MessageIndexes;
import dev.stele.serde.protobuf.internal.ProtoFiles;
import dev.stele.serde.protobuf.internal.ProtobufModel;
import dev.stele.serde.protobuf.internal.ProtobufKeys;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Protobuf messages (generated classes or {@code DynamicMessage}) in the Confluent wire
 * format: magic 0, the 4-byte big-endian schema id, the message-index array, the protobuf
 * binary (API.md §5.1). The message's .proto file is registered with each import registered
 * first and referenced. A drop-in for
 * {@code io.confluent.kafka.serializers.protobuf.KafkaProtobufSerializer}.
 */
public class KafkaProtobufSerializer<T extends Message> extends RegistrySerde implements Serializer<T> {
  private ProtoFiles files;
  private LatestCheck latestCheck;
  /** topic → message type → id and index bytes. Descriptors compare by identity; each type has one. */
  private final ConcurrentHashMap<String, ConcurrentHashMap<Descriptor, Target>> targets = new ConcurrentHashMap<>();

  /**
   * The last target used, checked before the maps: a producer usually writes one type to one
   * topic, and one volatile read with two identity compares is cheaper than two hash look-ups.
   * Lock-free; a race only means a thread looks in the maps.
   */
  private volatile Target last;

  /** {@code contract} is null when the schema written with has no rules to run. */
  private record Target(String topic, Descriptor type, int id, byte[] indexes, String subject,
      SchemaDefinition contract) {}

  private static final ProtobufModel MODEL = new ProtobufModel();

  public KafkaProtobufSerializer() {
    this(null);
  }

  public KafkaProtobufSerializer(SchemaRegistryClient client) {
    super(client, "Protobuf", ProtobufKeys.TABLE);
  }

  public KafkaProtobufSerializer(SchemaRegistryClient client, Map<String, ?> configs) {
    this(client);
    configure(configs, false);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    String strategy = new ConfigValues(configs).string(ProtobufSerdeConfig.REFERENCE_SUBJECT_NAME_STRATEGY, null);
    RegistryAccess registry = connect(configs, isKey);
    this.files = new ProtoFiles(registry, ProtobufSerdeConfig.referenceStrategy(strategy));
    this.latestCheck = new LatestCheck(registry, new ProtobufFormat());
    targets.clear();
    last = null;
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
    Descriptor type = data.getDescriptorForType();
    Target target = last;
    if (target == null || target.type != type || !Objects.equals(target.topic, topic)) {
      ConcurrentHashMap<Descriptor, Target> byTopic = targets.get(topic);
      target = byTopic == null ? null : byTopic.get(type);
      if (target == null) {
        target = resolve(topic, type);
      }
      last = target;
    }
    Message message = data;
    if (target.contract != null) {
      // A transform answers a new message (protobuf's are immutable); it is what is written.
      message = (Message) rules().domain(RuleMode.WRITE, target.subject, topic, headers, target.contract, MODEL, data);
    }
    int size = message.getSerializedSize();
    byte[] out = new byte[Framing.HEADER_SIZE + target.indexes.length + size];
    Framing.writeHeader(out, target.id);
    System.arraycopy(target.indexes, 0, out, Framing.HEADER_SIZE, target.indexes.length);
    try {
      CodedOutputStream coded = CodedOutputStream.newInstance(out, Framing.HEADER_SIZE + target.indexes.length, size);
      message.writeTo(coded);
      coded.checkNoSpaceLeft();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(describe(topic) + " (schema id " + target.id + "): cannot write the "
          + type.getFullName() + " message: " + e.getMessage(), e);
    }
    // Encoding rules see the message's bytes; the header and the message indexes stay in the clear.
    byte[] encoded = target.contract == null ? out : encodingRules(RuleMode.WRITE, target.subject, topic, headers,
        target.contract, MODEL, out, Framing.HEADER_SIZE + target.indexes.length);
    return registry().frameOut(topic, headers, encoded, target.id, target.indexes.length);
  }

  private Target resolve(String topic, Descriptor type) {
    RegistryAccess registry = registry();
    String subject = registry.subject(topic, type.getFullName());
    FileDescriptor file = type.getFile();
    SchemaDefinition schema = null;
    SerdeConfig config = registry.config();
    // Registering wins over a fixed id and the latest version (Confluent's order); without either, look up.
    if (config.autoRegister() || config.useSchemaId() < 0 && !config.useLatestVersion()) {
      List<SchemaReference> references = files.references(topic, file);
      schema = ProtoFiles.definition(file, references);
    }
    // latest.compatibility.strict: the server's diff of the latest (reader) against this message's
    // own file (writer), imports included, built from the descriptors without asking the registry.
    RegistryAccess.WriterSchema writer = registry.writerSchema(topic, subject, schema,
        latest -> latestCheck.problem(topic, latest, ProtoFiles.text(file), ProtoFiles.imports(file)));
    // The index path must name the message in the schema the id stands for, which for a fixed id
    // or the latest version may be another revision of the file.
    Descriptor inWriter = schema != null ? type : findNested(files.byId(topic, writer.id()), type);
    Target target = new Target(topic, type, writer.id(), MessageIndexes.encode(MessageIndexes.of(inWriter)), subject,
        writer.schema().hasRules() ? writer.schema() : null);
    targets.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(type, target);
    return target;
  }

  private Descriptor findNested(FileDescriptor writerFile, Descriptor type) {
    for (Descriptor top : writerFile.getMessageTypes()) {
      Descriptor found = find(top, type.getFullName());
      if (found != null) {
        return found;
      }
    }
    throw new SerializationException("Protobuf " + (registry().isKey() ? "key" : "value") + ": the registry's schema "
        + writerFile.getName() + " has no message " + type.getFullName());
  }

  private static Descriptor find(Descriptor candidate, String fullName) {
    if (candidate.getFullName().equals(fullName)) {
      return candidate;
    }
    for (Descriptor nested : candidate.getNestedTypes()) {
      Descriptor found = find(nested, fullName);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
