package dev.stele.format.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.SchemaSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Refused schemas and the reason the registry prints after {@code details:}. The first rows come
 * from the conformance transcripts of a Confluent 7.9 registry (which runs Avro 1.11's parser).
 */
class AvroInvalidSchemaTest {
  // The Confluent default (defaults checked only when normalizing), which the corpus records.
  private static final AvroFormat AVRO = new AvroFormat(false);

  private static Arguments row(String text, String details) {
    return Arguments.of(text, details);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        row("{\"type\":\"record\",\"name\":\"X\"}",
            "Record has no fields: {\"type\":\"record\",\"name\":\"X\"}"),
        row("syntax = \"proto3\";\nmessage M {\n  string a = 1;\n}\n",
            "Invalid Avro schema: not JSON (Unrecognized token 'syntax': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at line 1, column 7)"),
        row("{\"type\":\"nosuchtype\"}",
            "Type not supported: nosuchtype"),
        row("{\"type\":\"record\",",
            "Invalid Avro schema: not JSON (Unexpected end-of-input within/between Object entries at line 1, column 18)"),
        row("{\"type\":\"record\",\"name\":\"1X\",\"fields\":[]}",
            "Illegal initial character: 1X"),
        row("{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"a\",\"type\":\"int\"}]}",
            "Duplicate field a in record X: a type:INT pos:1 and a type:INT pos:0."),
        row("[\"null\",[\"int\"]]",
            "Nested union: [\"null\",[\"int\"]]"),
        row("\"\"",
            "Empty name"),
        row("{}",
            "No type: {}"),
        row("nul",
            "Invalid Avro schema: not JSON (Unrecognized token 'nul': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at line 1, column 4)"),
        row("{\"type\":\"array\"}",
            "Array has no items type: {\"type\":\"array\"}"),
        row("{\"type\":\"map\",\"values\":\"nope\"}",
            "Undefined name: \"nope\""),
        row("{\"type\":\"fixed\",\"name\":\"F\"}",
            "Invalid or no size: {\"type\":\"fixed\",\"name\":\"F\"}"),
        row("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}",
            "Duplicate enum symbol: A"),
        row("{\"type\":\"record\",\"name\":\"Holder\",\"namespace\":\"com.x\",\"fields\":[{\"name\":\"d\",\"type\":\"com.x.Dep\"}]}",
            "\"com.x.Dep\" is not a defined name. The type of the \"d\" field must be a defined name or a {\"type\": ...} expression."),
        row("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"1a\",\"type\":\"int\"}]}",
            "Illegal initial character: 1a"),
        row("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"type\":\"int\"}]}",
            "No field name: {\"type\":\"int\"}"),
        row("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\"}]}",
            "No field type: {\"name\":\"a\"}"),
        row("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"order\":\"sideways\"}]}",
            "No enum constant org.apache.avro.Schema.Field.Order.SIDEWAYS"),
        row("{\"type\":\"record\",\"name\":\"int\",\"fields\":[]}",
            "Schemas may not be named after primitives: int"),
        row("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":{\"type\":\"record\",\"name\":\"R\",\"fields\":[]}}]}",
            "Can't redefine: R"),
        row("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"1A\"]}",
            "Illegal initial character: 1A"),
        row("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"],\"default\":\"B\"}",
            "The Enum Default: B is not in the enum symbol set: [A]"),
        row("{\"type\":\"enum\",\"name\":\"E\"}",
            "Enum has no symbols: {\"type\":\"enum\",\"name\":\"E\"}"),
        row("{\"type\":\"fixed\",\"name\":\"F\",\"size\":\"4\"}",
            "Invalid or no size: {\"type\":\"fixed\",\"name\":\"F\",\"size\":\"4\"}"),
        row("{\"type\":\"fixed\",\"name\":\"F\",\"size\":-1}",
            "Malformed data. Length is negative: -1"),
        row("[\"int\",\"int\"]",
            "Duplicate in union:int"),
        row("[\"int\",{\"type\":\"int\"}]",
            "Duplicate in union:int"),
        row("{\"type\":\"record\",\"name\":\"R\",\"aliases\":\"x\",\"fields\":[]}",
            "aliases not an array: {\"type\":\"record\",\"name\":\"R\",\"aliases\":\"x\",\"fields\":[]}"),
        row("{\"type\":\"record\",\"name\":\"R\",\"aliases\":[1],\"fields\":[]}",
            "alias not a string: 1"),
        row("{\"type\":\"map\"}",
            "Map has no values type: {\"type\":\"map\"}"),
        row("{\"type\":{\"type\":\"int\"}}",
            "No type: {\"type\":{\"type\":\"int\"}}"),
        row("{\"type\":\"record\",\"fields\":[]}",
            "No name in schema: {\"type\":\"record\",\"fields\":[]}"),
        row("{\"type\":\"record\",\"name\":\"a.b.1c\",\"fields\":[]}",
            "Illegal initial character: 1c"),
        row("\"string\" \"x\"",
            "dangling content after end of schema: \"x\""),
        // Avro 1.11's name rules, which differ from the 1.12 library underneath
        row("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"b\",\"type\":\"B\"},"
                + "{\"name\":\"c\",\"type\":{\"type\":\"record\",\"name\":\"B\",\"fields\":[]}}]}",
            "\"B\" is not a defined name. The type of the \"b\" field must be a defined name or a"
                + " {\"type\": ...} expression."),
        row("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"b\",\"type\":[\"null\",\"B\"]},"
                + "{\"name\":\"c\",\"type\":{\"type\":\"record\",\"name\":\"B\",\"fields\":[]}}]}",
            "Undefined name: \"B\""),
        row("\"1x\"", "Illegal initial character: 1x"),
        row("{\"type\":\"record\",\"name\":\"R\",\"aliases\":[\"a-b\"],\"fields\":[]}",
            "Illegal character in: a-b"),
        row("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",1]}", "Null name"),
        row("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":\"float\","
                + "\"default\":\"abc\"}]}",
            "For input string: \"abc\""),
        row("42", "Schema not yet supported: 42"),
        row("null", "Schema not yet supported: null"),
        row("", "Cannot parse <null> schema"),
        row("   ", "Cannot parse <null> schema"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("refused")
  void reportsTheRegistrysReason(String text, String details) {
    assertThatThrownBy(() -> AVRO.parse(SchemaSource.of(text)))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessage(details);
  }

  @Test
  void acceptsWhatAvro111Accepts() throws InvalidSchemaException {
    // 1.11 never checked namespaces; the registry accepted this one
    assertThat(AVRO.parse(SchemaSource.of(
        "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"1ns\",\"fields\":[]}")).canonical())
        .isEqualTo("{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"1ns\",\"fields\":[]}");
    // defaults are not checked on a plain registration (they are with normalize=true)
    assertThat(AVRO.parse(SchemaSource.of("{\"type\":\"record\",\"name\":\"X\",\"fields\":"
        + "[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}")).name()).isEqualTo("X");
    assertThat(AVRO.parse(SchemaSource.of("[]")).canonical()).isEqualTo("[]");
  }

  @Test
  void checksDefaultsOnEveryRegistrationWhenConfiguredTo() throws InvalidSchemaException {
    AvroFormat strict = new AvroFormat(true);
    String text = "{\"type\":\"record\",\"name\":\"X\",\"fields\":"
        + "[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}";

    assertThatThrownBy(() -> strict.parse(SchemaSource.of(text)))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessage("Invalid default for field a: \"x\" not a \"int\"");
    assertThat(strict.parse(new SchemaSource(text, java.util.List.of(), false)).name())
        .as("lookups stay lenient").isEqualTo("X");
  }

  static Stream<Arguments> pathological() {
    String deepArrays = "{\"type\":\"array\",\"items\":".repeat(10_000) + "\"int\""
        + "}".repeat(10_000);
    return Stream.of(
        Arguments.of("10,000 nested arrays", deepArrays),
        Arguments.of("1 MB of [", "[".repeat(1 << 20)),
        Arguments.of("lone surrogate as a name", "{\"type\":\"record\",\"name\":\"\uD800\",\"fields\":[]}"),
        Arguments.of("lone surrogate as a symbol", "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"\uDFFF\"]}"),
        Arguments.of("trailing garbage", "{\"type\":\"string\"} }"),
        Arguments.of("not JSON", "hello"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("pathological")
  void refusesPathologicalInputWithAnInvalidSchemaOnly(String label, String text) {
    assertThatThrownBy(() -> AVRO.parse(SchemaSource.of(text)))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageNotContaining("StackOverflow");
  }

  @Test
  void survivesNestingThatExhaustsASmallStack() throws InterruptedException {
    String nested = "{\"type\":\"array\",\"items\":".repeat(990) + "\"int\"" + "}".repeat(990);
    Throwable[] thrown = new Throwable[1];
    Thread small = new Thread(null, () -> {
      try {
        AVRO.parse(SchemaSource.of(nested));
      } catch (Throwable e) {
        thrown[0] = e;
      }
    }, "small-stack", 64 * 1024);
    small.start();
    small.join();

    // The JVM may round the requested stack size up; if it overflowed, it was reported as invalid.
    if (thrown[0] != null) {
      assertThat(thrown[0]).isInstanceOf(InvalidSchemaException.class)
          .hasMessage("Schema is nested too deeply");
    }
  }
}
