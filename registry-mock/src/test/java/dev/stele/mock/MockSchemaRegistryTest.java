package dev.stele.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.ClientConfig;
import dev.stele.client.RestClientException;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code schema.registry.url=mock://SCOPE} through the serdes and the client, as a test uses it. */
class MockSchemaRegistryTest {
  private static final Schema ORDER = new Schema.Parser().parse("""
      {"type":"record","name":"Order","fields":[{"name":"id","type":"long"}]}""");

  @AfterEach
  void drop() {
    MockSchemaRegistry.clear();
  }

  private static GenericRecord order(long id) {
    GenericRecord order = new GenericData.Record(ORDER);
    order.put("id", id);
    return order;
  }

  private static byte[] write(String scope, GenericRecord value) {
    try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
      serializer.configure(Map.of(ClientConfig.URL, "mock://" + scope), false);
      return serializer.serialize("orders", value);
    }
  }

  private static Object read(String scope, byte[] bytes) {
    try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
      deserializer.configure(Map.of(ClientConfig.URL, "mock://" + scope), false);
      return deserializer.deserialize("orders", bytes);
    }
  }

  private static SchemaRegistryClient client(String scope) {
    return CachedSchemaRegistryClient.fromConfigs(Map.of(ClientConfig.URL, "mock://" + scope));
  }

  @Test
  void aSerializerAndADeserializerOfOneScopeShareItsRegistry() throws Exception {
    byte[] bytes = write("orders-test", order(7));
    assertThat(read("orders-test", bytes)).isEqualTo(order(7));
    assertThat(client("orders-test").getSubjects()).containsExactly("orders-value");
  }

  @Test
  void scopesAreSeparateRegistries() throws Exception {
    byte[] bytes = write("a", order(1));
    assertThat(client("b").getSubjects()).isEmpty();
    assertThatThrownBy(() -> read("b", bytes)).hasRootCauseInstanceOf(RestClientException.class);
  }

  @Test
  void aDroppedScopeStartsEmptyAgain() throws Exception {
    write("dropped", order(1));
    MockSchemaRegistry.dropScope("dropped");
    assertThat(client("dropped").getSubjects()).isEmpty();
  }

  @Test
  void itIsTheRealRegistryCompatibilityAndErrorCodesIncluded() throws Exception {
    SchemaRegistryClient client = client("rules");
    client.register("orders-value", SchemaDefinition.avro(ORDER.toString()));
    String incompatible = """
        {"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}""";
    assertThatThrownBy(() -> client.register("orders-value", SchemaDefinition.avro(incompatible)))
        .isInstanceOfSatisfying(RestClientException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
  }

  @Test
  void aMockUrlStandsAloneAndNeedsAScope() {
    assertThatThrownBy(() -> ClientConfig.fromMap(Map.of(ClientConfig.URL, "mock://a,http://127.0.0.1:1")))
        .hasMessageContaining("must be the only one");
    assertThatThrownBy(() -> ClientConfig.fromMap(Map.of(ClientConfig.URL, "mock://")))
        .hasMessageContaining("needs a scope name");
  }
}
