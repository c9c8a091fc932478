package dev.stele.format.protobuf;

import static dev.stele.format.protobuf.ProtoFixtures.parse;
import static dev.stele.format.protobuf.ProtoFixtures.proto;
import static dev.stele.format.protobuf.ProtoFixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.schema.SchemaFormats;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProtobufSchemaTest {
  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of(proto("syntax = \"proto3\";", "message M { int32 a = 1; }"), "M"),
        Arguments.of(proto("syntax = \"proto3\";", "package p.q;", "enum E { A = 0; }",
            "message M { int32 a = 1; }", "message N { int32 a = 1; }"), "p.q.M"),
        Arguments.of(proto("syntax = \"proto3\";", "package p;", "enum E { A = 0; }"), "p.E"),
        Arguments.of(proto("syntax = \"proto3\";", "package p;"), null));
  }

  @ParameterizedTest
  @MethodSource("names")
  void nameIsTheFirstMessage(String text, String name) throws Exception {
    assertThat(parse(text).name()).isEqualTo(name);
  }

  @Test
  void foundByServiceLoader() {
    assertThat(SchemaFormats.load().find("PROTOBUF")).get().isInstanceOf(ProtobufFormat.class);
  }

  @Test
  void formatsByName() throws Exception {
    ProtobufSchema schema = parse(proto("syntax = \"proto3\";", "message M { int32 a = 1; }"));
    assertThat(schema.formatted(null)).isEqualTo(schema.canonical());
    assertThat(schema.formatted("default")).isEqualTo(schema.canonical());
    assertThat(schema.formatted(" SERIALIZED ")).isEqualTo(schema.formatted("serialized"))
        .isNotEqualTo(schema.canonical());
    // Unknown names give the text, as the registry does, so newer clients still work.
    assertThat(schema.formatted("logical")).isEqualTo(schema.canonical());
  }

  @Test
  void equalWhenTextAndReferencesAgree() throws Exception {
    String holder = proto("syntax = \"proto3\";", "import \"dep.proto\";", "message H { dep.D d = 1; }");
    String dep = proto("syntax = \"proto3\";", "package dep;", "message D { int32 v = 1; }");
    ProtobufSchema one = parse(holder, ref("dep.proto", "a", dep));
    assertThat(one).isEqualTo(parse("syntax = \"proto3\";\nimport \"dep.proto\";\n"
        + "message H {\n  dep.D d = 1;\n}", ref("dep.proto", "a", dep)));
    assertThat(one).isNotEqualTo(parse(holder, ref("dep.proto", "b", dep)));
  }

  @Test
  void normalizedFormKeepsTheReferences() throws Exception {
    String dep = proto("syntax = \"proto3\";", "package dep;", "message D { int32 v = 1; }");
    ProtobufSchema schema = parse(proto("syntax = \"proto3\";", "import \"dep.proto\";",
        "message H { dep.D d = 1; }"), ref("dep.proto", "a", dep));
    ProtobufSchema normalized = schema.normalize();
    assertThat(normalized.canonical()).contains("  .dep.D d = 1;");
    assertThat(normalized.references()).isEqualTo(schema.references());
  }
}
