package dev.stele.serde.rules.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.ClientConfig;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.testing.TestRegistry;
import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * Once a serde has its KEK and DEK, it encrypts and decrypts without the registry: the keys are
 * cached for the process's life (numbered DEK versions never change), as Confluent's clients keep
 * them. Proven by stopping the server between the first records and the next.
 */
class DekCacheTest {

  @Test
  void aWarmSerdeKeepsEncryptingAndDecryptingWithTheRegistryGone() throws Exception {
    TestRegistry registry = TestRegistry.start();
    Map<String, Object> configs = Map.of(ClientConfig.URL, registry.url(), "auto.register.schemas", false,
        "use.latest.version", true, "rule.executors._default_.param.secret", Encryption.SECRET);
    try (KafkaAvroSerializer serializer = new KafkaAvroSerializer();
         KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
      try (CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(ClientConfig.forUrls(registry.url()))) {
        client.register("cached-value", SchemaDefinition.avro(EncryptAvroTest.STUDENT)
            .withContract(null, RuleSet.domain(List.of(Encryption.encryptPii("kek-cached")))));
      }
      serializer.configure(configs, false);
      deserializer.configure(configs, false);
      byte[] first = serializer.serialize("cached", EncryptAvroTest.student("Ann", "123-45-6789", null));
      assertThat(((GenericRecord) deserializer.deserialize("cached", first)).get("ssn").toString())
          .isEqualTo("123-45-6789");

      registry.close();

      byte[] second = serializer.serialize("cached", EncryptAvroTest.student("Bob", "987-65-4321", null));
      assertThat(((GenericRecord) deserializer.deserialize("cached", second)).get("ssn").toString())
          .isEqualTo("987-65-4321");
    }
  }
}
