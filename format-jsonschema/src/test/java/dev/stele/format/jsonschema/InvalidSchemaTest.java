package dev.stele.format.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.SchemaSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Refused schemas: the message starts as the Confluent registry's ("Invalid JSON Schema") and
 * says what is wrong and where. "corpus" rows were refused by the Confluent registry in the
 * conformance corpus.
 */
class InvalidSchemaTest {

  static Stream<Arguments> invalid() {
    String root = "at the root: ";
    return Stream.of(
        row("{'type':12}", root + "type must be a string or an array of strings"), // corpus
        row("{'$ref':'#/definitions/missing'}", root + "$ref #/definitions/missing points at nothing"), // corpus
        row("{'type':'object','properties':{'a':{'type':'nope'}}}",
            "at /properties/a: \"nope\" is not a valid type"), // corpus
        row("{'type':'object','required':'a'}", root + "required must be an array of strings"), // corpus
        row("{'minimum':'x'}", root + "minimum must be a number"), // corpus
        row("{'type':'string','pattern':'('}", root + "pattern \"(\" is not a valid regular expression"), // corpus
        row("{'type':'object','properties':[]}", root + "properties must be an object"), // corpus
        row("{'items':{'type':'nope'}}", "at /items: \"nope\" is not a valid type"), // corpus
        row("{'type':'record','name':'User','fields':[]}", root + "\"record\" is not a valid type"), // corpus
        row("{'type':'object','properties':{'d':{'$ref':'dep.json'}}}", "at /properties/d: $ref dep.json"
            + " names no schema of this one or its references (remote schemas are not fetched)"), // corpus
        row("{'type':['string',3]}", root + "type must be a string or an array of strings"),
        row("{'enum':'a'}", root + "enum must be an array"),
        row("{'allOf':{'type':'string'}}", root + "allOf must be an array of schemas"),
        row("{'not':3}", root + "a schema must be an object or a boolean, not a number"),
        row("{'title':5}", root + "title must be a string"),
        row("{'type':'string','maxLength':1.5}", root + "maxLength must be an integer"),
        row("{'type':'number','multipleOf':0}", root + "multipleOf should not be 0"),
        row("{'patternProperties':{'(':{}}}", root + "pattern \"(\" is not a valid regular expression"),
        row("{'$schema':'http://json-schema.org/draft-04/schema#','exclusiveMinimum':1}",
            root + "exclusiveMinimum must be a boolean"),
        row("{'$ref':5}", root + "$ref must be a string"),
        row("{'definitions':{'a':{'$ref':'#/definitions/b'},'b':{'$ref':'#/definitions/a'}},"
            + "'$ref':'#/definitions/a'}", "$ref #/definitions/a refers to itself through references only"),
        row("{'anyOf':[{'type':'string'},{'items':[{'type':'x'}]}]}",
            "at /anyOf/1/items/0: \"x\" is not a valid type"),
        // only the meta-schema knows these; checked on registration (validate=true)
        row("{'type':'string','minLength':-1}",
            "at /minLength: must have a minimum value of 0 (draft 7 meta-schema)"),
        row("{'type':'object','required':['a','a']}",
            "at /required: must have only unique items in the array (draft 7 meta-schema)"),
        row("{'$schema':'https://json-schema.org/draft/2020-12/schema','$defs':3}",
            "at /$defs: integer found, object expected (draft 2020-12 meta-schema)"),
        row("{'properties':{'a/b':{'properties':{'c':{'minLength':-1}}}}}",
            "at /properties/a~1b/properties/c/minLength: must have a minimum value of 0 (draft 7 meta-schema)"));
  }

  /** Issue #17: each refusal says what is wrong and where (Confluent said "Invalid JSON Schema"). */
  @ParameterizedTest
  @MethodSource("invalid")
  void refusedSayingWhatAndWhere(String schema, String reason) {
    InvalidSchemaException e = catchThrowableOfType(InvalidSchemaException.class,
        () -> Schemas.FORMAT.parse(SchemaSource.of(Schemas.json(schema))));
    assertThat(e).as(schema).isNotNull();
    assertThat(e.isAfterParsing()).isTrue();
    assertThat(e.getMessage()).isEqualTo(JsonSchemaFormat.INVALID_SCHEMA + ": " + reason);
  }

