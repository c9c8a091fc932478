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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Request bodies from ../shared/conformance scenario reg-body, jackson-coercion and config-global. */
class RequestBodiesTest {

  @ParameterizedTest(name = "[{0}] -> 400")
  @ValueSource(strings = {
      "{", "[]", "\"string\"", "42", "not json",
      "{\"schema\": {\"type\": \"string\"}}",
      "{\"schema\": \"x\", \"references\": {}}",
      "{\"schema\": \"x\", \"references\": \"x\"}",
      "{\"schema\": \"x\", \"version\": \"x\"}",
      "{\"schema\": \"x\", \"id\": \"x\"}",
      "{\"schema\": \"x\", \"version\": true}",
      "{\"schema\": \"x\", \"version\": 99999999999}",
      "{\"schema\": \"x\", \"metadata\": {\"properties\": {\"k\": {}}}}",
      "{\"schema\": \"x\", \"metadata\": {\"tags\": {\"f\": \"PII\"}}}",
      "{\"schema\": \"x\", \"metadata\": {\"sensitive\": \"k\"}}",
      "{\"schema\": \"x\", \"metadata\": \"x\"}",
      "{\"schema\": \"x\", \"ruleSet\": \"x\"}",
      "{\"schema\": \"x\", \"ruleSet\": {\"domainRules\": [{\"name\": \"r\", \"kind\": \"BOGUS\"}]}}",
      "{\"schema\": \"x\", \"ruleSet\": {\"domainRules\": [{\"name\": \"r\", \"mode\": \"SOMETIMES\"}]}}",
  })
  void malformedOrMistypedBodiesAre400(String body) {
    assertThatThrownBy(() -> RequestBodies.schemaRequest(Buffer.buffer(body), "register.arg5"))
        .isInstanceOfSatisfying(EdgeException.class, e -> {
          assertThat(e.code()).isEqualTo(EdgeError.BAD_REQUEST);
          assertThat(e.getMessage()).doesNotContain("dev.stele").isNotBlank();
        });
  }

