package dev.stele.format.protobuf;

import static dev.stele.format.protobuf.ProtoFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The canonical text: what Confluent 7.9 returned for each submitted schema in the recorded
 * corpus (reg-proto, reg-proto-valid, proto-descriptors), byte for byte.
 */
class ProtoPrinterTest {
  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("spacing collapses",
            "syntax = \"proto3\";\n\n\nmessage   M { string a = 1; }\n",
            "syntax = \"proto3\";\n\nmessage M {\n  string a = 1;\n}\n"),
        Arguments.of("package right after syntax",
            "syntax = \"proto3\";\npackage p.q;\nmessage M {\n  string a = 1;\n}\n",
            "syntax = \"proto3\";\npackage p.q;\n\nmessage M {\n  string a = 1;\n}\n"),
        Arguments.of("messages not separated",
            "syntax = \"proto3\";\nmessage A {\n  string a = 1;\n}\nmessage B {\n  A a = 1;\n}\n",
            "syntax = \"proto3\";\n\nmessage A {\n  string a = 1;\n}\nmessage B {\n  A a = 1;\n}\n"),
        Arguments.of("imports in their own block",
            "syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\nmessage T {\n"
                + "  google.protobuf.Timestamp ts = 1;\n}\n",
            "syntax = \"proto3\";\n\nimport \"google/protobuf/timestamp.proto\";\n\nmessage T {\n"
                + "  google.protobuf.Timestamp ts = 1;\n}\n"),
        Arguments.of("messages before enums",
            "syntax = \"proto3\";\nenum E {\n  E_UNKNOWN = 0;\n  E_A = 1;\n}\nmessage M {\n"
                + "  E e = 1;\n}\n",
            "syntax = \"proto3\";\n\nmessage M {\n  E e = 1;\n}\nenum E {\n  E_UNKNOWN = 0;\n"
                + "  E_A = 1;\n}\n"),
        Arguments.of("proto2 default",
            "syntax = \"proto2\";\nmessage M {\n  optional string a = 1 [default = \"x\"];\n}\n",
            "syntax = \"proto2\";\n\nmessage M {\n  optional string a = 1 [default = \"x\"];\n}\n"),
        Arguments.of("no syntax",
            "message M {\n  optional string a = 1;\n}\n",
            "\nmessage M {\n  optional string a = 1;\n}\n"),
        Arguments.of("reserved, map, oneof",
            "syntax = \"proto3\";\nmessage M {\n  map<string, int32> m = 1;\n  oneof o {\n"
                + "    string x = 2;\n    int32 y = 3;\n  }\n  reserved 5, 7 to 9;\n"
                + "  reserved \"z\";\n}\n",
            "syntax = \"proto3\";\n\nmessage M {\n  reserved 5, 7 to 9;\n  reserved \"z\";\n\n"
                + "  map<string, int32> m = 1;\n\n  oneof o {\n    string x = 2;\n"
                + "    int32 y = 3;\n  }\n}\n"),
        Arguments.of("options and a service",
            "syntax = \"proto3\";\noption java_package = \"a.b\";\nmessage M {\n"
                + "  string a = 1 [deprecated = true, json_name = \"A\"];\n}\nservice S {\n"
                + "  rpc Get (M) returns (M);\n}\n",
            "syntax = \"proto3\";\n\noption java_package = \"a.b\";\n\nmessage M {\n"
                + "  string a = 1 [\n    deprecated = true,\n    json_name = \"A\"\n  ];\n}\n\n"
                + "service S {\n  rpc Get (M) returns (M);\n}\n"),
        Arguments.of("nested types after fields",
            "syntax = \"proto3\";\npackage a.b;\nmessage Outer {\n  message Inner {\n"
                + "    string x = 1;\n  }\n  Inner i = 1;\n  repeated Inner is = 2;\n"
                + "  enum Kind {\n    K0 = 0;\n  }\n  Kind k = 3;\n}\n",
            "syntax = \"proto3\";\npackage a.b;\n\nmessage Outer {\n  Inner i = 1;\n"
                + "  repeated Inner is = 2;\n  Kind k = 3;\n\n  message Inner {\n"
                + "    string x = 1;\n  }\n  enum Kind {\n    K0 = 0;\n  }\n}\n"),
        Arguments.of("proto3 optional, packed, map to message",
            "syntax = \"proto3\";\nmessage M {\n  optional int32 a = 1;\n"
                + "  repeated string b = 2 [packed = false];\n  map<int32, M> c = 3;\n}\n",
            "syntax = \"proto3\";\n\nmessage M {\n  optional int32 a = 1;\n"
                + "  repeated string b = 2 [packed = false];\n  map<int32, M> c = 3;\n}\n"),
        Arguments.of("extensions and extend",
            "syntax = \"proto2\";\nmessage M {\n  required int32 a = 1;\n"
                + "  optional string b = 2 [default = \"hi\"];\n  extensions 100 to 199;\n}\n"
                + "extend M {\n  optional int32 ext = 100;\n}\n",
            "syntax = \"proto2\";\n\nmessage M {\n  required int32 a = 1;\n"
                + "  optional string b = 2 [default = \"hi\"];\n\n  extensions 100 to 199;\n}\n\n"
                + "extend M {\n  optional int32 ext = 100;\n}\n"),
        Arguments.of("enum reserved before options",
            "syntax = \"proto3\";\nenum E {\n  option allow_alias = true;\n  A = 0;\n  B = 0;\n"
                + "  reserved 5, 7 to 9;\n  reserved \"X\";\n}\n",
            "syntax = \"proto3\";\n\nenum E {\n  reserved 5, 7 to 9;\n  reserved \"X\";\n"
                + "  option allow_alias = true;\n  A = 0;\n  B = 0;\n}\n"),
        Arguments.of("file options, streaming rpcs, rpc options",
            "syntax = \"proto3\";\noption go_package = \"x/y\";\noption java_multiple_files = true;\n"
                + "option optimize_for = SPEED;\nmessage M {\n  string a = 1 [deprecated = true];\n"
                + "}\nservice S {\n  rpc A (stream M) returns (stream M);\n"
                + "  rpc B (M) returns (M) {\n    option deprecated = true;\n  }\n}\n",
            "syntax = \"proto3\";\n\noption go_package = \"x/y\";\noption java_multiple_files = true;\n"
                + "option optimize_for = SPEED;\n\nmessage M {\n  string a = 1 [deprecated = true];\n"
                + "}\n\nservice S {\n  rpc A (stream M) returns (stream M);\n"
                + "  rpc B (M) returns (M) {\n    option deprecated = true;\n  };\n}\n"),
        Arguments.of("absolute type names kept",
            "syntax = \"proto3\";\nmessage M {\n  .M self = 1;\n  oneof o {\n    string a = 2;\n"
                + "    M b = 3;\n  }\n}\n",
            "syntax = \"proto3\";\n\nmessage M {\n  .M self = 1;\n\n  oneof o {\n"
                + "    string a = 2;\n    M b = 3;\n  }\n}\n"),
        Arguments.of("Confluent metadata options spread over lines",
            "syntax = \"proto3\";\npackage p.q;\nmessage M {\n"
                + "  option (confluent.message_meta) = { tags: [\"R\"] };\n"
                + "  string a = 1 [(confluent.field_meta) = { tags: [\"PII\"] }];\n}\n",
            "syntax = \"proto3\";\npackage p.q;\n\nmessage M {\n"
                + "  option (confluent.message_meta) = {\n    tags: [\n      \"R\"\n    ]\n  };\n\n"
                + "  string a = 1 [(confluent.field_meta) = {\n    tags: [\n      \"PII\"\n    ]\n"
                + "  }];\n}\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void printsConfluentsCanonicalText(String name, String submitted, String canonical)
      throws Exception {
    assertThat(parse(submitted).canonical()).isEqualTo(canonical);
    // The canonical text is a fixed point: parsing it again prints it again.
    assertThat(parse(canonical).canonical()).isEqualTo(canonical);
  }

  static Stream<Arguments> withoutExtensions() {
    return Stream.of(
        Arguments.of("extension ranges and extend blocks dropped",
            "syntax = \"proto2\";\nmessage M {\n  required int32 a = 1;\n"
                + "  optional string b = 2 [default = \"hi\"];\n  extensions 100 to 199;\n}\n"
                + "extend M {\n  optional int32 ext = 100;\n}\n",
            "syntax = \"proto2\";\n\nmessage M {\n  required int32 a = 1;\n"
                + "  optional string b = 2 [default = \"hi\"];\n}\n"),
        Arguments.of("custom options dropped, Confluent's kept",
            "syntax = \"proto3\";\nmessage M {\n  option (my.opt) = 1;\n"
                + "  string a = 1 [(my.field) = true, (confluent.field_meta).doc = \"d\"];\n}\n",
            "syntax = \"proto3\";\n\nmessage M {\n  string a = 1 [(confluent.field_meta).doc = \"d\"];\n"
                + "}\n"),
        Arguments.of("nothing to drop",
            "syntax = \"proto3\";\nmessage M {\n  .M self = 1;\n}\n",
            "syntax = \"proto3\";\n\nmessage M {\n  .M self = 1;\n}\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withoutExtensions")
  void ignoreExtensionsFormat(String name, String submitted, String expected) throws Exception {
    assertThat(parse(submitted).formatted("ignore_extensions")).isEqualTo(expected);
  }

  static Stream<String> oddShapes() {
    return Stream.of(
        "syntax = \"proto2\";\nmessage M {\n  optional bytes b = 1 [default = \"a\\001bc\"];\n"
            + "  optional float f = 2 [default = inf];\n  optional E e = 3 [default = NEG];\n}\n"
            + "enum E { NEG = -1; ZERO = 0; }\n",
        "syntax = \"proto2\";\nmessage M {\n  reserved 10 to max;\n  extensions 1000 to max;\n"
            + "  optional group Result = 4 {\n    required string url = 5;\n  }\n"
            + "  extend M { optional int32 inner = 1001; }\n}\n",
        "syntax = \"proto3\";\nimport public \"google/protobuf/any.proto\";\n"
            + "import weak \"google/protobuf/empty.proto\";\n"
            + "option (foo) = { a: [ { b: 1 }, { b: 2 } ], c: \"q\\\"\\n\" };\n"
            + "message M {\n  oneof o {\n    option (oo) = 1;\n    string s = 6;\n  }\n}\n",
        "syntax = \"proto3\";\nservice S {\n  option deprecated = true;\n"
            + "  rpc A (stream M) returns (stream .M) {\n"
            + "    option idempotency_level = NO_SIDE_EFFECTS;\n  }\n}\nmessage M {}\n");
  }

  /** Whatever was accepted prints as text that parses again: stored schemas must reload. */
  @ParameterizedTest
  @MethodSource("oddShapes")
  void canonicalTextParsesAgain(String submitted) throws Exception {
    String canonical = parse(submitted).canonical();
    assertThat(parse(canonical).canonical()).isEqualTo(canonical);
    String normalized = parse(submitted).normalize().canonical();
    assertThat(parse(normalized).normalize().canonical()).isEqualTo(normalized);
  }
}
