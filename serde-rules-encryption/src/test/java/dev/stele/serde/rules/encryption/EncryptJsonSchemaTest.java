package dev.stele.serde.rules.encryption;

import static dev.stele.serde.rules.encryption.Encryption.configs;
import static dev.stele.serde.rules.encryption.Encryption.encryptPii;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.jsonschema.KafkaJsonSchemaDeserializer;
import dev.stele.serde.jsonschema.KafkaJsonSchemaSerializer;
import dev.stele.serde.testing.SerdeRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ENCRYPT on JSON Schema data, trees and POJOs, through the real serdes and a real server's DEK registry. */
class EncryptJsonSchemaTest {
  static final String CUSTOMER = "{\"title\":\"Customer\",\"type\":\"object\",\"properties\":{"
      + "\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"},"
      + "\"card\":{\"type\":\"string\",\"confluent:tags\":[\"PII\"]},"
      + "\"contact\":{\"$ref\":\"#/definitions/Contact\"}},"
      + "\"definitions\":{\"Contact\":{\"type\":\"object\",\"properties\":{"
      + "\"phone\":{\"type\":\"string\",\"confluent:tags\":[\"PII\"]}}}}}";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  public record Contact(String phone) {}

  public record Customer(String name, int age, String card, Contact contact) {}

  static void register(String topic, String... params) throws Exception {
    REGISTRY.client().register(topic + "-value", SchemaDefinition.of(SchemaDefinition.JSON, CUSTOMER)
        .withContract(null, RuleSet.domain(List.of(encryptPii("kek-" + topic, params)))));
  }

  static byte[] write(String topic, Object value) {
    try (KafkaJsonSchemaSerializer<Object> serializer = new KafkaJsonSchemaSerializer<>()) {
      serializer.configure(configs(REGISTRY, "latest.compatibility.strict", false), false);
      return serializer.serialize(topic, value);
    }
  }

  static <T> T read(String topic, byte[] bytes, Class<T> type) {
    try (KafkaJsonSchemaDeserializer<T> deserializer = new KafkaJsonSchemaDeserializer<>()) {
      deserializer.configure(configs(REGISTRY, "json.value.type", type.getName()), false);
      return deserializer.deserialize(topic, bytes);
    }
  }

  static JsonNode onTheWire(byte[] bytes) throws Exception {
    return JSON.readTree(Arrays.copyOfRange(bytes, 5, bytes.length));
  }

  @Test
  void aTreesTaggedPropertiesAreCiphertextOnTheWireAndPlaintextAfterReading() throws Exception {
    register("jcustomers");
    JsonNode customer = JSON.readTree("{\"name\":\"Ann\",\"age\":40,\"card\":\"4111-1111\","
        + "\"contact\":{\"phone\":\"555-0100\"}}");
    byte[] bytes = write("jcustomers", customer);

    String text = new String(bytes, 5, bytes.length - 5, StandardCharsets.UTF_8);
    assertThat(text).contains("\"Ann\"").doesNotContain("4111-1111").doesNotContain("555-0100");
    JsonNode wire = onTheWire(bytes);
    assertThat(Base64.getDecoder().decode(wire.get("card").asText())).hasSize(12 + 9 + 16);
    assertThat(wire.path("contact").path("phone").asText()).isNotEqualTo("555-0100");

    JsonNode read = read("jcustomers", bytes, JsonNode.class);
    assertThat(read.get("card").asText()).isEqualTo("4111-1111");
    assertThat(read.path("contact").path("phone").asText()).isEqualTo("555-0100");
    assertThat(read.get("age").asInt()).isEqualTo(40);
  }

  /**
   * With preserve.source.fields the rule copies only the nodes on the way to each encrypted
   * property: the application's tree, the nested object included, is left as it was.
   */
  @Test
  void preserveSourceFieldsLeavesTheApplicationsTreeAsItWas() throws Exception {
    register("jkept", "preserve.source.fields", "true");
    JsonNode customer = JSON.readTree("{\"name\":\"Ann\",\"age\":40,\"card\":\"4111-1111\","
        + "\"contact\":{\"phone\":\"555-0100\"}}");
    JsonNode before = customer.deepCopy();
    JsonNode contact = customer.get("contact");
    byte[] bytes = write("jkept", customer);

    assertThat(customer).isEqualTo(before);
    assertThat(customer.get("contact")).isSameAs(contact);
    JsonNode wire = onTheWire(bytes);
    assertThat(wire.get("card").asText()).isNotEqualTo("4111-1111");
    assertThat(wire.path("contact").path("phone").asText()).isNotEqualTo("555-0100");
    assertThat(wire.get("name").asText()).isEqualTo("Ann");
    JsonNode read = read("jkept", bytes, JsonNode.class);
    assertThat(read.get("card").asText()).isEqualTo("4111-1111");
    assertThat(read.path("contact").path("phone").asText()).isEqualTo("555-0100");
  }

  @Test
  void aPojoIsEncryptedOnWriteAndReadBackAsThePojo() throws Exception {
    register("jpojos", EncryptParams.DEK_ALGORITHM, "AES256_SIV");
    Customer customer = new Customer("Bo", 31, "5500-0000", new Contact("555-0199"));
    byte[] first = write("jpojos", customer);
    byte[] second = write("jpojos", customer);

    assertThat(first).as("AES256_SIV is deterministic").isEqualTo(second);
    assertThat(onTheWire(first).get("card").asText()).isNotEqualTo("5500-0000");
    assertThat(customer.card()).as("the application's POJO is not touched").isEqualTo("5500-0000");
    assertThat(read("jpojos", first, Customer.class)).isEqualTo(customer);
  }

  @Test
  void encryptPayloadEncryptsTheWholeJsonDocument() throws Exception {
    REGISTRY.client().register("jpayloads-value", SchemaDefinition.of(SchemaDefinition.JSON, CUSTOMER)
        .withContract(null, Encryption.encoding(Encryption.encryptPayload("kek-jpayloads"))));
    byte[] bytes = write("jpayloads", new Customer("Cy Twombly", 50, "3400-0000", new Contact("555-0142")));

    assertThat(new String(bytes, 5, bytes.length - 5, StandardCharsets.ISO_8859_1)).doesNotContain("Cy Twombly")
        .doesNotContain("3400-0000");
    assertThat(bytes.length - 5).as("IV, the JSON, tag").isGreaterThan(12 + 16);
    assertThat(read("jpayloads", bytes, Customer.class))
        .isEqualTo(new Customer("Cy Twombly", 50, "3400-0000", new Contact("555-0142")));
  }
}
