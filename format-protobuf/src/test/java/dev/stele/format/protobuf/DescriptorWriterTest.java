package dev.stele.format.protobuf;

import static dev.stele.format.protobuf.ProtoFixtures.parse;
import static dev.stele.format.protobuf.ProtoFixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code format=serialized}: the base64 {@code FileDescriptorProto} Confluent 7.9 returned for
 * each schema of the recorded corpus, byte for byte (clients decode payloads with it).
 */
class DescriptorWriterTest {
  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("syntax = \"proto3\";\nmessage M {\n  string a = 1;\n}\n",
            "CgdkZWZhdWx0IgwKAU0SBwoBYRgBKAliBnByb3RvMw=="),
        Arguments.of("syntax = \"proto3\";\npackage p.q;\nmessage M {\n  string a = 1;\n}\n",
            "CgdkZWZhdWx0EgNwLnEiDAoBTRIHCgFhGAEoCWIGcHJvdG8z"),
        Arguments.of("syntax = \"proto3\";\nmessage A {\n  string a = 1;\n}\nmessage B {\n  A a = 1;\n}\n",
            "CgdkZWZhdWx0IgwKAUESBwoBYRgBKAkiDwoBQhIKCgFhGAEoCzIBQWIGcHJvdG8z"),
        Arguments.of("syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\nmessage T {\n"
                + "  google.protobuf.Timestamp ts = 1;\n}\n",
            "CgdkZWZhdWx0Gh9nb29nbGUvcHJvdG9idWYvdGltZXN0YW1wLnByb3RvIigKAVQSIwoCdHMYASgLMhlnb29nbGUucHJvdG9idWYuVGltZXN0YW1wYgZwcm90bzM="),
        Arguments.of("syntax = \"proto3\";\nenum E {\n  E_UNKNOWN = 0;\n  E_A = 1;\n}\nmessage M {\n  E e = 1;\n}\n",
            "CgdkZWZhdWx0Ig8KAU0SCgoBZRgBKA4yAUUqGwoBRRINCglFX1VOS05PV04QABIHCgNFX0EQAWIGcHJvdG8z"),
        Arguments.of("syntax = \"proto2\";\nmessage M {\n  optional string a = 1 [default = \"x\"];\n}\n",
            "CgdkZWZhdWx0IhEKAU0SDAoBYRgBIAEoCToBeGIGcHJvdG8y"),
        Arguments.of("message M {\n  optional string a = 1;\n}\n",
            "CgdkZWZhdWx0Ig4KAU0SCQoBYRgBIAEoCQ=="),
        Arguments.of("syntax = \"proto3\";\nmessage M {\n  map<string, int32> m = 1;\n  oneof o {\n"
                + "    string x = 2;\n    int32 y = 3;\n  }\n  reserved 5, 7 to 9;\n  reserved \"z\";\n}\n",
            "CgdkZWZhdWx0ImoKAU0SCwoBeBgCIAEoCUgAEgsKAXkYAyABKAVIABIPCgFtGAEgAzIGbUVudHJ5GiQKBm1FbnRyeRIJCgNrZXkYASgJEgsKBXZhbHVlGAIoBToCOAFCBQoBbxIASgQIBRAGSgQIBxAKUgF6YgZwcm90bzM="),
        Arguments.of("syntax = \"proto3\";\noption java_package = \"a.b\";\nmessage M {\n"
                + "  string a = 1 [deprecated = true, json_name = \"A\"];\n}\nservice S {\n"
                + "  rpc Get (M) returns (M);\n}\n",
            "CgdkZWZhdWx0IhMKAU0SDgoBYRgBKAlCAhgBUgFBMhQKAVMSDwoDR2V0EgFNGgFNKAAwAEIFCgNhLmJiBnByb3RvMw=="),
        Arguments.of("syntax = \"proto3\";\npackage a.b;\nmessage Outer {\n  message Inner {\n"
                + "    string x = 1;\n  }\n  Inner i = 1;\n  repeated Inner is = 2;\n  enum Kind {\n"
                + "    K0 = 0;\n  }\n  Kind k = 3;\n}\n",
            "CgdkZWZhdWx0EgNhLmIiWwoFT3V0ZXISDgoBaRgBKAsyBUlubmVyEhEKAmlzGAIgAygLMgVJbm5lchINCgFrGAMoDjIES2luZBoQCgVJbm5lchIHCgF4GAEoCSIOCgRLaW5kEgYKAkswEABiBnByb3RvMw=="),
        Arguments.of("syntax = \"proto3\";\nmessage M {\n  optional int32 a = 1;\n"
                + "  repeated string b = 2 [packed = false];\n  map<int32, M> c = 3;\n}\n",
            "CgdkZWZhdWx0ImQKAU0SDgoBYRgBIAEoBUgAiAEBEg0KAWIYAiADKAlCAhAAEg8KAWMYAyADMgZjRW50cnkaJwoGY0VudHJ5EgkKA2tleRgBKAUSDgoFdmFsdWUYAigLMgFNOgI4AUIGCgJfYRIAYgZwcm90bzM="),
        Arguments.of("syntax = \"proto2\";\nmessage M {\n  required int32 a = 1;\n"
                + "  optional string b = 2 [default = \"hi\"];\n  extensions 100 to 199;\n}\n"
                + "extend M {\n  optional int32 ext = 100;\n}\n",
            "CgdkZWZhdWx0IiYKAU0SCQoBYRgBIAIoBRINCgFiGAIgASgJOgJoaSoHCGQQyAEaADoOCgNleHQSAU0YZCABKAViBnByb3RvMg=="),
        Arguments.of("syntax = \"proto3\";\nenum E {\n  option allow_alias = true;\n  A = 0;\n  B = 0;\n"
                + "  reserved 5, 7 to 9;\n  reserved \"X\";\n}\n",
            "CgdkZWZhdWx0KiQKAUUSBQoBQRAAEgUKAUIQABoCEAEiBAgFEAUiBAgHEAkqAVhiBnByb3RvMw=="),
        Arguments.of("syntax = \"proto3\";\nimport \"google/protobuf/any.proto\";\n"
                + "import \"google/protobuf/wrappers.proto\";\nmessage M {\n  google.protobuf.Any a = 1;\n"
                + "  google.protobuf.StringValue s = 2;\n}\n",
            "CgdkZWZhdWx0Ghlnb29nbGUvcHJvdG9idWYvYW55LnByb3RvGh5nb29nbGUvcHJvdG9idWYvd3JhcHBlcnMucHJvdG8iRwoBTRIcCgFhGAEoCzITZ29vZ2xlLnByb3RvYnVmLkFueRIkCgFzGAIoCzIbZ29vZ2xlLnByb3RvYnVmLlN0cmluZ1ZhbHVlYgZwcm90bzM="),
        Arguments.of("syntax = \"proto3\";\noption go_package = \"x/y\";\noption java_multiple_files = true;\n"
                + "option optimize_for = SPEED;\nmessage M {\n  string a = 1 [deprecated = true];\n}\n"
                + "service S {\n  rpc A (stream M) returns (stream M);\n  rpc B (M) returns (M) {\n"
                + "    option deprecated = true;\n  }\n}\n",
            "CgdkZWZhdWx0IhAKAU0SCwoBYRgBKAlCAhgBMiYKAVMSDQoBQRIBTRoBTSgBMAESEgoBQhIBTRoBTSIDiAIBKAAwAEIJSAFQAVoDeC95YgZwcm90bzM="),
        Arguments.of("syntax = \"proto3\";\nmessage M {\n  .M self = 1;\n  oneof o {\n    string a = 2;\n"
                + "    M b = 3;\n  }\n}\n",
            "CgdkZWZhdWx0IjcKAU0SCwoBYRgCIAEoCUgAEg4KAWIYAyABKAsyAU1IABIOCgRzZWxmGAEoCzICLk1CBQoBbxIAYgZwcm90bzM="));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void serializesAsConfluentDoes(String text, String serialized) throws Exception {
    assertThat(parse(text).formatted("serialized")).isEqualTo(serialized);
  }

  @Test
  void referencedTypesKeepTheirWrittenName() throws Exception {
    ProtobufSchema holder = parse("syntax = \"proto3\";\nimport \"dep.proto\";\nmessage H {\n"
            + "  dep.D d = 1;\n}\n",
        ref("dep.proto", "dep", "syntax = \"proto3\";\npackage dep;\nmessage D {\n  int32 v = 1;\n}\n"));
    assertThat(holder.formatted("serialized"))
        .isEqualTo("CgdkZWZhdWx0GglkZXAucHJvdG8iEwoBSBIOCgFkGAEoCzIFZGVwLkRiBnByb3RvMw==");
  }

  /**
   * A descriptor sent in place of text reads back as the same schema. (Not always the same
   * bytes: a map entry read from a descriptor is a message of its own, as in Confluent, so its
   * field then carries the message kind. One more trip changes nothing.)
   */
  @ParameterizedTest
  @MethodSource("corpus")
  void descriptorRoundTrip(String text, String serialized) throws Exception {
    ProtobufSchema fromText = parse(text);
    ProtobufSchema fromDescriptor = parse(serialized);
    assertThat(fromDescriptor.name()).isEqualTo(fromText.name());
    String again = fromDescriptor.formatted("serialized");
    assertThat(parse(again).formatted("serialized")).isEqualTo(again);
    assertThat(parse(again).canonical()).isEqualTo(fromDescriptor.canonical());
    if (!text.contains("map<")) {
      assertThat(again).isEqualTo(serialized);
    }
  }

  @Test
  void confluentMetadataTravelsAsItsExtension() throws Exception {
    ProtobufSchema schema = parse("syntax = \"proto3\";\nimport \"confluent/meta.proto\";\n"
        + "message M {\n  string a = 1 [(confluent.field_meta) = { doc: \"d\", tags: [\"PII\"] }];\n}\n");
    FileDescriptorProto file =
        FileDescriptorProto.parseFrom(Base64.getDecoder().decode(schema.formatted("serialized")));
    assertThat(file.getDependencyList()).containsExactly("confluent/meta.proto");
    assertThat(file.getMessageType(0).getField(0).getOptions().getUnknownFields()
        .hasField(MetaOptions.EXTENSION_NUMBER)).isTrue();
    // And back: the descriptor prints the option again.
    assertThat(parse(schema.formatted("serialized")).canonical()).contains(
        "string a = 1 [(confluent.field_meta) = {\n    doc: \"d\",\n    tags: [\n      \"PII\"\n    ]\n  }];");
  }

  @Test
  void mapEntryNamesFollowConfluent() {
    assertThat(DescriptorWriter.mapEntryName("m")).isEqualTo("mEntry");
    assertThat(DescriptorWriter.mapEntryName("my_map")).isEqualTo("MyMapEntry");
    assertThat(DescriptorWriter.mapEntryName("my__MAP_")).isEqualTo("MyMapEntry");
  }
}
