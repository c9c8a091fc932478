package dev.stele.registry.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.SchemaLimits;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shapes built to explode are refused before a format parses them, naming the limit, where it
 * was passed and the setting; shapes just inside every limit pass. Small limits keep the texts
 * short; the defaults are checked against real-sized schemas at the end.
 */
class ShapeCheckTest {
  private static final SchemaLimits SMALL = new SchemaLimits(20, 3, 3, 4, 5, 6, 4, 2);
  private final ShapeCheck check = new ShapeCheck(SMALL);

  static Stream<Arguments> overLimits() {
    return Stream.of(
        Arguments.of("AVRO", union(5), "a union of 5 branches (at most 4) at /fields/0/type",
            "stele.schema.max.union.branches"),
        Arguments.of("AVRO", "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":" + strings(6) + "}",
            "an enum of 6 symbols (at most 5) at /symbols", "stele.schema.max.enum.symbols"),
        Arguments.of("AVRO", record(7), "a record of 7 fields (at most 6) at /fields", "stele.schema.max.fields"),
        Arguments.of("AVRO", nestedRecords(4), "records nested 4 deep (at most 3)",
            "stele.schema.max.record.depth"),
        Arguments.of("AVRO", "[".repeat(21) + "\"int\"" + "]".repeat(21), "JSON nesting deeper than 20 levels",
            "stele.schema.max.json.depth"),
        Arguments.of("JSON", "{\"properties\":{\"a\":{\"anyOf\":" + "[{},{},{},{},{}]" + "}}}",
            "anyOf of 5 subschemas (at most 4) at /properties/a/anyOf", "stele.schema.max.combinator.width"),
        Arguments.of("JSON", "{\"enum\":[1,2,3,4,5,6]}", "an enum of 6 values (at most 5) at /enum",
            "stele.schema.max.enum.symbols"),
        Arguments.of("JSON", "{\"properties\":{" + IntStream.range(0, 7).mapToObj(i -> "\"p" + i + "\":{}")
            .collect(Collectors.joining(",")) + "}}", "an object of 7 properties (at most 6) at /properties",
            "stele.schema.max.fields"),
        Arguments.of("PROTOBUF", "syntax = \"proto3\";\nmessage A { message B { message C {\n message D {} } } }",
            "blocks nested more than 3 deep at line 3", "stele.schema.max.protobuf.depth"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("overLimits")
  void aShapeOverALimitIsRefusedNamingItAndItsSetting(String type, String text, String what, String setting) {
    Throwable thrown = catchThrowable(() -> check.check(type, text));
    assertThat(thrown).isInstanceOf(RegistryException.class);
    assertThat(((RegistryException) thrown).code()).isEqualTo(ErrorCode.INVALID_SCHEMA);
    assertThat(thrown).hasMessageStartingWith("The schema exceeds a limit: " + what)
        .hasMessageEndingWith("; the setting " + setting + " raises it");
  }

  @Test
  void shapesAtTheLimitsPass() {
    assertThatCode(() -> {
      check.check("AVRO", union(4));
      check.check("AVRO", record(6));
      check.check("AVRO", nestedRecords(3));
      check.check("JSON", "{\"oneOf\":[{},{},{},{}],\"enum\":[1,2,3,4,5]}");
      check.check("PROTOBUF", "message A { message B { message C {} } }");
    }).doesNotThrowAnyException();
  }

  @Test
  void bracesInProtobufCommentsAndStringsDoNotCount() {
    assertThatCode(() -> check.check("PROTOBUF", "// {{{{\n/* {{{{ */ message A { string s = 1 "
        + "[default = \"{{{{\"]; }")).doesNotThrowAnyException();
  }

  @Test
  void aTextThatIsNotJsonIsLeftToItsFormat() {
    assertThatCode(() -> check.check("AVRO", "{\"type\": ")).doesNotThrowAnyException();
  }

  @Test
  void theDefaultsAcceptRealSizedSchemas() {
    ShapeCheck defaults = new ShapeCheck(SchemaLimits.DEFAULTS);
    assertThatCode(() -> {
      defaults.check("AVRO", union(300));
      defaults.check("AVRO", record(3_000));
      defaults.check("AVRO", "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":" + strings(50_000) + "}");
      defaults.check("AVRO", nestedRecords(40));
    }).doesNotThrowAnyException();
    assertThat(catchThrowable(() -> defaults.check("AVRO", union(10_001))))
        .hasMessageContaining("a union of 10001 branches (at most 700)");
  }

  /** A record whose one field is a union of {@code n} named fixed types. */
  private static String union(int n) {
    String branches = IntStream.range(0, n)
        .mapToObj(i -> "{\"type\":\"fixed\",\"name\":\"F" + i + "\",\"size\":1}")
        .collect(Collectors.joining(","));
    return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"u\",\"type\":[" + branches + "]}]}";
  }

  private static String record(int fields) {
    return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + IntStream.range(0, fields)
        .mapToObj(i -> "{\"name\":\"f" + i + "\",\"type\":\"int\"}").collect(Collectors.joining(",")) + "]}";
  }

  private static String nestedRecords(int depth) {
    String schema = "\"int\"";
    for (int i = depth; i > 0; i--) {
      schema = "{\"type\":\"record\",\"name\":\"R" + i + "\",\"fields\":[{\"name\":\"f\",\"type\":" + schema + "}]}";
    }
    return schema;
  }

  private static String strings(int n) {
    return IntStream.range(0, n).mapToObj(i -> "\"S" + i + "\"").collect(Collectors.joining(",", "[", "]"));
  }
}
