package dev.stele.serde.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.type.Date;
import com.google.type.DateProto;
import dev.stele.schema.SchemaReference;
import dev.stele.serde.SerdeConfig;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code skip.known.types} and {@code reference.lookup.only}: which imports a serializer registers
 * and references, through the real serdes and a real server. The files are built here as
 * descriptors, the way protoc's output reaches a serializer.
 */
class ProtobufImportKeysTest {
  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  /** acme/meeting.proto: message Meeting { google.type.Date day = 1; } */
  static final Descriptor MEETING = file("acme/meeting.proto", "Meeting", "google/type/date.proto",
      ".google.type.Date", DateProto.getDescriptor()).findMessageTypeByName("Meeting");

  static final FileDescriptor LEAF = file("acme/leaf.proto", "Leaf", null, null);
  static final Descriptor ROOT = file("acme/root.proto", "Root", "acme/leaf.proto", ".acme.Leaf", LEAF)
      .findMessageTypeByName("Root");

  static KafkaProtobufSerializer<Message> writer(Object... pairs) {
    return REGISTRY.serializer(new KafkaProtobufSerializer<>(), pairs);
  }

  static KafkaProtobufDeserializer<Message> reader() {
    return REGISTRY.deserializer(new KafkaProtobufDeserializer<>());
  }

  static Message meeting() {
    Date day = Date.newBuilder().setYear(2026).setMonth(12).setDay(7).build();
    return DynamicMessage.newBuilder(MEETING).setField(MEETING.findFieldByName("day"), day).build();
  }

  static Message root() {
    Descriptor leaf = LEAF.findMessageTypeByName("Leaf");
    DynamicMessage value = DynamicMessage.newBuilder(leaf).setField(leaf.findFieldByName("day"), 3L).build();
    return DynamicMessage.newBuilder(ROOT).setField(ROOT.findFieldByName("day"), value).build();
  }

  @Test
  void knownImportsAreLeftOutByDefaultAndTheReaderStillBuildsThem() throws Exception {
    Message meeting = meeting();
    List<String> before = REGISTRY.client().getSubjects();
    byte[] bytes = writer().serialize("meetings", meeting);
    assertThat(REGISTRY.client().getLatest("meetings-value").schema().references()).isEmpty();
    assertThat(REGISTRY.client().getSubjects()).containsExactlyInAnyOrderElementsOf(
        Stream.concat(before.stream(), Stream.of("meetings-value")).toList());
    // google/type/date.proto is not protobuf-java's: the reader builds it from the registry's built-in.
    Message read = reader().deserialize("meetings", bytes);
    assertThat(read.toByteArray()).isEqualTo(meeting.toByteArray());
    assertThat(read.getDescriptorForType().findFieldByName("day").getMessageType().getFullName())
        .isEqualTo("google.type.Date");
  }

  @Test
  void withSkipKnownTypesFalseKnownImportsAreRegisteredAndReferenced() throws Exception {
    Message meeting = meeting();
    byte[] bytes = writer(ProtobufSerdeConfig.SKIP_KNOWN_TYPES, false)
        .serialize("meetings-referenced", meeting);
    assertThat(REGISTRY.client().getLatest("meetings-referenced-value").schema().references())
        .containsExactly(new SchemaReference("google/type/date.proto", "google/type/date.proto", 1));
    assertThat(reader().deserialize("meetings-referenced", bytes).toByteArray())
        .isEqualTo(meeting.toByteArray());
  }

  @Test
  void withReferenceLookupOnlyImportsAreNeverRegistered() throws Exception {
    Message root = root();
    var lookupOnly = writer(ProtobufSerdeConfig.REFERENCE_LOOKUP_ONLY, true);
    assertThatThrownBy(() -> lookupOnly.serialize("roots", root)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("the imported schema 'acme/leaf.proto'");
    assertThat(REGISTRY.client().getSubjects()).doesNotContain("acme/leaf.proto", "roots-value");

    // Off (the default), the import is registered first, then the schema.
    writer().serialize("roots-registered", root);
    assertThat(REGISTRY.client().getSubjects()).contains("acme/leaf.proto", "roots-registered-value");

    // On, an import the registry holds is found and referenced; the schema itself is still registered.
    byte[] bytes = writer(ProtobufSerdeConfig.REFERENCE_LOOKUP_ONLY, true,
        SerdeConfig.AUTO_REGISTER_SCHEMAS, true).serialize("roots", root);
    assertThat(REGISTRY.client().getLatest("roots-value").schema().references())
        .containsExactly(new SchemaReference("acme/leaf.proto", "acme/leaf.proto", 1));
    assertThat(REGISTRY.client().getVersions("acme/leaf.proto")).containsExactly(1);
    assertThat(reader().deserialize("roots", bytes).toByteArray())
        .isEqualTo(root.toByteArray());
  }

  /** A proto3 file with one message whose field {@code day} is of {@code fieldType} (an int64 when null). */
  static FileDescriptor file(String name, String message, String dependency, String fieldType,
      FileDescriptor... dependencies) {
    FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder().setName("day").setNumber(1)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
    if (fieldType == null) {
      field.setType(FieldDescriptorProto.Type.TYPE_INT64);
    } else {
      field.setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(fieldType);
    }
    FileDescriptorProto.Builder proto = FileDescriptorProto.newBuilder().setName(name).setPackage("acme")
        .setSyntax("proto3").addMessageType(DescriptorProto.newBuilder().setName(message).addField(field));
    if (dependency != null) {
      proto.addDependency(dependency);
    }
    try {
      return FileDescriptor.buildFrom(proto.build(), dependencies);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
