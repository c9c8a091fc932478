package dev.stele.serde.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.ClientConfig;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.testing.TestRegistry;
import dev.stele.serde.SerdeConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON Schema serdes against a real server in-process; frames are built by hand from §5.1. */
class KafkaJsonSchemaSerdeTest {
  static final String ORDER_SCHEMA = "{\"type\":\"object\",\"title\":\"Order\",\"properties\":{"
      + "\"id\":{\"type\":\"integer\",\"minimum\":1},\"item\":{\"type\":\"string\"}},\"required\":[\"id\"]}";
  static final ObjectMapper JSON = new ObjectMapper();

  static TestRegistry registry;
  static CachedSchemaRegistryClient client;

  @BeforeAll
  static void start() throws Exception {
    registry = TestRegistry.start();
    client = new CachedSchemaRegistryClient(ClientConfig.forUrls(registry.url()));
  }

  @AfterAll
  static void stop() throws Exception {
    registry.close();
  }

  static Map<String, Object> configs(Object... pairs) {
    Map<String, Object> configs = new HashMap<>();
    configs.put(ClientConfig.URL, registry.url());
    for (int i = 0; i < pairs.length; i += 2) {
      configs.put((String) pairs[i], pairs[i + 1]);
    }
    return configs;
  }

  static <T> KafkaJsonSchemaSerializer<T> serializer(Object... pairs) {
    KafkaJsonSchemaSerializer<T> serializer = new KafkaJsonSchemaSerializer<>();
    serializer.configure(configs(pairs), false);
    return serializer;
  }

  static <T> KafkaJsonSchemaDeserializer<T> deserializer(Object... pairs) {
    KafkaJsonSchemaDeserializer<T> deserializer = new KafkaJsonSchemaDeserializer<>();
    deserializer.configure(configs(pairs), false);
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
    int id = client.getLatest("people-value").id();
    assertThat(bytes).containsExactly(frame(id, "{\"name\":\"Peter\",\"age\":7,\"tags\":[\"a\"]}"));
    JsonNode schema = JSON.readTree(client.getById(id).text());
    assertThat(client.getById(id).type()).isEqualTo("JSON");
    assertThat(schema.get("title").asText()).isEqualTo("Person");
    assertThat(schema.at("/properties/age/type").asText()).isEqualTo("integer");
    assertThat(schema.at("/properties/tags/items/type/0").asText()).isEqualTo("string");
  }

  @Test
  void aJsonNodeIsWrittenWithTheConfiguredSchema() throws Exception {
    JsonNode order = JSON.readTree("{\"id\": 5, \"item\": \"pen\"}");
    byte[] bytes = serializer(JsonSchemaSerdeConfig.SCHEMA, ORDER_SCHEMA).serialize("orders", order);
    int id = client.getLatest("orders-value").id();
    assertThat(bytes).containsExactly(frame(id, "{\"id\":5,\"item\":\"pen\"}"));
  }

  @Test
  void dataBreakingTheSchemaIsRefusedUnlessValidationIsOff() throws Exception {
    JsonNode bad = JSON.readTree("{\"id\": 0}");
    assertThatThrownBy(() -> serializer(JsonSchemaSerdeConfig.SCHEMA, ORDER_SCHEMA).serialize("checked", bad))
        .isInstanceOf(SerializationException.class).hasMessageContaining("topic 'checked'")
        .hasMessageContaining("schema id").hasMessageContaining("minimum");
    byte[] written = serializer(JsonSchemaSerdeConfig.SCHEMA, ORDER_SCHEMA,
        JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, "false").serialize("unchecked", bad);
    assertThat(new String(written, 5, written.length - 5, StandardCharsets.UTF_8)).isEqualTo("{\"id\":0}");
  }

  @Test
  void aJsonNodeWithoutASchemaNeedsTheLatestVersion() throws Exception {
    JsonNode order = JSON.readTree("{\"id\": 2}");
    assertThatThrownBy(() -> serializer().serialize("schemaless", order))
        .isInstanceOf(SerializationException.class).hasMessageContaining("no schema");
    int id = client.register("latest-value", SchemaDefinition.of("JSON", ORDER_SCHEMA));
    KafkaJsonSchemaSerializer<JsonNode> latest = serializer(SerdeConfig.AUTO_REGISTER_SCHEMAS, false,
        SerdeConfig.USE_LATEST_VERSION, true);
    assertThat(latest.serialize("latest", order)).containsExactly(frame(id, "{\"id\":2}"));
    assertThatThrownBy(() -> latest.serialize("latest", JSON.readTree("{\"item\": \"x\"}")))
        .isInstanceOf(SerializationException.class).hasMessageContaining("id");
  }

  @Test
  void recordNameStrategyUsesTheTitle() throws Exception {
    serializer(SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy",
        JsonSchemaSerdeConfig.SCHEMA, ORDER_SCHEMA).serialize("whatever", JSON.readTree("{\"id\": 1}"));
    assertThat(client.getSubjects()).contains("Order");
  }

  @Test
  void aHandBuiltFrameIsReadAsAJsonNodeOrAPojo() throws Exception {
    int id = client.register("read-value", SchemaDefinition.of("JSON", ORDER_SCHEMA));
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
    int id = client.register("lax-value", SchemaDefinition.of("JSON", ORDER_SCHEMA));
    byte[] invalid = frame(id, "{\"id\": -4}");
    assertThat(KafkaJsonSchemaSerdeTest.<JsonNode>deserializer().deserialize("lax", invalid).get("id").asInt())
        .isEqualTo(-4);
    assertThatThrownBy(() -> deserializer(JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, true).deserialize("lax", invalid))
        .isInstanceOf(SerializationException.class).hasMessageContaining("schema id " + id)
        .hasMessageContaining("minimum");
  }

  @Test
  void badInputIsASerializationExceptionNamingTopicIdAndReason() throws Exception {
    int id = client.register("bad-value", SchemaDefinition.of("JSON", ORDER_SCHEMA));
    int avro = client.register("avro-value", SchemaDefinition.avro("\"string\""));
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
  void serializerOutputRoundTrips() {
    byte[] bytes = serializer().serialize("round", new Person("Zed", 1, List.of()));
    Person back = new KafkaJsonSchemaDeserializer<>(client, configs(), Person.class).deserialize("round", bytes);
    assertThat(back.getName()).isEqualTo("Zed");
  }
}
