package dev.stele.serde.rules.jsonata;

import static dev.stele.serde.rules.jsonata.JsonataMigrationTest.DOWNGRADE;
import static dev.stele.serde.rules.jsonata.JsonataMigrationTest.UPGRADE;
import static dev.stele.serde.rules.jsonata.JsonataMigrationTest.major;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.SourceContext;
import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.protobuf.KafkaProtobufDeserializer;
import dev.stele.serde.protobuf.KafkaProtobufSerializer;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same migration rules as {@link JsonataMigrationTest}, on Protobuf records: version 2 moves
 * {@code ssn} (field 2) to {@code social} (field 3), so without the rules a reader of version 2
 * would see the value as an unknown field and {@code social} empty. The rules see the record in
 * Protobuf's JSON mapping, as Confluent's serdes give it to them.
 */
class ProtobufMigrationTest {
  static final String V1 = "syntax = \"proto3\";\npackage school;\n\nmessage Student {\n  string name = 1;\n"
      + "  string ssn = 2;\n}\n";
  static final String V2 = "syntax = \"proto3\";\npackage school;\n\nmessage Student {\n  string name = 1;\n"
      + "  string social = 3;\n}\n";
  /**
   * Version 2 of google.protobuf.SourceContext (a generated class protobuf-java ships, with no
   * special JSON mapping) changes the file name by a rule, read into the generated class.
   */
  static final String TS = "syntax = \"proto3\";\npackage google.protobuf;\n\nmessage SourceContext {\n"
      + "  string file_name = 1;\n}\n";

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  @BeforeAll
  static void register() throws Exception {
    REGISTRY.client().setCompatibility("pmig-value", "NONE");
    REGISTRY.client().register("pmig-value", SchemaDefinition.of("PROTOBUF", V1).withContract(major(1), null));
    REGISTRY.client().register("pmig-value", SchemaDefinition.of("PROTOBUF", V2).withContract(major(2),
        new RuleSet(List.of(
            Rule.of("toSocial", RuleKind.TRANSFORM, RuleMode.UPGRADE, "JSONATA", UPGRADE),
            Rule.of("toSsn", RuleKind.TRANSFORM, RuleMode.DOWNGRADE, "JSONATA", DOWNGRADE)), List.of(), List.of())));
    REGISTRY.client().setCompatibility("ts-value", "NONE");
    REGISTRY.client().register("ts-value", SchemaDefinition.of("PROTOBUF", TS).withContract(major(1), null));
    REGISTRY.client().register("ts-value", SchemaDefinition.of("PROTOBUF", TS + "\n").withContract(major(2),
        new RuleSet(List.of(Rule.of("later", RuleKind.TRANSFORM, RuleMode.UPGRADE, "JSONATA",
            "$merge([$, {'fileName': $.fileName & '.v2'}])")), List.of(), List.of())));
  }

  static Descriptor student(String field, int number) throws Exception {
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("student.proto").setPackage("school")
        .setSyntax("proto3").addMessageType(DescriptorProto.newBuilder().setName("Student")
            .addField(FieldDescriptorProto.newBuilder().setName("name").setNumber(1)
                .setType(FieldDescriptorProto.Type.TYPE_STRING))
            .addField(FieldDescriptorProto.newBuilder().setName(field).setNumber(number)
                .setType(FieldDescriptorProto.Type.TYPE_STRING)))
        .build();
    return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Student");
  }

  static DynamicMessage record(Descriptor type, String field, String value) {
    return DynamicMessage.newBuilder(type).setField(type.findFieldByName("name"), "Ann")
        .setField(type.findFieldByName(field), value).build();
  }

  static byte[] write(String topic, Message record, Object... pairs) {
    KafkaProtobufSerializer<Message> serializer = new KafkaProtobufSerializer<>();
    serializer.configure(REGISTRY.configs(pairs), false);
    return serializer.serialize(topic, record);
  }

  static Message read(String topic, byte[] bytes, Object... pairs) {
    KafkaProtobufDeserializer<Message> deserializer = new KafkaProtobufDeserializer<>();
    deserializer.configure(REGISTRY.configs(pairs), false);
    return deserializer.deserialize(topic, bytes);
  }

  static Object field(Message message, String name) {
    return message.getField(message.getDescriptorForType().findFieldByName(name));
  }

  @Test
  void aVersionOneRecordIsUpgradedForAReaderOfTheLatest() throws Exception {
    byte[] v1 = write("pmig", record(student("ssn", 2), "ssn", "123"), "auto.register.schemas", false,
        "use.latest.with.metadata", "major=1");

    Message upgraded = read("pmig", v1, "use.latest.version", true);

    assertThat(upgraded.getDescriptorForType().findFieldByName("ssn")).isNull();
    assertThat(field(upgraded, "social")).isEqualTo("123");
    assertThat(field(upgraded, "name")).isEqualTo("Ann");
    assertThat(field(read("pmig", v1), "ssn")).as("without a target, read as written").isEqualTo("123");
  }

  @Test
  void aVersionTwoRecordIsDowngradedForAReaderPinnedToMajorOne() throws Exception {
    byte[] v2 = write("pmig", record(student("social", 3), "social", "456"), "auto.register.schemas", false,
        "use.latest.version", true, "latest.compatibility.strict", false);

    Message downgraded = read("pmig", v2, "use.latest.with.metadata", "major=1");

    assertThat(field(downgraded, "ssn")).isEqualTo("456");
    assertThat(downgraded.getDescriptorForType().findFieldByName("social")).isNull();
  }

  @Test
  void aGeneratedClassReceivesTheMigratedRecord() {
    SourceContext written = SourceContext.newBuilder().setFileName("a.proto").build();
    byte[] v1 = write("ts", written, "auto.register.schemas", false, "use.latest.with.metadata", "major=1");

    Message read = read("ts", v1, "use.latest.version", true, "specific.protobuf.value.type",
        SourceContext.class.getName());

    assertThat(read).isInstanceOf(SourceContext.class);
    assertThat(((SourceContext) read).getFileName()).isEqualTo("a.proto.v2");
    assertThat(((SourceContext) read("ts", v1, "specific.protobuf.value.type", SourceContext.class.getName()))
        .getFileName()).as("without a target, read as written").isEqualTo("a.proto");
  }

  @Test
  void aMigrationLeavingAFieldTheTargetLacksFailsTheRecord() throws Exception {
    REGISTRY.client().setCompatibility("pleft-value", "NONE");
    REGISTRY.client().register("pleft-value", SchemaDefinition.of("PROTOBUF", V1).withContract(major(1), null));
    REGISTRY.client().register("pleft-value", SchemaDefinition.of("PROTOBUF", V2).withContract(major(2),
        new RuleSet(List.of(Rule.of("keeps", RuleKind.TRANSFORM, RuleMode.UPGRADE, "JSONATA", "$")), List.of(),
            List.of())));
    byte[] v1 = write("pleft", record(student("ssn", 2), "ssn", "1"), "auto.register.schemas", false,
        "use.latest.with.metadata", "major=1");

    assertThatThrownBy(() -> read("pleft", v1, "use.latest.version", true))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot migrate the record to schema id")
        .hasMessageContaining("ssn");
  }
}
