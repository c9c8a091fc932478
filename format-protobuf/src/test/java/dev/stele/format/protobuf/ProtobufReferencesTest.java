package dev.stele.format.protobuf;

import static dev.stele.format.protobuf.ProtoFixtures.parse;
import static dev.stele.format.protobuf.ProtoFixtures.proto;
import static dev.stele.format.protobuf.ProtoFixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.TimestampProto;
import dev.stele.schema.SchemaReference;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Imports: through references, and the built-in well-known and Confluent files. */
class ProtobufReferencesTest {
  static Stream<String> builtIns() {
    return Stream.of("google/protobuf/any.proto:google.protobuf.Any",
        "google/protobuf/api.proto:google.protobuf.Api",
        "google/protobuf/descriptor.proto:google.protobuf.FileDescriptorProto",
        "google/protobuf/duration.proto:google.protobuf.Duration",
        "google/protobuf/empty.proto:google.protobuf.Empty",
        "google/protobuf/field_mask.proto:google.protobuf.FieldMask",
        "google/protobuf/source_context.proto:google.protobuf.SourceContext",
        "google/protobuf/struct.proto:google.protobuf.Struct",
        "google/protobuf/timestamp.proto:google.protobuf.Timestamp",
        "google/protobuf/type.proto:google.protobuf.Type",
        "google/protobuf/wrappers.proto:google.protobuf.Int64Value",
        "confluent/meta.proto:confluent.Meta",
        "confluent/type/decimal.proto:confluent.type.Decimal",
        "google/type/date.proto:google.type.Date",
        "google/type/datetime.proto:google.type.TimeZone",
        "google/type/money.proto:google.type.Money",
        "google/type/phone_number.proto:google.type.PhoneNumber.ShortCode",
        "google/type/postal_address.proto:google.type.PostalAddress");
  }

  @ParameterizedTest
  @MethodSource("builtIns")
  void builtInFilesNeedNoReference(String pathAndType) throws Exception {
    String[] parts = pathAndType.split(":");
    ProtobufSchema schema = parse(proto("syntax = \"proto3\";", "import \"" + parts[0] + "\";",
        "message M {", "  " + parts[1] + " x = 1;", "}"));
    FileDescriptorProto file = FileDescriptorProto.parseFrom(
        Base64.getDecoder().decode(schema.formatted("serialized")));
    assertThat(file.getDependencyList()).containsExactly(parts[0]);
    assertThat(file.getMessageType(0).getField(0).getType())
        .isEqualTo(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_MESSAGE);
  }

  @Test
  void aReferenceProvidesTheImportedFile() throws Exception {
    ProtobufSchema holder = holderOfDep("dep.proto");
    assertThat(holder.canonical()).isEqualTo(proto("syntax = \"proto3\";", "",
        "import \"dep.proto\";", "", "message H {", "  dep.D d = 1;", "}"));
    assertThat(holder.references())
        .containsExactly(new SchemaReference("dep.proto", "refs-proto.dep", 1));
  }

  /** Confluent resolves types from every reference, whatever the import says (refs-proto #4). */
  @Test
  void typesResolveThroughAReferenceOfAnotherName() throws Exception {
    ProtobufSchema holder = holderOfDep("other.proto");
    // The import names no known file, so the descriptor lists no dependency; the type still
    // resolves, so the field still says it holds a message.
    FileDescriptorProto file = FileDescriptorProto.parseFrom(
        Base64.getDecoder().decode(holder.formatted("serialized")));
    assertThat(file.getDependencyCount()).isZero();
    assertThat(file.getMessageType(0).getField(0).getType())
        .isEqualTo(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_MESSAGE);
  }

  /**
   * What Confluent's serializers do (API.md §9): register {@code google/protobuf/timestamp.proto}
   * as a subject of its own, as a base64 descriptor, then a schema that references it, also as a
   * descriptor.
   */
  @Test
  void wellKnownTypeRegisteredAsAReferenceSubject() throws Exception {
    FileDescriptor timestamp = TimestampProto.getDescriptor();
    ProtobufSchema wkt = parse(base64(timestamp.toProto()));
    assertThat(wkt.name()).isEqualTo("google.protobuf.Timestamp");
    assertThat(wkt.canonical()).startsWith(proto("syntax = \"proto3\";", "package google.protobuf;",
        "", "option java_package = \"com.google.protobuf\";"));

    FileDescriptorProto main = FileDescriptorProto.newBuilder().setName("event.proto")
        .setSyntax("proto3").setPackage("shop").addDependency("google/protobuf/timestamp.proto")
        .addMessageType(com.google.protobuf.DescriptorProtos.DescriptorProto.newBuilder()
            .setName("Event")
            .addField(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.newBuilder()
                .setName("at").setNumber(1).setJsonName("at")
                .setLabel(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label.LABEL_OPTIONAL)
                .setType(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_MESSAGE)
                .setTypeName(".google.protobuf.Timestamp")))
        .build();
    ProtobufSchema event = parse(base64(main),
        ref("google/protobuf/timestamp.proto", "google/protobuf/timestamp.proto", wkt.canonical()));
    assertThat(event.name()).isEqualTo("shop.Event");
    assertThat(event.canonical()).isEqualTo(proto("syntax = \"proto3\";", "package shop;", "",
        "import \"google/protobuf/timestamp.proto\";", "", "message Event {",
        "  .google.protobuf.Timestamp at = 1 [json_name = \"at\"];", "}"));
    // The stored text parses again to the same schema, as a later lookup does.
    assertThat(parse(event.canonical(), ref("google/protobuf/timestamp.proto",
        "google/protobuf/timestamp.proto", wkt.canonical()))).isEqualTo(event);
  }

  /** Message H importing dep.proto for its dep.D, with package dep given as a reference named so. */
  private static ProtobufSchema holderOfDep(String referenceName) throws Exception {
    return parse(
        proto("syntax = \"proto3\";", "import \"dep.proto\";", "message H {", "  dep.D d = 1;", "}"),
        ref(referenceName, "refs-proto.dep", proto("syntax = \"proto3\";", "package dep;",
            "message D {", "  int32 v = 1;", "}")));
  }

  private static String base64(FileDescriptorProto file) {
    return Base64.getEncoder().encodeToString(file.toByteArray());
  }
}
