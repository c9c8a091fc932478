package dev.stele.format.protobuf;

import static dev.stele.format.protobuf.ProtoFixtures.parse;
import static dev.stele.format.protobuf.ProtoFixtures.proto;
import static dev.stele.format.protobuf.ProtoFixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaReference;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What is refused and why, in Confluent's words where the corpus records them. */
class ProtobufInvalidSchemaTest {
  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("message {",
            "Could not parse Protobuf - Syntax error in :1:9: expected a word"),
        Arguments.of("\"string\"", "Could not parse Protobuf - Syntax error in :1:1: expected a word"),
        Arguments.of("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}",
            "Could not parse Protobuf - Syntax error in :1:1: expected a word"),
        Arguments.of("syntax = \"proto4\";",
            "Could not parse Protobuf - Syntax error in :1:1: unexpected syntax: proto4"),
        Arguments.of(proto("syntax = \"proto3\";", "message M {", "  Missing a = 1;", "}"),
            "Could not resolve type: Missing"),
        Arguments.of(proto("syntax = \"proto3\";", "message M { string a = 1; }",
                "message M { string b = 1; }"),
            "Could not parse Protobuf - M (:3:1) is already defined at :2:1"),
        Arguments.of(proto("syntax = \"proto3\";", "import \"dep.proto\";", "message H {",
                "  dep.D d = 1;", "}"),
            "Could not resolve type: dep.D"),
        Arguments.of(proto("syntax = \"proto3\";", "service S {", "  rpc Get (Nope) returns (Nope);",
                "}"),
            "Could not resolve type: Nope"),
        Arguments.of(proto("syntax = \"proto3\";", "message M { string a = -1; }"),
            "Field number -1 of M.a is out of range (0 to 536870911)"),
        Arguments.of(proto("syntax = \"proto3\";", "message M { string a = 536870912; }"),
            "Field number 536870912 of M.a is out of range (0 to 536870911)"),
        Arguments.of("syntax = \"proto3\";\n" + "message M {".repeat(10_000) + "}".repeat(10_000),
            "Could not parse Protobuf - the schema nests deeper than 100 levels"),
        Arguments.of("syntax = \"proto3\";\nmessage M { string a = 1 [(o) = "
                + "{ a: ".repeat(5_000) + "1" + " }".repeat(5_000) + "]; }",
            "Could not parse Protobuf - the schema nests deeper than 100 levels"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void refusesWithTheReason(String text, String reason) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessage(reason);
  }

  /** Confluent accepts these; so do we (a lenient registry is what clients were tested with). */
  static Stream<String> accepted() {
    return Stream.of(
        proto("syntax = \"proto3\";", "import \"missing.proto\";", "message M { string a = 1; }"),
        proto("syntax = \"proto3\";", "message M { string a = 0; }"),
        proto("syntax = \"proto3\";", "message M { string a = 536870911; }"),
        "syntax = \"proto3\";\nmessage M { string b = 1 [(o) = \"{{{{ // /* [[[\"]; }\n");
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void acceptsWhatConfluentAccepts(String text) throws Exception {
    assertThat(parse(text).canonical()).isNotEmpty();
  }

  @Test
  void aHugeEnumParsesAndDiffsInLinearTime() throws Exception {
    StringBuilder text = new StringBuilder("syntax = \"proto3\";\nenum E {\n");
    for (int i = 0; i < 50_000; i++) {
      text.append("  V").append(i).append(" = ").append(i).append(";\n");
    }
    ProtobufSchema big = parse(text.append("}\n").toString());
    assertThat(big.normalize().canonical()).hasSize(big.canonical().length());
    assertThat(ProtoFixtures.FORMAT.checkCanRead(big, big,
        dev.stele.schema.SchemaFormat.Roles.NEW_READS_OLD).isCompatible()).isTrue();
  }

  @Test
  void aReferenceOfAnotherTypeIsRefused() {
    ResolvedReference avro = new ResolvedReference(new SchemaReference("a.proto", "a", 1), "AVRO",
        "\"string\"", List.of());
    assertThatThrownBy(() -> parse("syntax = \"proto3\";\nimport \"a.proto\";\n", avro))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessage("Reference a.proto is a AVRO schema, not PROTOBUF");
  }

  @Test
  void importCyclesEnd() throws Exception {
    // a.proto imports b.proto imports a.proto: each path is loaded once.
    String a = proto("syntax = \"proto3\";", "package a;", "import \"b.proto\";",
        "message A { b.B b = 1; }");
    String b = proto("syntax = \"proto3\";", "package b;", "import \"a.proto\";",
        "message B { a.A a = 1; }");
    ResolvedReference cycle = ref("b.proto", "b", b, ref("a.proto", "a", a, ref("b.proto", "b", b)));
    ProtobufSchema schema = parse(a, cycle);
    assertThat(schema.canonical()).contains("b.B b = 1;");
  }

  @Test
  void anUnparsableReferenceIsRefused() {
    assertThatThrownBy(() -> parse("syntax = \"proto3\";\n", ref("x.proto", "x", "message {")))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessage("Could not parse Protobuf - Syntax error in :1:9: expected a word");
  }
}