  /** Text that is not JSON: the problem and its line and column, never the text itself. */
  static Stream<Arguments> notJson() {
    return Stream.of(
        row("{\"type\":", "unexpected end of input at line 1, column 9"),
        row("{\"type\":\"string\"} trailing", "unexpected text 'trailing' at line 1, column 27"),
        row("{'type':'string'}", "unexpected character ''' at line 1, column 2"),
        row("NaN x", "unexpected text 'x' at line 1, column 6"),
        row("{\"a\":1,\n\"b\":2,\n  }", "unexpected character '}' at line 3, column 3"),
        row("{\"a\" 1}", "unexpected character '1' at line 1, column 6"),
        row("{\"a\":\"" + "x".repeat(100_000), "unexpected end of input at line 1, column 100007"),
        row("{\"a\":" + "y".repeat(1_000) + "}", "unexpected text '" + "y".repeat(40)
            + "...' at line 1, column 262"));
  }

  @ParameterizedTest
  @MethodSource("notJson")
  void textThatIsNotJsonSaysWhereItBreaks(String text, String problem) {
    assertThatThrownBy(() -> Schemas.FORMAT.parse(SchemaSource.of(text)))
        .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertThat(e.isAfterParsing()).isFalse())
        .hasMessage(JsonSchemaFormat.INVALID_SCHEMA + ": " + problem);
  }

  /** Accepted by the Confluent registry in the corpus, however odd. */
  @ParameterizedTest
  @ValueSource(strings = {"[]", "12", "\"x\"", "true", "false", "{}",
      "{\"$schema\":\"http://example.com/unknown\",\"type\":\"object\"}",
      "{\"type\":\"integer\",\"minimum\":1,\"maximum\":0}",
      "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#\"}}}",
      "{\"type\":\"string\",\"format\":\"date-time\"}",
      "{\"type\":\"object\",\"dependencies\":{\"a\":[\"b\"]}}"})
  void oddButValidSchemasAreAccepted(String text) throws Exception {
    assertThat(Schemas.FORMAT.parse(SchemaSource.of(text)).canonical()).isNotEmpty();
  }

  @Test
  void lookupsSkipOnlyTheMetaSchemaCheck() throws Exception {
    String metaOnly = "{\"type\":\"string\",\"minLength\":-1}";
    assertThat(Schemas.FORMAT.parse(new SchemaSource(metaOnly, List.of(), false)).canonical())
        .isEqualTo(metaOnly);
    assertThatThrownBy(() -> Schemas.FORMAT.parse(
        new SchemaSource("{\"type\":12}", List.of(), false)))
        .hasMessage("Invalid JSON Schema: at the root: type must be a string or an array of strings");
  }

  @Test
  void everyDraftIsCheckedAgainstItsOwnMetaSchema() throws Exception {
    // exclusiveMaximum is a boolean in draft 4 and a number from draft 6 on
    String draft4 = "{'$schema':'http://json-schema.org/draft-04/schema#','maximum':3,"
        + "'exclusiveMaximum':true}";
    String draft6 = "{'$schema':'http://json-schema.org/draft-06/schema#','exclusiveMaximum':3}";
    assertThat(Schemas.parse(draft4).canonical()).contains("exclusiveMaximum");
    assertThat(Schemas.parse(draft6).canonical()).contains("exclusiveMaximum");
    assertThatThrownBy(() -> Schemas.FORMAT.parse(SchemaSource.of(Schemas.json(
        "{'$schema':'http://json-schema.org/draft-06/schema#','exclusiveMaximum':true}"))))
        .hasMessage("Invalid JSON Schema: at the root: exclusiveMaximum must be a number");
  }

  private static Arguments row(String schema, String reason) {
    return Arguments.of(schema, reason);
  }
}
