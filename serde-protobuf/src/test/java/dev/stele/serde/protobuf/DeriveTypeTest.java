package dev.stele.serde.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto.ExtensionRange;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.stele.serde.testing.SerdeRegistry;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code derive.type}: without a configured class, the deserializer reads into the generated class
 * the writer's schema names, through the real serdes and a real server.
 */
class DeriveTypeTest {
  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  static final Timestamp TS = Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(9).build();

  @Test
  void aMultipleFilesMessageIsReadIntoItsGeneratedClassOnlyWithDeriveType() {
    byte[] bytes = serializer().serialize("stamps", TS);
    assertThat(deserializer(false).deserialize("stamps", bytes)).isInstanceOf(DynamicMessage.class);
    Message derived = deserializer(true).deserialize("stamps", bytes);
    assertThat(derived).isInstanceOf(Timestamp.class).isEqualTo(TS);
  }

  @Test
  void aNestedMessageOfAnOuterClassIsFoundInsideIt() {
    // descriptor.proto: java_outer_classname DescriptorProtos, one file, so
    // DescriptorProtos$DescriptorProto$ExtensionRange.
    ExtensionRange range = ExtensionRange.newBuilder().setStart(3).setEnd(8).build();
    byte[] bytes = serializer().serialize("ranges", range);
    assertThat(deserializer(true).deserialize("ranges", bytes)).isInstanceOf(ExtensionRange.class).isEqualTo(range);
  }

  @Test
  void aSchemaThatNamesNoClassOrAMissingOneFailsSayingWhy() {
    FileDescriptor plain = ProtobufImportKeysTest.file("acme/plain.proto", "Plain", null, null);
    byte[] bytes = serializer().serialize("plain", message(plain, "Plain"));
    assertThatThrownBy(() -> deserializer(true).deserialize("plain", bytes))
        .isInstanceOf(SerializationException.class).hasMessageContaining("topic 'plain'")
        .hasMessageContaining("neither java_outer_classname nor java_multiple_files");

    FileDescriptor named = withOptions(plain, FileOptions.newBuilder().setJavaMultipleFiles(true)
        .setJavaPackage("acme.generated").build());
    byte[] missing = serializer().serialize("missing", message(named, "Plain"));
    assertThatThrownBy(() -> deserializer(true).deserialize("missing", missing))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("the class acme.generated.Plain generated for acme.Plain is not on the class path");
    // Without derive.type the same record reads as a DynamicMessage.
    assertThat(deserializer(false).deserialize("missing", missing)).isInstanceOf(DynamicMessage.class);
  }

  @Test
  void aConfiguredClassWinsOverDerivation() {
    // An ExtensionRange's two small ints parse as a Timestamp's seconds and nanos: the configured class decides.
    byte[] bytes = serializer().serialize("configured", ExtensionRange.newBuilder().setStart(3).setEnd(8).build());
    KafkaProtobufDeserializer<Message> reader = REGISTRY.deserializer(new KafkaProtobufDeserializer<>(),
        ProtobufSerdeConfig.DERIVE_TYPE, true, ProtobufSerdeConfig.VALUE_TYPE, Timestamp.class.getName());
    assertThat(reader.deserialize("configured", bytes))
        .isEqualTo(Timestamp.newBuilder().setSeconds(3).setNanos(8).build());
  }

  private static KafkaProtobufSerializer<Message> serializer() {
    return REGISTRY.serializer(new KafkaProtobufSerializer<>());
  }

  private static KafkaProtobufDeserializer<Message> deserializer(boolean derive) {
    return REGISTRY.deserializer(new KafkaProtobufDeserializer<>(), ProtobufSerdeConfig.DERIVE_TYPE, derive);
  }

  private static Message message(FileDescriptor file, String name) {
    Descriptor type = file.findMessageTypeByName(name);
    return DynamicMessage.newBuilder(type).setField(type.findFieldByName("day"), 5L).build();
  }

  private static FileDescriptor withOptions(FileDescriptor file, FileOptions options) {
    try {
      return FileDescriptor.buildFrom(file.toProto().toBuilder().setOptions(options).build(), new FileDescriptor[0]);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
