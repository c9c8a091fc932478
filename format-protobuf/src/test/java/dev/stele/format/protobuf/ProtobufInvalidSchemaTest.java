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

  /** protoc's field-number rules, which wire's parser does not apply: each names field and number. */
  static Stream<Arguments> refusedAsProtocRefuses() {
    String positive = ": field numbers must be positive integers";
    String implementation = ": field numbers 19000 through 19999 are reserved for the protocol"
        + " buffer library implementation";
    return Stream.of(
        Arguments.of("message M { string a = 0; }", "Field M.a has number 0" + positive),
        Arguments.of("message M { string a = -1; }", "Field M.a has number -1" + positive),
        Arguments.of("message M { string a = 536870912; }",
            "Field M.a has number 536870912: field numbers cannot be greater than 536870911"),
        Arguments.of("message M { string a = 19000; }", "Field M.a has number 19000" + implementation),
        Arguments.of("message M { string a = 19999; }", "Field M.a has number 19999" + implementation),
        Arguments.of("message M { oneof o { string a = 19500; } }",
            "Field M.a has number 19500" + implementation),
        Arguments.of("message M { message N { int32 a = 0; } }", "Field M.N.a has number 0" + positive),
        Arguments.of("message M { map<string, string> m = 0; }", "Field M.m has number 0" + positive),
        Arguments.of("message M { extensions 100 to 200; }\nextend M { string e = 0; }",
            "Field e has number 0" + positive),
        Arguments.of("message M { string a = 1; string b = 1; }",
            "Field M.b has number 1, which is already used in M by field a"),
        Arguments.of("message M { string a = 2; oneof o { string b = 2; } }",
            "Field M.b has number 2, which is already used in M by field a"),
        Arguments.of("message M { reserved 5; string b = 5; }", "Field M.b uses reserved number 5"),
        Arguments.of("message M { reserved 2, 9 to 11; string b = 10; }",
            "Field M.b uses reserved number 10"),
        Arguments.of("message M { reserved 100 to max; string b = 536870911; }",
            "Field M.b uses reserved number 536870911"),
        Arguments.of("message M { reserved \"foo\"; string foo = 1; }",
            "Field M.foo uses reserved name foo"),
        Arguments.of("message M { string a = 1; int32 a = 2; }", "Field M.a is defined twice in M"),
        Arguments.of("message M { string a = 1; oneof o { int32 a = 2; } }", "Field M.a is defined twice in M"));
  }

  @ParameterizedTest
  @MethodSource("refusedAsProtocRefuses")
  void refusesWhatProtocRefuses(String body, String reason) {
    assertThatThrownBy(() -> parse("syntax = \"proto3\";\n" + body + "\n"))
        .isInstanceOfSatisfying(InvalidSchemaException.class,
            e -> assertThat(e.isAfterParsing()).isTrue())
        .hasMessage(reason);
  }

  /** A lookup only reads the text: a schema registered before these rules is still found. */
  @Test
  void aLookupParseDoesNotApplyTheFieldNumberRules() throws Exception {
    String text = proto("syntax = \"proto3\";", "message M { string a = 0; string b = 0; }");
    assertThat(ProtoFixtures.FORMAT.parse(new dev.stele.schema.SchemaSource(text, List.of(), false))
        .canonical()).contains("string a = 0;");
  }

  /**
   * Confluent accepts these; so do we (a lenient registry is what clients were tested with),
   * as long as protoc would compile them too.
   */
  static Stream<String> accepted() {
    return Stream.of(
        proto("syntax = \"proto3\";", "import \"missing.proto\";", "message M { string a = 1; }"),
        proto("syntax = \"proto3\";", "message M { string a = 536870911; }"),
        proto("syntax = \"proto3\";", "message M { string a = 18999; string b = 20000; }"),
        proto("syntax = \"proto3\";", "message M { reserved 19000 to 19999, 3, \"c\"; string a = 1; }"),
        proto("syntax = \"proto3\";", "message M { string a = 1; }", "message N { string a = 1; }"),
        proto("syntax = \"proto3\";", "message M { message N { string a = 1; } string a = 1; }"),

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
