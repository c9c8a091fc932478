package dev.stele.serde.rules.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.stele.client.Metadata;
import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.protobuf.KafkaProtobufDeserializer;
import dev.stele.serde.protobuf.KafkaProtobufSerializer;
import dev.stele.serde.protobuf.internal.ProtoFiles;
import dev.stele.serde.rules.RuleFailedException;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CEL and CEL_FIELD rules on Protobuf messages, dynamic and generated, through the real serdes and server. */
class CelProtobufTest {
  static final Descriptor STUDENT = student();

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  static Descriptor student() {
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("school/student.proto").setPackage("school")
        .setSyntax("proto3").addMessageType(DescriptorProto.newBuilder().setName("Student")
            .addField(field("name", 1, FieldDescriptorProto.Type.TYPE_STRING))
            .addField(field("class", 2, FieldDescriptorProto.Type.TYPE_INT32))
            .addField(field("ssn", 3, FieldDescriptorProto.Type.TYPE_STRING)))
        .build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Student");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).build();
  }

  static DynamicMessage student(String name, int klass, String ssn) {
    return DynamicMessage.newBuilder(STUDENT).setField(STUDENT.findFieldByName("name"), name)
        .setField(STUDENT.findFieldByName("class"), klass).setField(STUDENT.findFieldByName("ssn"), ssn).build();
  }

  static void register(String subject, FileDescriptor file, Metadata metadata, Rule... rules) throws Exception {
    REGISTRY.client().register(subject, new SchemaDefinition(SchemaDefinition.PROTOBUF, ProtoFiles.text(file),
        List.of(), metadata, RuleSet.domain(List.of(rules))));
  }

  static <T extends Message> KafkaProtobufSerializer<T> serializer() {
    KafkaProtobufSerializer<T> serializer = new KafkaProtobufSerializer<>();
    serializer.configure(REGISTRY.configs("auto.register.schemas", false, "use.latest.version", true), false);
    return serializer;
  }

  static Message read(String topic, byte[] bytes) {
    KafkaProtobufDeserializer<Message> deserializer = new KafkaProtobufDeserializer<>();
    deserializer.configure(REGISTRY.configs(), false);
    return deserializer.deserialize(topic, bytes);
  }

  @Test
  void aConditionRefusesABadDynamicMessageAndPassesAGoodOne() throws Exception {
    register("pstudents-value", STUDENT.getFile(), null,
        Rule.of("checkClass", RuleKind.CONDITION, RuleMode.WRITE, "CEL", "message.class > 0"));
    KafkaProtobufSerializer<DynamicMessage> serializer = serializer();
    assertThat(serializer.serialize("pstudents", student("Ann", 1, "1"))).isNotNull();
    assertThatThrownBy(() -> serializer.serialize("pstudents", student("Bob", 0, "1")))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: checkClass")
        .cause().hasMessage("Expr failed: 'message.class > 0'");
  }

  @Test
  void aFieldTransformMasksTheMetadataTaggedFieldAndTheReaderSeesIt() throws Exception {
    register("pmasked-value", STUDENT.getFile(),
        new Metadata(Map.of("school.Student.ssn", Set.of("PII")), Map.of(), Set.of()),
        Rule.of("mask", RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD", "'XXX-XX-' + value.substring(7)")
            .withTags(Set.of("PII")));
    DynamicMessage original = student("Ann", 3, "123-45-6789");
    byte[] bytes = serializer().serialize("pmasked", original);
    Message read = read("pmasked", bytes);
    assertThat(read.getField(read.getDescriptorForType().findFieldByName("ssn"))).isEqualTo("XXX-XX-6789");
    assertThat(read.getField(read.getDescriptorForType().findFieldByName("name"))).isEqualTo("Ann");
    assertThat(original.getField(STUDENT.findFieldByName("ssn"))).as("messages are immutable")
        .isEqualTo("123-45-6789");
  }

  @Test
  void aGeneratedMessageIsCheckedAndRewrittenToo() throws Exception {
    register("ptime-value", Timestamp.getDescriptor().getFile(), null,
        Rule.of("positive", RuleKind.CONDITION, RuleMode.WRITE, "CEL", "message.seconds >= 0"),
        Rule.of("noNanos", RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD", "name == 'nanos' ; 0"));
    KafkaProtobufSerializer<Timestamp> serializer = serializer();
    byte[] bytes = serializer.serialize("ptime", Timestamp.newBuilder().setSeconds(5).setNanos(7).build());
    KafkaProtobufDeserializer<Timestamp> deserializer = new KafkaProtobufDeserializer<>(null,
        REGISTRY.configs(), Timestamp.class);
    assertThat(deserializer.deserialize("ptime", bytes)).isEqualTo(Timestamp.newBuilder().setSeconds(5).build());
    assertThatThrownBy(() -> serializer.serialize("ptime", Timestamp.newBuilder().setSeconds(-1).build()))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: positive");
  }
}
