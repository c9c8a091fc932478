package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.http.RequestTypes.ConfigUpdateRequest;
import dev.stele.http.RequestTypes.RegisterSchemaRequest;
import dev.stele.registry.log.ContractCodec;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.SchemaReference;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request bodies from ../shared/conformance scenario reg-body, jackson-coercion and config-global:
 * Confluent's statuses and error codes, our own words (issue #17).
 */
class RequestBodiesTest {

  /** Each bad body: 400, and a sentence naming the field and what it must be (issue #17). */
  @ParameterizedTest(name = "[{0}] -> 400 {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{ | not JSON (unexpected end of input at line 1, column 2)",
      "{\"schema\": \"x\" | not JSON (unexpected end of input at line 1, column 15)",
      "not json | not JSON (unexpected text 'not' at line 1, column 5)",
      "{\"a\" 1} | not JSON (unexpected character '1' at line 1, column 6)",
      "[] | the body must be a JSON object",
      "\"string\" | the body must be a JSON object",
      "42 | the body must be a JSON object",
      "{\"schema\": {\"type\": \"string\"}} | field \"schema\" must be a string",
      "{\"schema\": \"x\", \"schemaType\": []} | field \"schemaType\" must be a string",
      "{\"schema\": \"x\", \"references\": {}} | field \"references\" must be an array",
      "{\"schema\": \"x\", \"references\": \"x\"} | field \"references\" must be an array",
      "{\"schema\": \"x\", \"references\": [{\"name\": \"a\", \"version\": []}]} | field \"references[0].version\" must be an integer",
      "{\"schema\": \"x\", \"references\": [1]} | field \"references[0]\" must be an object",
      "{\"schema\": \"x\", \"version\": \"x\"} | field \"version\" must be an integer",
      "{\"schema\": \"x\", \"id\": \"x\"} | field \"id\" must be an integer",
      "{\"schema\": \"x\", \"version\": true} | field \"version\" must be an integer",
      "{\"schema\": \"x\", \"version\": 99999999999} | field \"version\" must be an integer between -2147483648 and 2147483647",
      "{\"schema\": \"x\", \"metadata\": {\"properties\": {\"k\": {}}}} | field \"metadata.properties.k\" must be a string",
      "{\"schema\": \"x\", \"metadata\": {\"tags\": {\"f\": \"PII\"}}} | field \"metadata.tags.f\" must be an array",
      "{\"schema\": \"x\", \"metadata\": {\"sensitive\": \"k\"}} | field \"metadata.sensitive\" must be an array",
      "{\"schema\": \"x\", \"metadata\": \"x\"} | field \"metadata\" must be an object",
      "{\"schema\": \"x\", \"ruleSet\": \"x\"} | field \"ruleSet\" must be an object",
      "{\"schema\": \"x\", \"ruleSet\": {\"domainRules\": [{\"name\": \"r\", \"kind\": \"BOGUS\"}]}} | field \"ruleSet.domainRules[0].kind\" must be one of TRANSFORM, CONDITION",
      "{\"schema\": \"x\", \"ruleSet\": {\"domainRules\": [{\"name\": \"r\", \"mode\": \"SOMETIMES\"}]}} | field \"ruleSet.domainRules[0].mode\" must be one of UPGRADE, DOWNGRADE, UPDOWN, WRITE, READ, WRITEREAD",
      "{\"schema\": \"x\", \"ruleSet\": {\"domainRules\": [{\"disabled\": \"maybe\"}]}} | field \"ruleSet.domainRules[0].disabled\" must be true or false",
  })
  void malformedOrMistypedBodiesAre400SayingWhatIsWrong(String body, String problem) {
    assertBadRequest(() -> RequestBodies.schemaRequest(Buffer.buffer(body)), problem);
  }

  @ParameterizedTest(name = "[{0}] -> 422")
  @ValueSource(strings = {"", "   ", "\n", "null", " null "})
  void missingBodiesAre422(String body) {
    assertThatThrownBy(() -> RequestBodies.schemaRequest(Buffer.buffer(body)))
        .isInstanceOfSatisfying(EdgeException.class, e -> {
          assertThat(e.code()).isEqualTo(EdgeError.UNPROCESSABLE);
          assertThat(e.getMessage()).isEqualTo("Invalid request body: the body is required");
        });
    assertThatThrownBy(() -> RequestBodies.configUpdate(Buffer.buffer(body)))
        .hasMessage("Invalid request body: the body is required");
    assertThatThrownBy(() -> RequestBodies.modeUpdate(Buffer.buffer(body)))
        .hasMessage("Invalid request body: the body is required");
  }

  @Test
  void theLineAndColumnAreWhereTheTextGoesWrong() {
    assertThatThrownBy(() -> RequestBodies.schemaRequest(Buffer.buffer("{\"schema\": \"x\",\n \"id\": 1,\n}")))
        .hasMessage("Invalid request body: not JSON (unexpected character '}' at line 3, column 1)");
  }

  @Test
  void aLongUnreadableTokenIsQuotedShort() {
    String body = "x".repeat(5_000);
    assertThatThrownBy(() -> RequestBodies.schemaRequest(Buffer.buffer(body)))
        .hasMessage("Invalid request body: not JSON (unexpected text '" + "x".repeat(40)
            + "...' at line 1, column 257)");
  }

  @ParameterizedTest(name = "[{0}] -> schema={1} version={2} id={3}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "{\"schema\": \"\\\"int\\\"\", \"version\": \"1\"} | \"int\" | 1 | NULL",
      "{\"schema\": \"\\\"int\\\"\", \"version\": 1.7} | \"int\" | 1 | NULL",
      "{\"schema\": \"\\\"int\\\"\", \"version\": \"\"} | \"int\" | NULL | NULL",
      "{\"schema\": \"\\\"int\\\"\", \"id\": \"-1\"} | \"int\" | NULL | -1",
      "{\"schema\": 42} | 42 | NULL | NULL",
      "{\"schema\": true} | true | NULL | NULL",
      "{\"schema\": 1.5} | 1.5 | NULL | NULL",
      "{\"schema\": null} | NULL | NULL | NULL",
      "{} | NULL | NULL | NULL",
      "{\"schema\": \"x\", \"unknownField\": 1} | x | NULL | NULL",
      "{\"schema\":\"a\",\"schema\":\"b\"} | b | NULL | NULL",
  })
  void scalarsAreCoercedAsConfluentsJacksonDoes(String body, String schema, Integer version, Integer id) {
    RegisterSchemaRequest request = RequestBodies.schemaRequest(Buffer.buffer(body));
    assertThat(request.schema()).isEqualTo(schema);
    assertThat(request.version()).isEqualTo(version);
    assertThat(request.id()).isEqualTo(id);
  }

  @Test
  void schemaTypeScalarsBecomeTextForTheServiceToJudge() {
    assertThat(RequestBodies.schemaRequest(Buffer.buffer("{\"schemaType\": 5}")).schemaType()).isEqualTo("5");
    assertThat(RequestBodies.schemaRequest(Buffer.buffer("{\"schemaType\": true}")).schemaType()).isEqualTo("true");
    assertThat(RequestBodies.schemaRequest(Buffer.buffer("{\"schemaType\": null}")).schemaType()).isNull();
  }

  @Test
  void metadataIsCanonicalSortedAndCoerced() {
    SchemaPayload payload = payload("{\"schema\": \"s\", \"metadata\": {\"sensitive\": [\"b\", \"a\", \"a\"],"
        + " \"properties\": {\"z\": 1, \"a\": \"x\"}, \"tags\": {\"f\": [\"T2\", \"T1\"]}, \"unknown\": 1}}");
    assertThat(payload.metadata().text()).isEqualTo(
        "{\"tags\":{\"f\":[\"T1\",\"T2\"]},\"properties\":{\"a\":\"x\",\"z\":\"1\"},\"sensitive\":[\"a\",\"b\"]}");
    // The core writes merged metadata in the same form, so equal metadata has equal text (and id).
    assertThat(ContractCodec.canonicalMetadata(payload.metadata())).isEqualTo(payload.metadata());
  }

  @Test
  void emptyMetadataStaysPresentButEmpty() {
    assertThat(payload("{\"schema\": \"s\", \"metadata\": {\"unknown\": 1}}").metadata().text()).isEqualTo("{}");
    assertThat(payload("{\"schema\": \"s\", \"metadata\": {\"properties\": {}}}").metadata().text()).isEqualTo("{}");
    assertThat(payload("{\"schema\": \"s\", \"metadata\": null}").metadata()).isNull();
  }

  @Test
  void ruleSetIsCanonical() {
    SchemaPayload payload = payload("{\"schema\": \"s\", \"ruleSet\": {\"domainRules\": [{\"name\": \"r\","
        + " \"kind\": \"CONDITION\", \"type\": \"CEL\", \"mode\": \"WRITE\", \"expr\": \"true\","
        + " \"params\": {\"b\": 2, \"a\": \"1\"}}]}}");
    assertThat(payload.ruleSet().text()).isEqualTo("{\"domainRules\":[{\"name\":\"r\",\"kind\":\"CONDITION\","
        + "\"mode\":\"WRITE\",\"type\":\"CEL\",\"params\":{\"a\":\"1\",\"b\":\"2\"},\"expr\":\"true\",\"disabled\":false}]}");
    assertThat(ContractCodec.canonicalRuleSet(payload.ruleSet())).isEqualTo(payload.ruleSet());
  }

  @Test
  void referencesBecomeDomainReferences() {
    SchemaPayload payload = payload("{\"schema\": \"s\", \"schemaType\": \"JSON\", \"references\":"
        + " [{\"name\": \"a.json\", \"subject\": \"a\", \"version\": \"2\"}]}");
    assertThat(payload.references()).containsExactly(new SchemaReference("a.json", "a", 2));
    assertThat(payload.schemaType()).isEqualTo("JSON");
    assertThat(payload("{\"schema\": \"s\", \"references\": null}").references()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[{\"name\": \"com.x.Dep\", \"subject\": \"dep\"}] | {name='com.x.Dep', subject='dep', version=null}",
      "[{\"name\": \"com.x.Dep\", \"version\": 1}] | {name='com.x.Dep', subject='null', version=1}",
      "[{\"subject\": \"dep\", \"version\": 1}] | {name='null', subject='dep', version=1}",
  })
  void incompleteReferencesAre42201InTheRegistrysWords(String refs, String described) {
    RegisterSchemaRequest request = RequestBodies.schemaRequest(
        Buffer.buffer("{\"schema\": \"\\\"int\\\"\", \"references\": " + refs + "}"));
    assertThatThrownBy(() -> RequestBodies.payload("subj", request))
        .isInstanceOfSatisfying(RegistryException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA);
          assertThat(e.getMessage())
              .startsWith("Invalid schema {subject=subj,version=0,id=-1,schemaType=AVRO,references=[" + described + "]")
              .endsWith(" of type AVRO, details: Invalid reference: " + described);
        });
  }

  /** ../shared/conformance scenario jackson-coercion #18, where Confluent's details are an NPE's text. */
  @Test
  void aNullReferenceIs42201NamingTheElement() {
    RegisterSchemaRequest request = RequestBodies.schemaRequest(
        Buffer.buffer("{\"schema\": \"\\\"int\\\"\", \"references\": [null]}"));
    assertThatThrownBy(() -> RequestBodies.payload("subj", request))
        .isInstanceOf(RegistryException.class)
        .hasMessage("Invalid schema {subject=subj,version=0,id=-1,schemaType=AVRO,references=[null],"
            + "metadata=null,ruleSet=null,schema=\"int\",schemaTags=null} with refs [null] of type AVRO,"
            + " details: Invalid reference: references[0] is null");
  }

  @Test
  void configUpdateKeepsTheLevelTextAndCoercesScalars() {
    ConfigUpdateRequest request = RequestBodies.configUpdate(Buffer.buffer(
        "{\"compatibility\": \"backward\", \"normalize\": \"true\", \"validateFields\": 0, \"alias\": 5,"
            + " \"compatibilityLevel\": \"FORWARD\", \"defaultMetadata\": {\"properties\": {\"a\": 1}}}"));
    assertThat(request.compatibility()).isEqualTo("backward");
    assertThat(Render.echo(request).toString()).isEqualTo("{\"alias\":\"5\",\"normalize\":true,"
        + "\"validateFields\":false,\"compatibility\":\"backward\",\"defaultMetadata\":{\"properties\":{\"a\":\"1\"}}}");
    Config config = RequestBodies.config(request);
    assertThat(config.compatibilityLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(config.normalize()).isTrue();
    assertThat(config.validateFields()).isFalse();
    assertThat(config.alias()).isEqualTo("5");
    assertThat(config.defaultMetadata().text()).isEqualTo("{\"properties\":{\"a\":\"1\"}}");
  }

  @ParameterizedTest(name = "compatibility {0} -> 42203")
  @ValueSource(strings = {"\"NOPE\"", "\"\"", "5", "true"})
  void unknownLevelsAre42203(String level) {
    ConfigUpdateRequest request = RequestBodies.configUpdate(Buffer.buffer("{\"compatibility\": " + level + "}"));
    assertThatThrownBy(() -> RequestBodies.config(request))
        .isInstanceOfSatisfying(EdgeException.class,
            e -> assertThat(e.code()).isEqualTo(EdgeError.INVALID_COMPATIBILITY_LEVEL));
  }

  @Test
  void nullLevelIsNoChangeAndEchoesAsEmpty() {
    ConfigUpdateRequest request = RequestBodies.configUpdate(Buffer.buffer("{\"compatibility\": null}"));
    assertThat(RequestBodies.config(request)).isEqualTo(Config.EMPTY);
    assertThat(Render.echo(request).toString()).isEqualTo("{}");
  }

  @ParameterizedTest(name = "[{0}] -> 400 {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"normalize\": \"yes\"} | field \"normalize\" must be true or false",
      "{\"compatibility\": {}} | field \"compatibility\" must be a string",
      "{\"defaultMetadata\": []} | field \"defaultMetadata\" must be an object",
      "[] | the body must be a JSON object",
      "\"x\" | the body must be a JSON object",
      "{ | not JSON (unexpected end of input at line 1, column 2)",
  })
  void badConfigBodiesAre400(String body, String problem) {
    assertBadRequest(() -> RequestBodies.configUpdate(Buffer.buffer(body)), problem);
  }

  @Test
  void badModeBodiesAre400() {
    assertBadRequest(() -> RequestBodies.modeUpdate(Buffer.buffer("{\"mode\": []}")),
        "field \"mode\" must be a string");
  }

  @Test
  void modeTextIsKeptAsSent() {
    assertThat(RequestBodies.modeUpdate(Buffer.buffer("{\"mode\": \"ReadOnly\", \"extra\": 1}")).mode())
        .isEqualTo("ReadOnly");
    assertThat(RequestBodies.modeUpdate(Buffer.buffer("{\"mode\": 5}")).mode()).isEqualTo("5");
    assertThat(RequestBodies.modeUpdate(Buffer.buffer("{}")).mode()).isNull();
  }

  @ParameterizedTest(name = "POST / [{0}]")
  @ValueSource(strings = {"", "{}", "{\"a\": \"b\"}", "{\"a\": 1}"})
  void rootAcceptsStringMapsAndNothing(String body) {
    RequestBodies.rootBody(Buffer.buffer(body));
  }

  @ParameterizedTest(name = "POST / [{0}] -> 400 {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "[] | the body must be a JSON object",
      "{\"a\": {}} | field \"a\" must be a string",
      "not json | not JSON (unexpected text 'not' at line 1, column 5)",
  })
  void rootRefusesOtherShapes(String body, String problem) {
    assertBadRequest(() -> RequestBodies.rootBody(Buffer.buffer(body)), problem);
  }

  @Test
  void deepNestingIsABadRequestNotAStackOverflow() {
    String deep = "{\"schema\": \"x\", \"unknown\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertBadRequest(() -> RequestBodies.schemaRequest(Buffer.buffer(deep)), "nested deeper than 1000 levels");
    String deepRoot = "{\"a\": " + "[".repeat(100_000);
    assertBadRequest(() -> RequestBodies.rootBody(Buffer.buffer(deepRoot)), "field \"a\" must be a string");
    String deepObjects = "{\"a\": " + "{\"a\": ".repeat(100_000);
    assertBadRequest(() -> RequestBodies.modeUpdate(Buffer.buffer(deepObjects)), "nested deeper than 1000 levels");
  }

  @Test
  void invalidUtf8IsABadRequest() {
    Buffer body = Buffer.buffer("{\"schema\": \"").appendBytes(new byte[] {(byte) 0xff, (byte) 0xfe})
        .appendString("\"}");
    assertBadRequest(() -> RequestBodies.schemaRequest(body), "not valid UTF-8 (at line 1, column 14)");
  }

  @Test
  void payloadKeepsTheSchemaAndTypeAsSent() {
    SchemaPayload payload = payload("{\"schema\": \"  x \"}");
    assertThat(payload).isEqualTo(new SchemaPayload("  x ", null, List.of(), null, null));
  }

  /** The call fails as a 400 whose message is "Invalid request body: " and the problem. */
  private static void assertBadRequest(ThrowingCallable call, String problem) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(EdgeException.class, e -> assertThat(e.code()).isEqualTo(EdgeError.BAD_REQUEST))
        .hasMessage("Invalid request body: " + problem);
  }

  private static SchemaPayload payload(String body) {
    return RequestBodies.payload("s", RequestBodies.schemaRequest(Buffer.buffer(body)));
  }
}
