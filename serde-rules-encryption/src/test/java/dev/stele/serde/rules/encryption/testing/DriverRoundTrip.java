package dev.stele.serde.rules.encryption.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.ClientConfig;
import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.internal.HttpTransport;
import dev.stele.client.internal.Json;
import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import dev.stele.serde.rules.encryption.EncryptParams;
import dev.stele.serde.rules.encryption.FieldEncryptionExecutor;
import dev.stele.serde.testing.SerdeRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A KMS driver module's proof that its driver works under the real {@code ENCRYPT} executor: a
 * Student with a PII-tagged {@code ssn} is written by the Avro serializer and read back by the
 * deserializer, through a real server's DEK registry, either with the driver in the client
 * ({@link #throughTheClient}) or in the server for a shared KEK ({@link #throughASharedKek}). Both
 * check that the ssn is not on the wire and comes back, and answer the wrapped DEK the registry
 * kept, for the driver's own checks of its format.
 */
public final class DriverRoundTrip {
  private static final String STUDENT = "{\"type\":\"record\",\"name\":\"Student\",\"namespace\":\"school\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
      + "{\"name\":\"ssn\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]}]}";
  private static final Schema SCHEMA = new Schema.Parser().parse(STUDENT);
  private static final String SSN = "123-45-6789";

  private DriverRoundTrip() {}

  /**
   * The client registers the KEK {@code topic}-kek ({@code kmsType}, {@code kmsKeyId}), makes the
   * DEK and wraps it through the driver, with {@code clientParams} as the executor's params (the
   * driver's credentials).
   *
   * @return the wrapped DEK as stored
   */
  public static byte[] throughTheClient(SerdeRegistry registry, String topic, String kmsType, String kmsKeyId,
      Map<String, String> clientParams) throws Exception {
    register(registry, topic, Map.of(EncryptParams.KEK_NAME, topic + "-kek", EncryptParams.KMS_TYPE, kmsType,
        EncryptParams.KMS_KEY_ID, kmsKeyId));
    roundTrip(registry, topic, clientParams);
    JsonNode dek = dekRegistry(registry, "GET", "/" + topic + "-kek/deks/" + topic + "-value/versions/1", null);
    assertThat(dek.has("keyMaterial")).as("the registry cannot unwrap a client's DEK").isFalse();
    return Base64.getDecoder().decode(dek.path("encryptedKeyMaterial").asText());
  }

  /**
   * A shared KEK {@code topic}-kek with {@code kmsProps} (the driver's credentials, kept by the
   * registry): the server makes and wraps the DEK through its driver, the clients have no KMS settings.
   *
   * @return the wrapped DEK as stored
   */
  public static byte[] throughASharedKek(SerdeRegistry registry, String topic, String kmsType, String kmsKeyId,
      Map<String, String> kmsProps) throws Exception {
    ObjectNode kek = Json.MAPPER.createObjectNode().put("name", topic + "-kek").put("kmsType", kmsType)
        .put("kmsKeyId", kmsKeyId).put("shared", true);
    kmsProps.forEach(kek.putObject("kmsProps")::put);
    dekRegistry(registry, "POST", "", kek);
    register(registry, topic, Map.of(EncryptParams.KEK_NAME, topic + "-kek"));
    roundTrip(registry, topic, Map.of());
    JsonNode dek = dekRegistry(registry, "GET", "/" + topic + "-kek/deks/" + topic + "-value/versions/1", null);
    return Base64.getDecoder().decode(dek.path("encryptedKeyMaterial").asText());
  }

  /** A KEK as the DEK registry answers it. */
  public static JsonNode kek(SerdeRegistry registry, String name) throws Exception {
    return dekRegistry(registry, "GET", "/" + name, null);
  }

  private static void register(SerdeRegistry registry, String topic, Map<String, String> params) throws Exception {
    Rule rule = Rule.of("encryptPii", RuleKind.TRANSFORM, RuleMode.WRITEREAD, FieldEncryptionExecutor.TYPE, null)
        .withTags(Set.of("PII")).withParams(params);
    registry.client().register(topic + "-value", SchemaDefinition.avro(STUDENT)
        .withContract(null, RuleSet.domain(List.of(rule))));
  }

  private static void roundTrip(SerdeRegistry registry, String topic, Map<String, String> clientParams) {
    Map<String, Object> configs = new HashMap<>(registry.configs("auto.register.schemas", false,
        "use.latest.version", true));
    clientParams.forEach((key, value) -> configs.put("rule.executors._default_.param." + key, value));
    GenericRecord student = new GenericData.Record(SCHEMA);
    student.put("name", "Ann");
    student.put("ssn", SSN);
    byte[] bytes;
    try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
      serializer.configure(configs, false);
      bytes = serializer.serialize(topic, student);
    }
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("Ann").doesNotContain(SSN);
    try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
      deserializer.configure(configs, false);
      GenericRecord read = (GenericRecord) deserializer.deserialize(topic, bytes);
      assertThat(read.get("ssn").toString()).isEqualTo(SSN);
    }
  }

  private static JsonNode dekRegistry(SerdeRegistry registry, String method, String path, JsonNode body)
      throws Exception {
    return new HttpTransport(ClientConfig.forUrls(registry.url())).send(method, "/dek-registry/v1/keks" + path, body);
  }
}
