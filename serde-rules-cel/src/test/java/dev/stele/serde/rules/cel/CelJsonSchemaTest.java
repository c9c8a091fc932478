package dev.stele.serde.rules.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.jsonschema.KafkaJsonSchemaDeserializer;
import dev.stele.serde.jsonschema.KafkaJsonSchemaSerializer;
import dev.stele.serde.rules.RuleFailedException;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CEL and CEL_FIELD rules on JSON Schema data, trees and POJOs, through the real serdes and a real server. */
class CelJsonSchemaTest {
  static final String STUDENT = "{\"title\":\"Student\",\"type\":\"object\",\"properties\":{"
      + "\"name\":{\"type\":\"string\"},\"class\":{\"type\":\"integer\"},"
      + "\"ssn\":{\"type\":\"string\",\"confluent:tags\":[\"PII\"]},"
      + "\"address\":{\"$ref\":\"#/definitions/Address\"}},"
      + "\"definitions\":{\"Address\":{\"type\":\"object\",\"properties\":{\"zip\":{\"type\":\"string\"}}}}}";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  /** A POJO for the same schema; Java has no field named {@code class}. */
  public record Student(String name, @JsonProperty("class") int klass, String ssn) {}

  static void register(String subject, Rule... rules) throws Exception {
    REGISTRY.client().register(subject, SchemaDefinition.of(SchemaDefinition.JSON, STUDENT).withContract(null,
        RuleSet.domain(List.of(rules))));
  }

  static <T> KafkaJsonSchemaSerializer<T> serializer() {
    KafkaJsonSchemaSerializer<T> serializer = new KafkaJsonSchemaSerializer<>();
    serializer.configure(REGISTRY.configs("auto.register.schemas", false, "use.latest.version", true,
        "latest.compatibility.strict", false), false);
    return serializer;
  }

  static JsonNode read(String topic, byte[] bytes) {
    KafkaJsonSchemaDeserializer<JsonNode> deserializer = new KafkaJsonSchemaDeserializer<>();
    deserializer.configure(REGISTRY.configs(), false);
    return deserializer.deserialize(topic, bytes);
  }

  @Test
  void aConditionRefusesABadTreeAndABadPojo() throws Exception {
    register("jstudents-value", Rule.of("checkClass", RuleKind.CONDITION, RuleMode.WRITE, "CEL", "message.class > 0"));
    KafkaJsonSchemaSerializer<Object> serializer = serializer();
    assertThat(serializer.serialize("jstudents", JSON.readTree("{\"name\":\"Ann\",\"class\":2,\"ssn\":\"1\"}")))
        .isNotNull();
    assertThat(serializer.serialize("jstudents", new Student("Ann", 2, "1"))).isNotNull();
    assertThatThrownBy(() -> serializer.serialize("jstudents", JSON.readTree("{\"name\":\"Bob\",\"class\":0}")))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: checkClass")
        .cause().hasMessage("Expr failed: 'message.class > 0'");
    assertThatThrownBy(() -> serializer.serialize("jstudents", new Student("Bob", -4, "1")))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: checkClass");
  }

  @Test
  void aFieldTransformMasksTheInlineTaggedPropertyOfAPojo() throws Exception {
    register("jmasked-value", Rule.of("mask", RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD",
        "typeName == 'STRING' ; 'XXX-XX-' + value.substring(7)").withTags(Set.of("PII")));
    byte[] bytes = serializer().serialize("jmasked", new Student("Ann", 3, "123-45-6789"));
    JsonNode read = read("jmasked", bytes);
    assertThat(read.get("ssn").asText()).isEqualTo("XXX-XX-6789");
    assertThat(read.get("name").asText()).isEqualTo("Ann");
    assertThat(read.get("class").asInt()).isEqualTo(3);
  }

  @Test
  void metadataTagsReachPropertiesBehindReferencesByTheirDollarPath() throws Exception {
    REGISTRY.client().register("jzip-value", SchemaDefinition.of(SchemaDefinition.JSON, STUDENT).withContract(
        new dev.stele.client.Metadata(Map.of("$.address.zip", Set.of("LOCATION")), Map.of(), Set.of()),
        RuleSet.domain(List.of(Rule.of("zip", RuleKind.CONDITION, RuleMode.WRITE, "CEL_FIELD", "size(value) == 5")
            .withTags(Set.of("LOCATION"))))));
    KafkaJsonSchemaSerializer<JsonNode> serializer = serializer();
    assertThat(serializer.serialize("jzip", JSON.readTree("{\"name\":\"A\",\"address\":{\"zip\":\"12345\"}}")))
        .isNotNull();
    assertThatThrownBy(() -> serializer.serialize("jzip", JSON.readTree("{\"address\":{\"zip\":\"123\"}}")))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: zip");
  }

  @Test
  void readRulesRunInTheDeserializerAndCanRewriteFields() throws Exception {
    register("jread-value", Rule.of("upper", RuleKind.TRANSFORM, RuleMode.READ, "CEL_FIELD",
        "name == 'name' ; value.upperAscii()"));
    byte[] bytes = serializer().serialize("jread", JSON.readTree("{\"name\":\"ann\",\"class\":1}"));
    assertThat(read("jread", bytes).get("name").asText()).isEqualTo("ANN");
  }
}
