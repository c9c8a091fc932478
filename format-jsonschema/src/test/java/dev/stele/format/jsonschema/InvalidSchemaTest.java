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
 * Refused schemas: the message is the Confluent registry's ("Invalid JSON Schema", or "Invalid
 * JSON ..." for text that is not JSON); our reason is the cause. "corpus" rows were refused by
 * the Confluent registry in the conformance corpus.
 */
class InvalidSchemaTest {

  static Stream<Arguments> invalid() {
    return Stream.of(
        row("{'type':12}", "type must be a string"), // corpus
        row("{'$ref':'#/definitions/missing'}", "points at nothing"), // corpus
        row("{'type':'object','properties':{'a':{'type':'nope'}}}", "unknown type: [nope]"), // corpus
        row("{'type':'object','required':'a'}", "required must be an array"), // corpus
        row("{'minimum':'x'}", "minimum must be a number"), // corpus
        row("{'type':'string','pattern':'('}", "not a valid regular expression"), // corpus
        row("{'type':'object','properties':[]}", "properties must be an object"), // corpus
        row("{'items':{'type':'nope'}}", "unknown type: [nope]"), // corpus
        row("{'type':'record','name':'User','fields':[]}", "unknown type: [record]"), // corpus
        row("{'type':'object','properties':{'d':{'$ref':'dep.json'}}}", "names no schema"), // corpus
        row("{'type':['string',3]}", "array of strings"),
        row("{'enum':'a'}", "enum must be an array"),
        row("{'allOf':{'type':'string'}}", "allOf must be an array"),
        row("{'not':3}", "must be an object or a boolean"),
        row("{'title':5}", "title must be a string"),
        row("{'type':'string','maxLength':1.5}", "maxLength must be an integer"),
        row("{'type':'number','multipleOf':0}", "multipleOf should not be 0"),
        row("{'patternProperties':{'(':{}}}", "not a valid regular expression"),
        row("{'$schema':'http://json-schema.org/draft-04/schema#','exclusiveMinimum':1}",
            "exclusiveMinimum must be a boolean"),
        row("{'$ref':5}", "$ref must be a string"),
        row("{'definitions':{'a':{'$ref':'#/definitions/b'},'b':{'$ref':'#/definitions/a'}},"
            + "'$ref':'#/definitions/a'}", "refers to itself"),
        // only the meta-schema knows these; checked on registration (validate=true)
        row("{'type':'string','minLength':-1}", "minLength"),
        row("{'type':'object','required':['a','a']}", "required"),
        row("{'$schema':'https://json-schema.org/draft/2020-12/schema','$defs':3}", "$defs"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void refusedWithConfluentsMessageAndOurReason(String schema, String reason) {
    InvalidSchemaException e = catchThrowableOfType(InvalidSchemaException.class,
        () -> Schemas.FORMAT.parse(SchemaSource.of(Schemas.json(schema))));
    assertThat(e).as(schema).isNotNull();
    assertThat(e.getMessage()).isEqualTo(JsonSchemaFormat.INVALID_SCHEMA);
    assertThat(Schemas.reason(e)).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"type\":", "{\"type\":\"string\"} trailing", "{'type':'string'}",
      "NaN x"})
  void textThatIsNotJsonIsInvalidJson(String text) {
    assertThatThrownBy(() -> Schemas.FORMAT.parse(SchemaSource.of(text)))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessage("Invalid JSON " + text);
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
        .hasMessage(JsonSchemaFormat.INVALID_SCHEMA);
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
        .hasMessage(JsonSchemaFormat.INVALID_SCHEMA);
  }

  private static Arguments row(String schema, String reason) {
    return Arguments.of(schema, reason);
  }
}
