package dev.stele.format.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stele.schema.CompatibilityPolicy;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.SchemaFormat.Roles;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Messages, roles, policies and the bounds of a check, through the format's SPI. */
class JsonCompatibilityTest {
  private static final String OBJECT_A_STRING = "{'type':'object','properties':{'a':{'type':'string'}}}";
  private static final String OBJECT_A_INTEGER = "{'type':'object','properties':{'a':{'type':'integer'}}}";

  /** The exact strings the Confluent registry (7.9) answered in the conformance corpus. */
  @Test
  void typeChangeIsWordedAsConfluentWordsItInBothDirections() {
    JsonSchema string = Schemas.parse(OBJECT_A_STRING);
    JsonSchema integer = Schemas.parse(OBJECT_A_INTEGER);

    CompatibilityResult backward = Schemas.FORMAT.checkCanRead(integer, string, Roles.NEW_READS_OLD);
    CompatibilityResult forward = Schemas.FORMAT.checkCanRead(string, integer, Roles.OLD_READS_NEW);

    assertThat(backward.incompatibilities())
        .extracting(Incompatibility::kind, Incompatibility::location, Incompatibility::message)
        .containsExactly(tuple(ChangeKind.TYPE_CHANGED, "/properties/a",
            "{errorType:\"TYPE_CHANGED\", description:\"A type at path '#/properties/a'"
                + " is different between the new schema and the old schema'}"));
    assertThat(forward.incompatibilities()).extracting(Incompatibility::message).containsExactly(
        "{errorType:\"TYPE_CHANGED\", description:\"A type at path '#/properties/a' is different"
            + " between the old schema and the new schema'}");
  }

  static Stream<Arguments> wordings() {
    return Stream.of(
        Arguments.of("{'type':'string'}", "{'type':'string','maxLength':3}",
            "The keyword at path '#/maxLength' in the new schema is not present in the old schema"),
        Arguments.of("{'type':'string','minLength':1}", "{'type':'string','minLength':2}",
            "The value at path '#/minLength' in the new schema is more than its value in the old schema"),
        Arguments.of("{'type':'string','maxLength':3}", "{'type':'string','maxLength':2}",
            "The value at path '#/maxLength' in the new schema is less than its value in the old schema"),
        Arguments.of("{'type':'string','pattern':'a'}", "{'type':'string','pattern':'b'}",
            "The value at path '#/pattern' is different between the new and old schema"),
        Arguments.of("{'enum':[1,2]}", "{'enum':[1]}",
            "An array or combined type at path '#/enum' has fewer elements in the new schema than the old schema"),
        Arguments.of("{'type':'object'}", "{'type':'object','dependencies':{'a':['b']}}",
            "The keyword at path '#/dependencies/a' in the new schema is not present in the old schema"),
        Arguments.of("{'type':'object'}", "{'type':'object','properties':{'b':{'type':'string'}}}",
            "The new schema has an open content model and has a property or item at path"
                + " '#/properties/b' which is missing in the old schema"),
        Arguments.of("{'type':'object','properties':{'b':{'type':'string'}},'additionalProperties':false}",
            "{'type':'object','additionalProperties':false}",
            "The new schema has a closed content model and is missing a property or item present at"
                + " path '#/properties/b' in the old schema"),
        Arguments.of("{'type':'array'}", "{'type':'array','items':{}}", ""));
  }

  @ParameterizedTest
  @MethodSource("wordings")
  void eachFamilyHasItsSentence(String original, String update, String description) {
    CompatibilityResult result = Schemas.FORMAT.checkCanRead(
        Schemas.parse(update), Schemas.parse(original), Roles.NEW_READS_OLD);
    assertThat(result.incompatibilities()).hasSize(1);
    assertThat(result.incompatibilities().get(0).message())
        .endsWith(", description:\"" + description + "'}");
  }

  @Test
  void theThreeArgumentCheckIsStrict() {
    JsonSchema open = Schemas.parse("{'type':'object'}");
    JsonSchema withOptional = Schemas.parse("{'type':'object','properties':{'b':{'type':'string'}}}");

    assertThat(Schemas.FORMAT.checkCanRead(withOptional, open, Roles.NEW_READS_OLD))
        .isEqualTo(Schemas.FORMAT.checkCanRead(withOptional, open, Roles.NEW_READS_OLD,
            CompatibilityPolicy.STRICT));
    assertThat(Schemas.FORMAT.checkCanRead(withOptional, open, Roles.NEW_READS_OLD).isCompatible())
        .isFalse();
  }

  @Test
  void aSchemaIsCompatibleWithItselfAndWithItsNormalizedForm() {
    JsonSchema schema = Schemas.parse("{'type':'object','properties':{'z':{'type':'string'},"
        + "'a':{'oneOf':[{'type':'integer'},{'type':'null'}]}},'required':['z']}");
    assertThat(Schemas.FORMAT.checkCanRead(schema, schema, Roles.NEW_READS_OLD).isCompatible()).isTrue();
    assertThat(Schemas.FORMAT.checkCanRead(schema.normalize(), schema, Roles.NEW_READS_OLD)
        .isCompatible()).isTrue();
  }

  @Test
  void recursiveSchemasCompareAndFindDeepChanges() {
    String list = "{'type':'object','properties':{'value':{'type':'%s'},'next':{'$ref':'#'}}}";
    JsonSchema strings = Schemas.parse(String.format(list, "string"));
    JsonSchema strings2 = Schemas.parse(String.format(list, "string"));
    JsonSchema integers = Schemas.parse(String.format(list, "integer"));

    assertThat(Schemas.FORMAT.checkCanRead(strings2, strings, Roles.NEW_READS_OLD).isCompatible())
        .isTrue();
    assertThat(Schemas.FORMAT.checkCanRead(integers, strings, Roles.NEW_READS_OLD).incompatibilities())
        .extracting(Incompatibility::location).containsExactly("/properties/value");
  }

  @Test
  void aCheckOverItsBudgetStopsWithAClearReason() {
    JsonSchemaFormat tiny = new JsonSchemaFormat(1);
    CompatibilityResult result = tiny.checkCanRead(Schemas.parse(OBJECT_A_INTEGER),
        Schemas.parse("{'type':'object','properties':{'a':{'type':'string'},'b':{},'c':{}}}"),
        Roles.NEW_READS_OLD);
    assertThat(result.incompatibilities()).extracting(Incompatibility::kind)
        .containsExactly(JsonCompatibility.ABORTED);
  }

  @Test
  void aSchemaOfAnotherFormatIsADifferentType() {
    JsonSchema json = Schemas.parse("{'type':'string'}");
    dev.stele.schema.ParsedSchema other = new dev.stele.schema.ParsedSchema() {
      @Override public String type() { return "AVRO"; }
      @Override public String canonical() { return "\"string\""; }
      @Override public dev.stele.schema.ParsedSchema normalize() { return this; }
      @Override public java.util.List<dev.stele.schema.SchemaReference> references() { return java.util.List.of(); }
    };
    assertThat(Schemas.FORMAT.checkCanRead(json, other, Roles.NEW_READS_OLD).incompatibilities())
        .extracting(Incompatibility::message)
        .containsExactly("Incompatible because of different schema type");
  }
}
