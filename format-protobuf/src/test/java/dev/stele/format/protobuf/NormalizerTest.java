package dev.stele.format.protobuf;

import static dev.stele.format.protobuf.ProtoFixtures.parse;
import static dev.stele.format.protobuf.ProtoFixtures.proto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.SchemaSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code normalize=true}: one text for schemas that differ only in spelling or order. */
class NormalizerTest {
  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("spacing (the corpus case)",
            "syntax = \"proto3\";\n\n\nmessage   M { string a = 1; }\n",
            proto("syntax = \"proto3\";", "", "message M {", "  string a = 1;", "}")),
        Arguments.of("imports sorted, duplicates once",
            proto("syntax = \"proto3\";", "import \"google/protobuf/timestamp.proto\";",
                "import \"google/protobuf/any.proto\";", "import \"google/protobuf/any.proto\";",
                "message M {", "  google.protobuf.Any a = 1;", "}"),
            proto("syntax = \"proto3\";", "", "import \"google/protobuf/any.proto\";",
                "import \"google/protobuf/timestamp.proto\";", "", "message M {",
                "  .google.protobuf.Any a = 1;", "}")),
        Arguments.of("options by name",
            proto("syntax = \"proto3\";", "option java_package = \"x\";",
                "option go_package = \"y\";", "message M {", "  string a = 1;", "}"),
            proto("syntax = \"proto3\";", "", "option go_package = \"y\";",
                "option java_package = \"x\";", "", "message M {", "  string a = 1;", "}")),
        Arguments.of("fields by number, type names absolute, message order kept",
            proto("syntax = \"proto3\";", "package p;", "message M {", "  B b = 2;",
                "  string a = 1;", "  message B {", "    int32 x = 1;", "  }", "}",
                "message A {", "  M.B b = 1;", "}"),
            proto("syntax = \"proto3\";", "package p;", "", "message M {", "  string a = 1;",
                "  .p.M.B b = 2;", "", "  message B {", "    int32 x = 1;", "  }", "}",
                "message A {", "  .p.M.B b = 1;", "}")),
        Arguments.of("map entry messages fold into map fields",
            proto("syntax = \"proto3\";", "message M {", "  repeated .M.MEntry m = 1;",
                "  message MEntry {", "    option map_entry = true;", "    string key = 1;",
                "    M value = 2;", "  }", "}"),
            proto("syntax = \"proto3\";", "", "message M {", "  map<string, .M> m = 1;", "}")),
        Arguments.of("oneofs by first number, members by number",
            proto("syntax = \"proto3\";", "message M {", "  oneof z {", "    int32 d = 4;",
                "    int32 c = 3;", "  }", "  oneof y {", "    int32 b = 2;", "  }", "}"),
            proto("syntax = \"proto3\";", "", "message M {", "  oneof y {", "    int32 b = 2;",
                "  }", "  oneof z {", "    int32 c = 3;", "    int32 d = 4;", "  }", "}")),
        Arguments.of("reserved one per statement, by number, names last",
            proto("syntax = \"proto3\";", "message M {", "  reserved 9, 2 to 4, \"x\";",
                "  string a = 1;", "}"),
            proto("syntax = \"proto3\";", "", "message M {", "  reserved 2 to 4;", "  reserved 9;",
                "  reserved \"x\";", "", "  string a = 1;", "}")),
        Arguments.of("enum constants by number, then name",
            proto("syntax = \"proto3\";", "enum E {", "  option allow_alias = true;", "  C = 1;",
                "  B = 0;", "  A = 0;", "}"),
            proto("syntax = \"proto3\";", "", "enum E {", "  option allow_alias = true;",
                "  A = 0;", "  B = 0;", "  C = 1;", "}")),
        Arguments.of("default and json_name sort with the other options",
            proto("syntax = \"proto2\";", "message M {",
                "  optional string a = 1 [json_name = \"A\", default = \"x\", deprecated = true];",
                "}"),
            proto("syntax = \"proto2\";", "", "message M {", "  optional string a = 1 [",
                "    default = \"x\",", "    deprecated = true,", "    json_name = \"A\"", "  ];",
                "}")),
        Arguments.of("aggregate option keys sorted",
            proto("syntax = \"proto3\";", "message M {",
                "  string a = 1 [(confluent.field_meta) = { tags: [\"T\"], doc: \"d\" }];", "}"),
            proto("syntax = \"proto3\";", "", "message M {",
                "  string a = 1 [(confluent.field_meta) = {", "    doc: \"d\",", "    tags: [",
                "      \"T\"", "    ]", "  }];", "}")),
        Arguments.of("rpc types absolute",
            proto("syntax = \"proto3\";", "package p;", "message M {", "  string a = 1;", "}",
                "service S {", "  rpc Get (M) returns (p.M);", "}"),
            proto("syntax = \"proto3\";", "package p;", "", "message M {", "  string a = 1;", "}",
                "", "service S {", "  rpc Get (.p.M) returns (.p.M);", "}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void normalizesAsConfluentDoes(String rule, String submitted, String normalized)
      throws Exception {
    ProtobufSchema schema = parse(submitted).normalize();
    assertThat(schema.canonical()).isEqualTo(normalized);
    // Normalizing is idempotent.
    assertThat(parse(normalized).normalize().canonical()).isEqualTo(normalized);
  }

  @Test
  void twoSpellingsOfOneSchemaAgree() throws Exception {
    String one = proto("syntax = \"proto3\";", "package p;", "option java_package = \"j\";",
        "option go_package = \"g\";", "message M {", "  N n = 2;", "  int32 a = 1;", "}",
        "message N {", "  int32 x = 1;", "}");
    String other = proto("syntax = \"proto3\";", "package p;", "option go_package = \"g\";",
        "option java_package = \"j\";", "message M {", "  int32 a = 1;", "  .p.N n = 2;", "}",
        "message N { int32 x = 1; }");
    assertThat(parse(one).canonical()).isNotEqualTo(parse(other).canonical());
    assertThat(parse(one).normalize()).isEqualTo(parse(other).normalize());
  }

  @Test
  void anUnknownTypeCannotBeNormalized() throws Exception {
    ProtobufSchema lenient = ProtoFixtures.FORMAT.parse(new SchemaSource(
        proto("syntax = \"proto3\";", "message M {", "  Missing a = 1;", "}"), List.of(), false));
    assertThatThrownBy(lenient::normalize)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Could not resolve type: Missing");
  }
}
