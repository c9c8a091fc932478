package dev.stele.serde.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.client.SchemaDefinition;
import dev.stele.schema.SchemaReference;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A JSON schema whose {@code $ref}s name other subjects' schemas, as Confluent registers them
 * (a reference named {@code address.json}, and a reference of a reference): with
 * {@code json.fail.invalid.schema=true}, data is validated against the referenced definitions,
 * which come from the registry, not the network.
 */
class JsonReferencesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ZIP = "{\"type\":\"string\",\"pattern\":\"^[0-9]{5}$\"}";
  static final String ADDRESS = "{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},"
      + "\"zip\":{\"$ref\":\"zip.json\"}},\"required\":[\"zip\"]}";
  static final String CUSTOMER = "{\"title\":\"Customer\",\"type\":\"object\",\"properties\":{"
      + "\"name\":{\"type\":\"string\"},\"address\":{\"$ref\":\"address.json\"}},\"required\":[\"address\"]}";

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  @BeforeAll
  static void register() throws Exception {
    REGISTRY.client().register("zip", SchemaDefinition.of(SchemaDefinition.JSON, ZIP));
    REGISTRY.client().register("address", new SchemaDefinition(SchemaDefinition.JSON, ADDRESS,
        List.of(new SchemaReference("zip.json", "zip", 1))));
    REGISTRY.client().register("customers-value", new SchemaDefinition(SchemaDefinition.JSON, CUSTOMER,
        List.of(new SchemaReference("address.json", "address", 1))));
  }

  static KafkaJsonSchemaSerializer<JsonNode> writer() {
    KafkaJsonSchemaSerializer<JsonNode> serializer = new KafkaJsonSchemaSerializer<>();
    serializer.configure(REGISTRY.configs("auto.register.schemas", false, "use.latest.version", true,
        "latest.compatibility.strict", false, "json.fail.invalid.schema", true), false);
    return serializer;
  }

  @Test
  void dataIsValidatedAgainstReferencedSchemasAndReadBack() throws Exception {
    JsonNode good = JSON.readTree("{\"name\":\"Ann\",\"address\":{\"street\":\"Main\",\"zip\":\"12345\"}}");

    byte[] bytes = writer().serialize("customers", good);

    KafkaJsonSchemaDeserializer<JsonNode> reader = new KafkaJsonSchemaDeserializer<>();
    reader.configure(REGISTRY.configs("json.fail.invalid.schema", true), false);
    assertThat(reader.deserialize("customers", bytes)).isEqualTo(good);
  }

  @Test
  void aValueBreakingAReferencedSchemaIsRefused() throws Exception {
    JsonNode badZip = JSON.readTree("{\"name\":\"Ann\",\"address\":{\"zip\":\"12\"}}");
    JsonNode noZip = JSON.readTree("{\"name\":\"Ann\",\"address\":{\"street\":\"Main\"}}");
    KafkaJsonSchemaSerializer<JsonNode> writer = writer();

    assertThatThrownBy(() -> writer.serialize("customers", badZip)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("zip");
    assertThatThrownBy(() -> writer.serialize("customers", noZip)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("zip");
  }
}
