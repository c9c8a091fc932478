package dev.stele.format.avro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.SchemaFormat.Roles;
import dev.stele.schema.SchemaSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Avro's schema resolution rules, one row per rule: can {@code reader} read {@code writer}? */
class AvroCompatibilityTest {
  private static final AvroFormat AVRO = new AvroFormat();

  private static Arguments row(String writer, String reader, String... expected) {
    return Arguments.of(writer, reader, List.of(expected));
  }

  private static String record(String name, String fields) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + fields + "]}";
  }

  private static String field(String name, String type) {
    return "{\"name\":\"" + name + "\",\"type\":" + type + "}";
  }

  private static String enumOf(String name, String symbols) {
    return "{\"type\":\"enum\",\"name\":\"" + name + "\",\"symbols\":[" + symbols + "]}";
  }

  private static final String LIST_INT = record("Node",
      field("value", "\"int\"") + "," + field("next", "[\"null\",\"Node\"]"));
  private static final String LIST_LONG = record("Node",
      field("value", "\"long\"") + "," + field("next", "[\"null\",\"Node\"]"));

  /** Rows of writer, reader and the expected incompatibilities as {@code KIND@location}. */
  static Stream<Arguments> rules() {
    return Stream.of(
        // primitive promotions
        row("\"int\"", "\"long\""),
        row("\"int\"", "\"float\""),
        row("\"int\"", "\"double\""),
        row("\"long\"", "\"float\""),
        row("\"long\"", "\"double\""),
        row("\"float\"", "\"double\""),
        row("\"string\"", "\"bytes\""),
        row("\"bytes\"", "\"string\""),
        row("\"long\"", "\"int\"", "TYPE_MISMATCH@/"),
        row("\"double\"", "\"float\"", "TYPE_MISMATCH@/"),
        row("\"float\"", "\"long\"", "TYPE_MISMATCH@/"),
        row("\"int\"", "\"string\"", "TYPE_MISMATCH@/"),
        row("\"null\"", "\"boolean\"", "TYPE_MISMATCH@/"),
        // unions
        row("[\"null\",\"int\"]", "[\"null\",\"long\"]"),
        row("[\"null\",\"string\"]", "[\"null\"]", "MISSING_UNION_BRANCH@/1"),
        row("\"int\"", "[\"null\",\"int\"]"),
        row("\"int\"", "[\"null\",\"long\"]"),
        row("\"string\"", "[\"null\",\"int\"]", "MISSING_UNION_BRANCH@/"),
        row("[\"int\",\"long\"]", "\"long\""),
        row("[\"int\",\"string\"]", "\"int\"", "TYPE_MISMATCH@/1"),
        // enums
        row(enumOf("E", "\"A\",\"B\""), enumOf("E", "\"A\",\"B\",\"C\"")),
        row(enumOf("E", "\"A\",\"B\",\"C\""), enumOf("E", "\"A\",\"B\""),
            "MISSING_ENUM_SYMBOLS@/symbols"),
        row(enumOf("E", "\"A\",\"B\",\"C\""),
            "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"],\"default\":\"A\"}"),
        row(enumOf("E", "\"A\""), enumOf("F", "\"A\""), "NAME_MISMATCH@/name"),
        // fixed
        row("{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}",
            "{\"type\":\"fixed\",\"name\":\"F\",\"size\":8}", "FIXED_SIZE_MISMATCH@/size"),
        row("{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}",
            "{\"type\":\"fixed\",\"name\":\"G\",\"size\":4}", "NAME_MISMATCH@/name"),
        // records: names, aliases, fields
        row(record("A", field("x", "\"int\"")), record("B", field("x", "\"int\"")),
            "NAME_MISMATCH@/name"),
        row(record("A", field("x", "\"int\"")),
            "{\"type\":\"record\",\"name\":\"B\",\"aliases\":[\"A\"],\"fields\":["
                + field("x", "\"int\"") + "]}"),
        row(record("R", field("x", "\"int\"")),
            record("R", field("x", "\"int\"") + ",{\"name\":\"y\",\"type\":\"int\",\"default\":0}")),
        row(record("R", field("x", "\"int\"")),
            record("R", field("x", "\"int\"") + "," + field("y", "\"int\"")),
            "READER_FIELD_MISSING_DEFAULT_VALUE@/fields/1"),
        row(record("R", field("x", "\"int\"") + "," + field("y", "\"int\"")),
            record("R", field("x", "\"int\""))),
        row(record("R", field("x", "\"int\"")),
            record("R", "{\"name\":\"z\",\"type\":\"int\",\"aliases\":[\"x\"]}")),
        row(record("R", field("x", "\"string\"") + "," + field("y", "\"int\"")),
            record("R", field("x", "\"int\"") + "," + field("y", "\"int\"") + ","
                + field("z", "\"int\"")),
            "TYPE_MISMATCH@/fields/0/type", "READER_FIELD_MISSING_DEFAULT_VALUE@/fields/2"),
        row(record("Outer", field("in", record("In", field("v", "\"string\"")))),
            record("Outer", field("in", record("In", field("v", "\"int\"")))),
            "TYPE_MISMATCH@/fields/0/type/fields/0/type"),
        // arrays and maps
        row("{\"type\":\"array\",\"items\":\"int\"}", "{\"type\":\"array\",\"items\":\"long\"}"),
        row("{\"type\":\"array\",\"items\":\"long\"}", "{\"type\":\"array\",\"items\":\"int\"}",
            "TYPE_MISMATCH@/items"),
        row("{\"type\":\"map\",\"values\":\"string\"}", "{\"type\":\"map\",\"values\":\"int\"}",
            "TYPE_MISMATCH@/values"),
        row("{\"type\":\"map\",\"values\":\"int\"}", "{\"type\":\"array\",\"items\":\"int\"}",
            "TYPE_MISMATCH@/"),
        // recursive types
        row(LIST_INT, LIST_INT),
        row(LIST_INT, LIST_LONG),
        row(LIST_LONG, LIST_INT, "TYPE_MISMATCH@/fields/0/type"));
  }

  @ParameterizedTest(name = "[{index}] {0} read as {1}")
  @MethodSource("rules")
  void followsAvroResolution(String writer, String reader, List<String> expected)
      throws InvalidSchemaException {
    CompatibilityResult result = check(reader, writer, Roles.NEW_READS_OLD);

    assertThat(result.incompatibilities())
        .extracting(found -> found.kind() + "@" + found.location())
        .containsExactlyElementsOf(expected);
    assertThat(result.isCompatible()).isEqualTo(expected.isEmpty());
  }

  @Test
  void wordsATypeMismatchAsTheRegistryDoesForEachDirection() throws InvalidSchemaException {
    String old = record("User", field("name", "\"string\""));
    String changed = record("User", field("name", "\"int\""));

    Incompatibility backward = check(changed, old, Roles.NEW_READS_OLD).incompatibilities().get(0);
    Incompatibility forward = check(old, changed, Roles.OLD_READS_NEW).incompatibilities().get(0);

    assertThat(backward.message()).isEqualTo("{errorType:'TYPE_MISMATCH', description:'The type"
        + " (path '/fields/0/type') of a field in the new schema does not match with the old"
        + " schema', additionalInfo:'reader type: INT not compatible with writer type: STRING'}");
    assertThat(forward.message()).isEqualTo("{errorType:'TYPE_MISMATCH', description:'The type"
        + " (path '/fields/0/type') of a field in the old schema does not match with the new"
        + " schema', additionalInfo:'reader type: STRING not compatible with writer type: INT'}");
  }

  @Test
  void wordsAMissingDefaultAsTheRegistryDoes() throws InvalidSchemaException {
    String old = record("User", field("name", "\"string\""));
    String added = record("User", field("name", "\"string\"") + "," + field("age", "\"int\""));

    assertThat(check(added, old, Roles.NEW_READS_OLD).incompatibilities())
        .extracting(Incompatibility::message)
        .containsExactly("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field"
            + " 'age' at path '/fields/1' in the new schema has no default value and is missing in"
            + " the old schema', additionalInfo:'age'}");
    assertThat(check(old, added, Roles.OLD_READS_NEW).incompatibilities()).isEmpty();
    assertThat(check(added, old, Roles.OLD_READS_NEW).incompatibilities().get(0).message())
        .contains("in the old schema has no default value and is missing in the new schema");
  }

  @Test
  void wordsTheOtherKindsWithTheirTemplates() throws InvalidSchemaException {
    assertThat(messageOf(enumOf("E", "\"A\",\"B\",\"C\""), enumOf("E", "\"A\",\"B\"")))
        .isEqualTo("{errorType:'MISSING_ENUM_SYMBOLS', description:'The new schema is missing"
            + " enum symbols '[C]' at path '/symbols' in the old schema', additionalInfo:'[C]'}");
    assertThat(messageOf("{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}",
        "{\"type\":\"fixed\",\"name\":\"F\",\"size\":8}"))
        .isEqualTo("{errorType:'FIXED_SIZE_MISMATCH', description:'The size of FIXED type field at"
            + " path '/size' in the new schema does not match with the old schema',"
            + " additionalInfo:'expected: 4, found: 8'}");
    assertThat(messageOf(record("A", field("x", "\"int\"")), record("B", field("x", "\"int\""))))
        .isEqualTo("{errorType:'NAME_MISMATCH', description:'The name of the schema has changed"
            + " (path '/name')', additionalInfo:'expected: A'}");
    assertThat(messageOf("[\"null\",\"string\"]", "[\"null\"]"))
        .isEqualTo("{errorType:'MISSING_UNION_BRANCH', description:'The new schema is missing a"
            + " type inside a union field at path '/1' in the old schema',"
            + " additionalInfo:'reader union lacking writer type: STRING'}");
  }

  @Test
  void reportsADifferentSchemaTypeInsteadOfFailing() throws InvalidSchemaException {
    AvroSchema avro = AVRO.parse(SchemaSource.of("\"string\""));
    dev.stele.schema.ParsedSchema other = new dev.stele.schema.ParsedSchema() {
      @Override
      public String type() {
        return "JSON";
      }

      @Override
      public String canonical() {
        return "{}";
      }

      @Override
      public dev.stele.schema.ParsedSchema normalize() {
        return this;
      }

      @Override
      public List<dev.stele.schema.SchemaReference> references() {
        return List.of();
      }
    };

    assertThat(AVRO.checkCanRead(avro, other, Roles.NEW_READS_OLD).incompatibilities())
        .extracting(Incompatibility::message)
        .containsExactly("Incompatible because of different schema type");
  }

  private static String messageOf(String writer, String reader) throws InvalidSchemaException {
    return check(reader, writer, Roles.NEW_READS_OLD).incompatibilities().get(0).message();
  }

  private static CompatibilityResult check(String reader, String writer, Roles roles)
      throws InvalidSchemaException {
    return AVRO.checkCanRead(
        AVRO.parse(SchemaSource.of(reader)), AVRO.parse(SchemaSource.of(writer)), roles);
  }
}
