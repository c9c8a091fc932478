package dev.stele.serde.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.SerdeConfig;
import dev.stele.serde.testing.SerdeRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON Schema serdes against a real server in-process; frames are built by hand from §5.1. */
class KafkaJsonSchemaSerdeTest {
  static final String ORDER_SCHEMA = "{\"type\":\"object\",\"title\":\"Order\",\"properties\":{"
      + "\"id\":{\"type\":\"integer\",\"minimum\":1},\"item\":{\"type\":\"string\"}},\"required\":[\"id\"]}";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  static <T> KafkaJsonSchemaSerializer<T> serializer(Object... pairs) {
    KafkaJsonSchemaSerializer<T> serializer = new KafkaJsonSchemaSerializer<>();
    serializer.configure(REGISTRY.configs(pairs), false);
    return serializer;
  }

  static <T> KafkaJsonSchemaDeserializer<T> deserializer(Object... pairs) {
    KafkaJsonSchemaDeserializer<T> deserializer = new KafkaJsonSchemaDeserializer<>();
    deserializer.configure(REGISTRY.configs(pairs), false);
    return deserializer;
  }

  static byte[] frame(int id, String json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
    out.writeBytes(json.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void aPojoIsWrittenWithADerivedSchemaAsCompactJson() throws Exception {
    byte[] bytes = serializer().serialize("people", new Person("Peter", 7, List.of("a")));
    int id = REGISTRY.client().getLatest("people-value").id();
    assertThat(bytes).containsExactly(frame(id, "{\"name\":\"Peter\",\"age\":7,\"tags\":[\"a\"]}"));
    JsonNode schema = JSON.readTree(REGISTRY.client().getById(id).text());
    assertThat(REGISTRY.client().getById(id).type()).isEqualTo("JSON");
    assertThat(schema.get("title").asText()).isEqualTo("Person");
    assertThat(schema.at("/properties/age/type").asText()).isEqualTo("integer");
    assertThat(schema.at("/properties/tags/items/type/0").asText()).isEqualTo("string");
  }

  @Test
  void aJsonNodeIsWrittenWithTheConfiguredSchema() throws Exception {
    JsonNode order = JSON.readTree("{\"id\": 5, \"item\": \"pen\"}");
    byte[] bytes = serializer(JsonSchemaSerdeConfig.SCHEMA, ORDER_SCHEMA).serialize("orders", order);
    int id = REGISTRY.client().getLatest("orders-value").id();
    assertThat(bytes).containsExactly(frame(id, "{\"id\":5,\"item\":\"pen\"}"));
  }

  @Test
  void dataBreakingTheSchemaIsRefusedWhenValidationIsOn() throws Exception {
    JsonNode bad = JSON.readTree("{\"id\": 0}");
    assertThatThrownBy(() -> serializer(JsonSchemaSerdeConfig.SCHEMA, ORDER_SCHEMA,
        JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, "true").serialize("checked", bad))
        .isInstanceOf(SerializationException.class).hasMessageContaining("topic 'checked'")
        .hasMessageContaining("schema id").hasMessageContaining("minimum");
    // Confluent's default: unchecked.
    byte[] written = serializer(JsonSchemaSerdeConfig.SCHEMA, ORDER_SCHEMA).serialize("unchecked", bad);
    assertThat(new String(written, 5, written.length - 5, StandardCharsets.UTF_8)).isEqualTo("{\"id\":0}");
  }

  @Test
  void aJsonNodeWithoutASchemaNeedsTheLatestVersion() throws Exception {
    JsonNode order = JSON.readTree("{\"id\": 2}");
    assertThatThrownBy(() -> serializer().serialize("schemaless", order))
        .isInstanceOf(SerializationException.class).hasMessageContaining("no schema");
    int id = REGISTRY.client().register("latest-value", SchemaDefinition.of("JSON", ORDER_SCHEMA));
    KafkaJsonSchemaSerializer<JsonNode> latest = serializer(SerdeConfig.AUTO_REGISTER_SCHEMAS, false,
        SerdeConfig.USE_LATEST_VERSION, true, JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, true);
    assertThat(latest.serialize("latest", order)).containsExactly(frame(id, "{\"id\":2}"));
    // Validated against the latest version's schema, which requires id.
    assertThatThrownBy(() -> latest.serialize("latest", JSON.readTree("{\"item\": \"x\"}")))
        .isInstanceOf(SerializationException.class).hasMessageContaining("id");
  }

  @Test
  void aCompatibleLatestVersionIsWrittenWith() throws Exception {
    // The latest no longer requires the id: a reader may drop "required" (REQUIRED_ATTRIBUTE_REMOVED).
    String latest = ORDER_SCHEMA.replace(",\"required\":[\"id\"]", "");
    assertThat(latest).isNotEqualTo(ORDER_SCHEMA);
    int id = REGISTRY.client().register("strict-ok-value", SchemaDefinition.of("JSON", latest));
    byte[] bytes = latestSerializer(ORDER_SCHEMA, true).serialize("strict-ok", JSON.readTree("{\"id\": 3}"));
    assertThat(bytes).containsExactly(frame(id, "{\"id\":3}"));
  }

  @Test
  void anIncompatibleLatestVersionFailsNamingSubjectAndReason() throws Exception {
    REGISTRY.client().register("strict-bad-value", SchemaDefinition.of("JSON", ORDER_SCHEMA));
    JsonNode order = JSON.readTree("{\"id\": 3}");
    assertThatThrownBy(() -> latestSerializer(STRING_ID_SCHEMA, true).serialize("strict-bad", order))
        .isInstanceOf(SerializationException.class).hasMessageContaining("subject 'strict-bad-value'")
        .hasMessageContaining("TYPE_CHANGED at /properties/id");
    REGISTRY.client().register("strict-avro-value", SchemaDefinition.avro("{\"type\":\"string\"}"));
    assertThatThrownBy(() -> latestSerializer(ORDER_SCHEMA, true).serialize("strict-avro", order))
        .isInstanceOf(SerializationException.class).hasMessageContaining("subject 'strict-avro-value'")
        .hasMessageContaining("the latest version is not JSON but AVRO");
  }

  @Test
  void withStrictOffTheIncompatibleLatestIsWrittenWith() throws Exception {
    int id = REGISTRY.client().register("strict-off-value", SchemaDefinition.of("JSON", ORDER_SCHEMA));
    byte[] bytes = latestSerializer(STRING_ID_SCHEMA, false).serialize("strict-off", JSON.readTree("{\"id\": 3}"));
    assertThat(bytes).containsExactly(frame(id, "{\"id\":3}"));
  }

  /** ORDER_SCHEMA with a string id: the latest (integer id) cannot read what it writes. */
  static final String STRING_ID_SCHEMA = ORDER_SCHEMA.replace("{\"type\":\"integer\",\"minimum\":1}",
      "{\"type\":\"string\"}");

  static KafkaJsonSchemaSerializer<JsonNode> latestSerializer(String own, boolean strict) {
    return serializer(JsonSchemaSerdeConfig.SCHEMA, own, SerdeConfig.AUTO_REGISTER_SCHEMAS, false,
        SerdeConfig.USE_LATEST_VERSION, true, SerdeConfig.LATEST_COMPATIBILITY_STRICT, strict);
  }

  @Test
  void recordNameStrategyUsesTheTitle() throws Exception {
    serializer(SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy",
        JsonSchemaSerdeConfig.SCHEMA, ORDER_SCHEMA).serialize("whatever", JSON.readTree("{\"id\": 1}"));
    assertThat(REGISTRY.client().getSubjects()).contains("Order");
  }

  @Test
  void aHandBuiltFrameIsReadAsAJsonNodeOrAPojo() throws Exception {
    int id = REGISTRY.client().register("read-value", SchemaDefinition.of("JSON", ORDER_SCHEMA));
    byte[] frame = frame(id, "{\"name\": \"Ann\", \"age\": 30, \"tags\": [\"x\"]}");
    JsonNode node = KafkaJsonSchemaSerdeTest.<JsonNode>deserializer().deserialize("read", frame);
    assertThat(node.get("name").asText()).isEqualTo("Ann");
    Person person = KafkaJsonSchemaSerdeTest.<Person>deserializer(JsonSchemaSerdeConfig.VALUE_TYPE,
        Person.class.getName()).deserialize("read", frame);
    assertThat(person.getName()).isEqualTo("Ann");
    assertThat(person.getAge()).isEqualTo(30);
    assertThat(person.getTags()).containsExactly("x");
  }

  @Test
  void validationOnReadIsOptional() throws Exception {
    int id = REGISTRY.client().register("lax-value", SchemaDefinition.of("JSON", ORDER_SCHEMA));
    byte[] invalid = frame(id, "{\"id\": -4}");
    assertThat(KafkaJsonSchemaSerdeTest.<JsonNode>deserializer().deserialize("lax", invalid).get("id").asInt())
        .isEqualTo(-4);
    assertThatThrownBy(() -> deserializer(JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, true).deserialize("lax", invalid))
        .isInstanceOf(SerializationException.class).hasMessageContaining("schema id " + id)
        .hasMessageContaining("minimum");
  }

  @Test
  void badInputIsASerializationExceptionNamingTopicIdAndReason() throws Exception {
    int id = REGISTRY.client().register("bad-value", SchemaDefinition.of("JSON", ORDER_SCHEMA));
    int avro = REGISTRY.client().register("avro-value", SchemaDefinition.avro("\"string\""));
    KafkaJsonSchemaDeserializer<JsonNode> deserializer = deserializer();
    byte[] wrongMagic = frame(id, "{}");
    wrongMagic[0] = 7;
    assertThatThrownBy(() -> deserializer.deserialize("bad", wrongMagic)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("'bad'").hasMessageContaining("magic byte 7");
    assertThatThrownBy(() -> deserializer.deserialize("bad", new byte[] {0, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
    assertThatThrownBy(() -> deserializer.deserialize("bad", frame(9999, "{}")))
        .isInstanceOf(SerializationException.class).hasMessageContaining("9999");
    assertThatThrownBy(() -> deserializer.deserialize("bad", frame(id, "{\"id\": ")))
        .isInstanceOf(SerializationException.class).hasMessageContaining("schema id " + id)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> deserializer.deserialize("bad", frame(id, "")))
        .isInstanceOf(SerializationException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> deserializer.deserialize("bad", frame(avro, "\"x\"")))
        .isInstanceOf(SerializationException.class).hasMessageContaining("AVRO, not JSON");
  }

  @Test
  void serdesUsedBeforeConfigureSaySo() {
    assertThatThrownBy(() -> new KafkaJsonSchemaDeserializer<JsonNode>().deserialize("early", frame(1, "{}")))
        .isInstanceOf(IllegalStateException.class).hasMessage("KafkaJsonSchemaDeserializer used before configure()");
    assertThatThrownBy(() -> new KafkaJsonSchemaSerializer<Person>().serialize("early", new Person("A", 1, List.of())))
        .isInstanceOf(IllegalStateException.class).hasMessage("KafkaJsonSchemaSerializer used before configure()");
  }

  @Test
  void serializerOutputRoundTrips() {
    byte[] bytes = serializer().serialize("round", new Person("Zed", 1, List.of()));
    Person back = new KafkaJsonSchemaDeserializer<>(REGISTRY.client(), REGISTRY.configs(), Person.class)
        .deserialize("round", bytes);
    assertThat(back.getName()).isEqualTo("Zed");
  }
}