  @ParameterizedTest(name = "[{0}] -> 422")
  @ValueSource(strings = {"", "   ", "\n", "null", " null "})
  void missingBodiesAre422NamingTheParameter(String body) {
    assertThatThrownBy(() -> RequestBodies.schemaRequest(Buffer.buffer(body), "register.arg5"))
        .isInstanceOfSatisfying(EdgeException.class, e -> {
          assertThat(e.code()).isEqualTo(EdgeError.UNPROCESSABLE);
          assertThat(e.getMessage()).isEqualTo("register.arg5 must not be null (was null)");
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "type `java.util.ArrayList<dev.stele.http.RequestTypes$SchemaReference>` from | type `ArrayList<SchemaReference>` from",
      "instance of `dev.stele.http.RequestTypes$Metadata` (although | instance of `Metadata` (although",
      "values accepted for Enum class: [DOWNGRADE, READ] | values accepted for Enum class: [DOWNGRADE, READ]",
      "Numeric value (99999999999) out of range of int | Numeric value (99999999999) out of range of int",
      "from String \"a.b.c\": not | from String \"a.b.c\": not",
      "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled) | [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)",
  })
  void typeNamesLoseTheirPackages(String message, String simplified) {
    assertThat(RequestBodies.simpleTypeNames(message)).isEqualTo(simplified);
  }

  @Test
  void jacksonMessagesCarryNoSourceLocation() {
    assertThatThrownBy(() -> RequestBodies.schemaRequest(Buffer.buffer("{\"schema\": \"x\", \"version\": \"x\"}"), "p"))
        .hasMessage("Cannot deserialize value of type `Integer` from String \"x\": not a valid `Integer` value");
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
    RegisterSchemaRequest request = RequestBodies.schemaRequest(Buffer.buffer(body), "p");
    assertThat(request.schema()).isEqualTo(schema);
    assertThat(request.version()).isEqualTo(version);
    assertThat(request.id()).isEqualTo(id);
  }

  @Test
  void schemaTypeScalarsBecomeTextForTheServiceToJudge() {
    assertThat(RequestBodies.schemaRequest(Buffer.buffer("{\"schemaType\": 5}"), "p").schemaType()).isEqualTo("5");
    assertThat(RequestBodies.schemaRequest(Buffer.buffer("{\"schemaType\": true}"), "p").schemaType()).isEqualTo("true");
    assertThat(RequestBodies.schemaRequest(Buffer.buffer("{\"schemaType\": null}"), "p").schemaType()).isNull();
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
        Buffer.buffer("{\"schema\": \"\\\"int\\\"\", \"references\": " + refs + "}"), "p");
    assertThatThrownBy(() -> RequestBodies.payload("subj", request))
        .isInstanceOfSatisfying(RegistryException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA);
          assertThat(e.getMessage())
              .startsWith("Invalid schema {subject=subj,version=0,id=-1,schemaType=AVRO,references=[" + described + "]")
              .endsWith(" of type AVRO, details: Invalid reference: " + described);
        });
  }

  /** ../shared/conformance scenario jackson-coercion #18: the Confluent registry's details are an NPE's text. */
  @Test
  void aNullReferenceIs42201WithTheRegistrysDetails() {
    RegisterSchemaRequest request = RequestBodies.schemaRequest(
        Buffer.buffer("{\"schema\": \"\\\"int\\\"\", \"references\": [null]}"), "p");
    assertThatThrownBy(() -> RequestBodies.payload("subj", request))
        .isInstanceOf(RegistryException.class)
        .hasMessage("Invalid schema {subject=subj,version=0,id=-1,schemaType=AVRO,references=[null],"
            + "metadata=null,ruleSet=null,schema=\"int\",schemaTags=null} with refs [null] of type AVRO,"
            + " details: Cannot invoke \"io.confluent.kafka.schemaregistry.client.rest.entities"
            + ".SchemaReference.getName()\" because \"reference\" is null");
  }

  @Test
  void configUpdateKeepsTheLevelTextAndCoercesScalars() {
    ConfigUpdateRequest request = RequestBodies.configUpdate(Buffer.buffer(
        "{\"compatibility\": \"backward\", \"normalize\": \"true\", \"validateFields\": 0, \"alias\": 5,"
            + " \"compatibilityLevel\": \"FORWARD\", \"defaultMetadata\": {\"properties\": {\"a\": 1}}}"),
        "updateTopLevelConfig.arg1");
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
    ConfigUpdateRequest request = RequestBodies.configUpdate(Buffer.buffer("{\"compatibility\": " + level + "}"), "p");
    assertThatThrownBy(() -> RequestBodies.config(request))
        .isInstanceOfSatisfying(EdgeException.class,
            e -> assertThat(e.code()).isEqualTo(EdgeError.INVALID_COMPATIBILITY_LEVEL));
  }

  @Test
  void nullLevelIsNoChangeAndEchoesAsEmpty() {
    ConfigUpdateRequest request = RequestBodies.configUpdate(Buffer.buffer("{\"compatibility\": null}"), "p");
    assertThat(RequestBodies.config(request)).isEqualTo(Config.EMPTY);
    assertThat(Render.echo(request).toString()).isEqualTo("{}");
  }

  @ParameterizedTest(name = "[{0}] -> 400")
  @ValueSource(strings = {"{\"normalize\": \"yes\"}", "[]", "\"x\"", "{"})
  void badConfigBodiesAre400(String body) {
    assertThatThrownBy(() -> RequestBodies.configUpdate(Buffer.buffer(body), "p"))
        .isInstanceOfSatisfying(EdgeException.class, e -> assertThat(e.code()).isEqualTo(EdgeError.BAD_REQUEST));
  }

  @Test
  void modeTextIsKeptAsSent() {
    assertThat(RequestBodies.modeUpdate(Buffer.buffer("{\"mode\": \"ReadOnly\", \"extra\": 1}"), "p").mode())
        .isEqualTo("ReadOnly");
    assertThat(RequestBodies.modeUpdate(Buffer.buffer("{\"mode\": 5}"), "p").mode()).isEqualTo("5");
    assertThat(RequestBodies.modeUpdate(Buffer.buffer("{}"), "p").mode()).isNull();
  }

  @ParameterizedTest(name = "POST / [{0}]")
  @ValueSource(strings = {"", "{}", "{\"a\": \"b\"}", "{\"a\": 1}"})
  void rootAcceptsStringMapsAndNothing(String body) {
    RequestBodies.rootBody(Buffer.buffer(body));
  }

  @ParameterizedTest(name = "POST / [{0}] -> 400")
  @ValueSource(strings = {"[]", "{\"a\": {}}", "not json"})
  void rootRefusesOtherShapes(String body) {
    assertThatThrownBy(() -> RequestBodies.rootBody(Buffer.buffer(body)))
        .isInstanceOfSatisfying(EdgeException.class, e -> assertThat(e.code()).isEqualTo(EdgeError.BAD_REQUEST));
  }

  @Test
  void deepNestingIsABadRequestNotAStackOverflow() {
    String deep = "{\"schema\": \"x\", \"unknown\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThatThrownBy(() -> RequestBodies.schemaRequest(Buffer.buffer(deep), "p"))
        .isInstanceOfSatisfying(EdgeException.class, e -> assertThat(e.code()).isEqualTo(EdgeError.BAD_REQUEST));
    String deepRoot = "[".repeat(100_000);
    assertThatThrownBy(() -> RequestBodies.rootBody(Buffer.buffer(deepRoot)))
        .isInstanceOfSatisfying(EdgeException.class, e -> assertThat(e.code()).isEqualTo(EdgeError.BAD_REQUEST));
  }

  @Test
  void invalidUtf8IsABadRequest() {
    Buffer body = Buffer.buffer("{\"schema\": \"").appendBytes(new byte[] {(byte) 0xff, (byte) 0xfe})
        .appendString("\"}");
    assertThatThrownBy(() -> RequestBodies.schemaRequest(body, "p"))
        .isInstanceOfSatisfying(EdgeException.class, e -> assertThat(e.code()).isEqualTo(EdgeError.BAD_REQUEST));
  }

  @Test
  void payloadKeepsTheSchemaAndTypeAsSent() {
    SchemaPayload payload = payload("{\"schema\": \"  x \"}");
    assertThat(payload).isEqualTo(new SchemaPayload("  x ", null, List.of(), null, null));
  }

  private static SchemaPayload payload(String body) {
    return RequestBodies.payload("s", RequestBodies.schemaRequest(Buffer.buffer(body), "p"));
  }
}
