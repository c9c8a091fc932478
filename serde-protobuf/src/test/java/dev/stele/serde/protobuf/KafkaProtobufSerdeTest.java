package dev.stele.serde.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto.ExtensionRange;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Field;
import com.google.protobuf.Message;
import com.google.protobuf.SourceContext;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Type;
import dev.stele.client.SchemaDefinition;
import dev.stele.schema.SchemaReference;
import dev.stele.serde.SerdeConfig;
import dev.stele.serde.testing.SerdeRegistry;
import java.io.ByteArrayOutputStream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Protobuf serdes against a real server in-process, with protobuf-java's own generated
 * messages: Timestamp (no imports), Type (imports any.proto and source_context.proto) and a
 * nested message of descriptor.proto. Expected frames are built by hand from API.md §5.1.
 */
class KafkaProtobufSerdeTest {
  static final Timestamp TS = Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(5).build();
  static final Type TYPE = Type.newBuilder().setName("acme.Order")
      .addFields(Field.newBuilder().setName("id").setNumber(1).setKind(Field.Kind.TYPE_INT64))
      .setSourceContext(SourceContext.newBuilder().setFileName("order.proto")).build();

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  static <T extends Message> KafkaProtobufSerializer<T> serializer(Object... pairs) {
    KafkaProtobufSerializer<T> serializer = new KafkaProtobufSerializer<>();
    serializer.configure(REGISTRY.configs(pairs), false);
    return serializer;
  }

  static <T extends Message> KafkaProtobufDeserializer<T> deserializer(Object... pairs) {
    KafkaProtobufDeserializer<T> deserializer = new KafkaProtobufDeserializer<>();
    deserializer.configure(REGISTRY.configs(pairs), false);
    return deserializer;
  }

