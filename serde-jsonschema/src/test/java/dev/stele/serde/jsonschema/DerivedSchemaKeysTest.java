package dev.stele.serde.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JSON Schema keys that shape what a serializer writes for a POJO and how a deserializer
 * binds it: {@code json.oneof.for.nullables}, {@code json.schema.spec.version},
 * {@code json.write.dates.iso8601}, {@code json.fail.unknown.properties}. Each test writes with
 * the key off and on through the real serdes and server, and reads back what the registry holds.
 */
class DerivedSchemaKeysTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Person ANN = new Person(null, 7, List.of("a"));
  static final Date AT = new Date(1_700_000_000_000L);

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  static <T> KafkaJsonSchemaSerializer<T> serializer(Object... pairs) {
    return REGISTRY.serializer(new KafkaJsonSchemaSerializer<T>(), pairs);
  }

  static <T> KafkaJsonSchemaDeserializer<T> deserializer(Object... pairs) {
    return REGISTRY.deserializer(new KafkaJsonSchemaDeserializer<T>(), pairs);
  }

  /** The schema the registry holds for the topic's value subject. */
  static JsonNode registered(String topic) throws Exception {
    return JSON.readTree(REGISTRY.client().getLatest(topic + "-value").schema().text());
  }

  static JsonNode payload(byte[] bytes) throws Exception {
    return JSON.readTree(Arrays.copyOfRange(bytes, 5, bytes.length));
  }

  @Test
  void nullablePropertiesAreOneOfByDefaultAndATypeUnionWhenOff() throws Exception {
    // Validation on: a null name must pass either way, as Jackson writes it.
    serializer(JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, true).serialize("oneof-on", ANN);
    JsonNode on = registered("oneof-on").at("/properties/name");
    assertThat(on.toString())
        .isEqualTo("{\"oneOf\":[{\"type\":\"null\",\"title\":\"Not included\"},{\"type\":\"string\"}]}");
    serializer(JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, true, JsonSchemaSerdeConfig.ONEOF_FOR_NULLABLES, false)
        .serialize("oneof-off", ANN);
    JsonNode off = registered("oneof-off").at("/properties/name");
    assertThat(off.toString()).isEqualTo("{\"type\":[\"string\",\"null\"]}");
    // A primitive is never null in either form.
    assertThat(registered("oneof-on").at("/properties/age").toString()).isEqualTo("{\"type\":\"integer\"}");
  }

  @Test
  void theSpecVersionNamesTheDraftOfDerivedSchemas() throws Exception {
    serializer().serialize("draft-default", ANN);
    assertThat(registered("draft-default").get("$schema").asText())
        .isEqualTo("http://json-schema.org/draft-07/schema#");
    serializer(JsonSchemaSerdeConfig.SCHEMA_SPEC_VERSION, "draft_4").serialize("draft-4", ANN);
    assertThat(registered("draft-4").get("$schema").asText()).isEqualTo("http://json-schema.org/draft-04/schema#");
    serializer(JsonSchemaSerdeConfig.SCHEMA_SPEC_VERSION, "DRAFT_2019_09", JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA,
        true).serialize("draft-2019", ANN);
    assertThat(registered("draft-2019").get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2019-09/schema");
    assertThatThrownBy(() -> serializer(JsonSchemaSerdeConfig.SCHEMA_SPEC_VERSION, "draft_3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("json.schema.spec.version=draft_3 is not supported: use draft_4, draft_6, draft_7 or"
            + " draft_2019_09");
  }

  @Test
  void datesAreEpochMillisecondsByDefaultAndIsoStringsWhenAsked() throws Exception {
    Event event = new Event("launch", AT);
    byte[] millis = serializer(JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, true).serialize("dates-millis", event);
    assertThat(payload(millis).get("at").asLong()).isEqualTo(1_700_000_000_000L);
    assertThat(registered("dates-millis").at("/properties/at/oneOf/1").toString()).isEqualTo("{\"type\":\"integer\"}");

    byte[] iso = serializer(JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, true,
        JsonSchemaSerdeConfig.WRITE_DATES_AS_ISO8601, true).serialize("dates-iso", event);
    assertThat(payload(iso).get("at").asText()).isEqualTo("2023-11-14T22:13:20.000+00:00");
    assertThat(registered("dates-iso").at("/properties/at/oneOf/1").toString())
        .isEqualTo("{\"type\":\"string\",\"format\":\"date-time\"}");

    KafkaJsonSchemaDeserializer<Event> reader = deserializer(JsonSchemaSerdeConfig.VALUE_TYPE, Event.class.getName(),
        JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, true);
    assertThat(reader.deserialize("dates-millis", millis)).isEqualTo(event);
    assertThat(reader.deserialize("dates-iso", iso)).isEqualTo(event);
  }

  @Test
  void unknownPropertiesFailBindingAndCloseDerivedSchemasUnlessOff() throws Exception {
    String open = "{\"type\":\"object\",\"title\":\"Person\"}";
    JsonNode extra = JSON.readTree("{\"name\":\"ann\",\"age\":7,\"tags\":[],\"nickname\":\"a\"}");
    byte[] bytes = serializer(JsonSchemaSerdeConfig.SCHEMA, open).serialize("unknown", extra);
    assertThatThrownBy(() -> deserializer(JsonSchemaSerdeConfig.VALUE_TYPE, Person.class.getName())
        .deserialize("unknown", bytes)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot be read as " + Person.class.getName()).hasMessageContaining("nickname");
    Person read = DerivedSchemaKeysTest.<Person>deserializer(JsonSchemaSerdeConfig.VALUE_TYPE, Person.class.getName(),
        JsonSchemaSerdeConfig.FAIL_UNKNOWN_PROPERTIES, false).deserialize("unknown", bytes);
    assertThat(read.getName()).isEqualTo("ann");
    assertThat(read.getAge()).isEqualTo(7);

    serializer().serialize("closed", ANN);
    assertThat(registered("closed").get("additionalProperties").asBoolean(true)).isFalse();
    serializer(JsonSchemaSerdeConfig.FAIL_UNKNOWN_PROPERTIES, false).serialize("open", ANN);
    assertThat(registered("open").has("additionalProperties")).isFalse();
  }
}