  static byte[] frame(int id, int[] indexes, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
    for (int b : indexes) {
      out.write(b);
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  @Test
  void aGeneratedMessageIsFramedWithIdIndexZeroAndItsBytes() throws Exception {
    byte[] bytes = serializer().serialize("ts", TS);
    int id = REGISTRY.client().getLatest("ts-value").id();
    assertThat(REGISTRY.client().getById(id).type()).isEqualTo("PROTOBUF");
    assertThat(bytes).containsExactly(frame(id, new int[] {0}, TS.toByteArray()));
  }

  @Test
  void importsAreRegisteredFirstAndReferenced() throws Exception {
    byte[] bytes = serializer().serialize("types", TYPE);
    SchemaDefinition main = REGISTRY.client().getLatest("types-value").schema();
    assertThat(main.references()).containsExactly(
        new SchemaReference("google/protobuf/any.proto", "google/protobuf/any.proto", 1),
        new SchemaReference("google/protobuf/source_context.proto", "google/protobuf/source_context.proto", 1));
    assertThat(bytes).containsExactly(
        frame(REGISTRY.client().getLatest("types-value").id(), new int[] {0}, TYPE.toByteArray()));
  }

  @Test
  void qualifiedReferenceSubjectsAreDotted() throws Exception {
    serializer(ProtobufSerdeConfig.REFERENCE_SUBJECT_NAME_STRATEGY,
        "io.confluent.kafka.serializers.subject.QualifiedReferenceSubjectNameStrategy").serialize("qualified", TYPE);
    assertThat(REGISTRY.client().getSubjects()).contains("google.protobuf.any", "google.protobuf.source_context");
  }

  @Test
  void laterAndNestedMessagesCarryTheirIndexPath() throws Exception {
    Field field = Field.newBuilder().setName("f").setNumber(3).build();
    byte[] second = serializer().serialize("fields", field);
    assertThat(second).containsExactly(frame(REGISTRY.client().getLatest("fields-value").id(), new int[] {2, 2},
        field.toByteArray()));
    ExtensionRange range = ExtensionRange.newBuilder().setStart(1).setEnd(9).build();
    byte[] nested = serializer().serialize("ranges", range);
    assertThat(nested).containsExactly(frame(REGISTRY.client().getLatest("ranges-value").id(), new int[] {4, 4, 0},
        range.toByteArray()));
  }

  @Test
  void inHeaderFramingTheMessageIndexesFollowTheGuidInTheHeader() {
    ExtensionRange range = ExtensionRange.newBuilder().setStart(2).setEnd(5).build();
    KafkaProtobufSerializer<ExtensionRange> serializer = serializer("value.schema.id.serializer",
        "io.confluent.kafka.serializers.schema.id.HeaderSchemaIdSerializer");
    org.apache.kafka.common.header.internals.RecordHeaders headers =
        new org.apache.kafka.common.header.internals.RecordHeaders();
    byte[] payload = serializer.serialize("header-ranges", headers, range);
    assertThat(payload).isEqualTo(range.toByteArray());
    byte[] framing = headers.lastHeader("__value_schema_id").value();
    // Magic byte 1, 16 bytes of GUID, then the index path of DescriptorProto.ExtensionRange.
    assertThat(framing).hasSize(1 + 16 + 3);
    assertThat(framing[0]).isEqualTo((byte) 1);
    assertThat(java.util.Arrays.copyOfRange(framing, 17, 20)).containsExactly(4, 4, 0);
    Message read = deserializer().deserialize("header-ranges", headers, payload);
    assertThat(read.getDescriptorForType().getFullName()).isEqualTo("google.protobuf.DescriptorProto.ExtensionRange");
    assertThat(read.toByteArray()).isEqualTo(range.toByteArray());
  }

  @Test
  void aDynamicMessageIsWrittenLikeTheGeneratedOne() {
    DynamicMessage dynamic = DynamicMessage.newBuilder(Timestamp.getDescriptor())
        .setField(Timestamp.getDescriptor().findFieldByName("seconds"), 1_700_000_000L)
        .setField(Timestamp.getDescriptor().findFieldByName("nanos"), 5).build();
    assertThat(serializer().serialize("dyn", dynamic)).containsExactly(serializer().serialize("dyn", TS));
  }

  @Test
  void readsBackAsDynamicMessageOrTheGeneratedClass() {
    byte[] bytes = serializer().serialize("back", TYPE);
    Message dynamic = deserializer().deserialize("back", bytes);
    assertThat(dynamic).isInstanceOf(DynamicMessage.class);
    assertThat(dynamic.getDescriptorForType().getFullName()).isEqualTo("google.protobuf.Type");
    assertThat(dynamic.toByteArray()).isEqualTo(TYPE.toByteArray());
    Type typed = KafkaProtobufSerdeTest.<Type>deserializer(ProtobufSerdeConfig.VALUE_TYPE, Type.class.getName())
        .deserialize("back", bytes);
    assertThat(typed).isEqualTo(TYPE);
    byte[] nested = serializer().serialize("nested-back", ExtensionRange.newBuilder().setStart(4).build());
    assertThat(deserializer().deserialize("nested-back", nested).getDescriptorForType().getFullName())
        .isEqualTo("google.protobuf.DescriptorProto.ExtensionRange");
  }

  @Test
  void withoutAutoRegisterTheSchemaIsLookedUp() {
    byte[] registered = serializer().serialize("lookup", TS);
    assertThat(serializer(SerdeConfig.AUTO_REGISTER_SCHEMAS, false).serialize("lookup", TS)).isEqualTo(registered);
    assertThatThrownBy(() -> serializer(SerdeConfig.AUTO_REGISTER_SCHEMAS, false).serialize("nowhere", TS))
        .isInstanceOf(SerializationException.class).hasMessageContaining("nowhere-value");
  }

  /**
   * The latest version is written with when it can read the serializer's own file (strict-ok: a
   * field added, so it reads every Timestamp written) or when the check is off (strict-off: the
   * seconds field changed kind).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"strict-ok, true, int64, string zone = 3;", "strict-off, false, string, ''"})
  void theLatestVersionIsWrittenWith(String topic, boolean strict, String secondsType, String extraField)
      throws Exception {
    int id = REGISTRY.client().register(topic + "-value",
        SchemaDefinition.of("PROTOBUF", timestampProto(secondsType, extraField)));
    assertThat(latestSerializer(strict).serialize(topic, TS))
        .containsExactly(frame(id, new int[] {0}, TS.toByteArray()));
  }

  @Test
  void theCheckResolvesImportsOnBothSides() throws Exception {
    // The latest's imports come from their subjects; the serializer's from its descriptors.
    byte[] registered = serializer().serialize("strict-imports", TYPE);
    assertThat(REGISTRY.client().getLatest("strict-imports-value").schema().references()).hasSize(2);
    KafkaProtobufSerializer<Type> latest = serializer(SerdeConfig.AUTO_REGISTER_SCHEMAS, false,
        SerdeConfig.USE_LATEST_VERSION, true);
    assertThat(latest.serialize("strict-imports", TYPE)).isEqualTo(registered);
  }

  @Test
  void anIncompatibleLatestVersionFailsNamingSubjectAndReason() throws Exception {
    REGISTRY.client().register("strict-bad-value", SchemaDefinition.of("PROTOBUF", timestampProto("string", "")));
    assertThatThrownBy(() -> latestSerializer(true).serialize("strict-bad", TS))
        .isInstanceOf(SerializationException.class).hasMessageContaining("subject 'strict-bad-value'")
        .hasMessageContaining("FIELD_SCALAR_KIND_CHANGED at /Timestamp/1");
  }

  /** google.protobuf.Timestamp as a registry would hold another revision of it. */
  static String timestampProto(String secondsType, String extraField) {
    return "syntax = \"proto3\";\npackage google.protobuf;\nmessage Timestamp {\n  " + secondsType
        + " seconds = 1;\n  int32 nanos = 2;\n  " + extraField + "\n}\n";
  }

  static KafkaProtobufSerializer<Timestamp> latestSerializer(boolean strict) {
    return serializer(SerdeConfig.AUTO_REGISTER_SCHEMAS, false, SerdeConfig.USE_LATEST_VERSION, true,
        SerdeConfig.LATEST_COMPATIBILITY_STRICT, strict);
  }

  @Test
  void badInputIsASerializationExceptionNamingTopicIdAndReason() throws Exception {
    byte[] good = serializer().serialize("bad", TS);
    int id = REGISTRY.client().getLatest("bad-value").id();
    KafkaProtobufDeserializer<Message> deserializer = deserializer();
    byte[] wrongMagic = good.clone();
    wrongMagic[0] = 3;
    assertThatThrownBy(() -> deserializer.deserialize("bad", wrongMagic))
        .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 3");
    assertThatThrownBy(() -> deserializer.deserialize("bad", new byte[] {0, 0, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
    assertThatThrownBy(() -> deserializer.deserialize("bad", frame(7777, new int[] {0}, new byte[0])))
        .isInstanceOf(SerializationException.class).hasMessageContaining("7777");
    assertThatThrownBy(() -> deserializer.deserialize("bad", frame(id, new int[] {2, 10}, new byte[0])))
        .isInstanceOf(SerializationException.class).hasMessageContaining("schema id " + id)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> deserializer.deserialize("bad", frame(id, new int[] {}, new byte[0])))
        .isInstanceOf(SerializationException.class).hasMessageContaining("end early");
    assertThatThrownBy(() -> deserializer.deserialize("bad", frame(id, new int[] {0}, new byte[] {8, (byte) 0xff})))
        .isInstanceOf(SerializationException.class).hasMessageContaining("schema id " + id)
        .hasMessageContaining("does not decode");
    int avro = REGISTRY.client().register("avro-value", SchemaDefinition.avro("\"string\""));
    assertThatThrownBy(() -> deserializer.deserialize("bad", frame(avro, new int[] {0}, new byte[0])))
        .isInstanceOf(SerializationException.class).hasMessageContaining("not PROTOBUF");
  }

  @Test
  void serdesUsedBeforeConfigureSaySo() {
    byte[] frame = frame(1, new int[] {0}, new byte[0]);
    assertThatThrownBy(() -> new KafkaProtobufDeserializer<Message>().deserialize("early", frame))
        .isInstanceOf(IllegalStateException.class).hasMessage("KafkaProtobufDeserializer used before configure()");
    assertThatThrownBy(() -> new KafkaProtobufSerializer<Timestamp>().serialize("early", TS))
        .isInstanceOf(IllegalStateException.class).hasMessage("KafkaProtobufSerializer used before configure()");
  }

  @Test
  void aGeneratedReaderRemembersIndexBytesButStillChecksEveryRecord() throws Exception {
    Field field = Field.newBuilder().setName("f").setNumber(3).build();
    byte[] good = serializer().serialize("remembered", field);
    int id = REGISTRY.client().getLatest("remembered-value").id();
    KafkaProtobufDeserializer<Field> reader =
        deserializer(ProtobufSerdeConfig.VALUE_TYPE, Field.class.getName());
    assertThat(reader.deserialize("remembered", good)).isEqualTo(field);
    // The second read of the same index bytes takes the remembered path and must agree.
    assertThat(reader.deserialize("remembered", good)).isEqualTo(field);
    assertThatThrownBy(() -> reader.deserialize("remembered", frame(id, new int[] {2, 40}, field.toByteArray())))
        .isInstanceOf(SerializationException.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> reader.deserialize("remembered", frame(id, new int[] {2, 2}, new byte[] {8, (byte) 0xff})))
        .isInstanceOf(SerializationException.class).hasMessageContaining("schema id " + id)
        .hasMessageContaining("[1]").hasMessageContaining("does not decode");
    assertThatThrownBy(() -> reader.deserialize("remembered", new byte[] {0, 0, 0, 0, (byte) id, 2}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("schema id " + id)
        .hasMessageContaining("impossible");
    assertThat(reader.deserialize("remembered", good)).isEqualTo(field);
  }
}
