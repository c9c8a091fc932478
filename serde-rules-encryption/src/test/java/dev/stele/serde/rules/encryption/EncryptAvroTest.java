package dev.stele.serde.rules.encryption;

import static dev.stele.serde.rules.encryption.Encryption.AHEAD;
import static dev.stele.serde.rules.encryption.Encryption.DAY;
import static dev.stele.serde.rules.encryption.Encryption.configs;
import static dev.stele.serde.rules.encryption.Encryption.encryptPii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.client.ClientConfig;
import dev.stele.client.Metadata;
import dev.stele.client.Rule;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.internal.HttpTransport;
import dev.stele.client.internal.Json;
import dev.stele.kms.KmsDrivers;
import dev.stele.kms.local.LocalKmsDriver;
import dev.stele.registry.model.KeyOptions;
import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import dev.stele.serde.avro.testdata.Payment;
import dev.stele.serde.rules.RuleFailedException;
import dev.stele.serde.testing.SerdeRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ENCRYPT on Avro records, generic and specific, through the real serdes and a real server's DEK registry. */
class EncryptAvroTest {
  static final String STUDENT = "{\"type\":\"record\",\"name\":\"Student\",\"namespace\":\"school\",\"fields\":["
      + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"class\",\"type\":\"int\"},"
      + "{\"name\":\"ssn\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]},"
      + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null,\"confluent:tags\":[\"PII\"]},"
      + "{\"name\":\"photo\",\"type\":[\"null\",\"bytes\"],\"default\":null,\"confluent:tags\":[\"PII\"]}]}";
  static final Schema SCHEMA = new Schema.Parser().parse(STUDENT);
  static final String SERVER_SECRET = "the registry's own secret";

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry(new KeyOptions(KeyOptions.DEFAULT_MAX_KEYS,
      KmsDrivers.of(new LocalKmsDriver(variable -> SERVER_SECRET))));

  static GenericRecord student(String name, String ssn, String email) {
    GenericRecord record = new GenericData.Record(SCHEMA);
    record.put("name", name);
    record.put("class", 3);
    record.put("ssn", ssn);
    record.put("email", email);
    return record;
  }

  static void register(String topic, Rule rule) throws Exception {
    register(topic, STUDENT, rule);
  }

  static void register(String topic, String schema, Rule rule) throws Exception {
    REGISTRY.client().register(topic + "-value", SchemaDefinition.avro(schema)
        .withContract(null, RuleSet.domain(List.of(rule))));
  }

  static byte[] write(String topic, Object record, Object... extra) {
    try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
      serializer.configure(configs(REGISTRY, extra), false);
      return serializer.serialize(topic, record);
    }
  }

  static Object read(String topic, byte[] bytes, Object... extra) {
    try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
      deserializer.configure(configs(REGISTRY, extra), false);
      return deserializer.deserialize(topic, bytes);
    }
  }

  /** The record as written, decoded with plain Avro: what a reader without the rule sees. */
  static GenericRecord onTheWire(byte[] bytes, Schema schema) throws Exception {
    return new GenericDatumReader<GenericRecord>(schema).read(null,
        DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
  }

  static JsonNode dekRegistry(String path) throws Exception {
    return new HttpTransport(ClientConfig.forUrls(REGISTRY.url())).send("GET", "/dek-registry/v1/keks" + path, null);
  }

  @Test
  void piiFieldsAreCiphertextOnTheWireAndPlaintextAfterReading() throws Exception {
    register("students", encryptPii("kek-students"));
    byte[] bytes = write("students", student("Ann", "123-45-6789", null));

    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("Ann").doesNotContain("123-45-6789");
    GenericRecord wire = onTheWire(bytes, SCHEMA);
    byte[] ciphertext = Base64.getDecoder().decode(wire.get("ssn").toString());
    assertThat(ciphertext).as("AES-GCM: 12-byte IV, 11 bytes, 16-byte tag").hasSize(12 + 11 + 16);
    assertThat(wire.get("email")).isNull();

    GenericRecord read = (GenericRecord) read("students", bytes);
    assertThat(read.get("ssn").toString()).isEqualTo("123-45-6789");
    assertThat(read.get("name").toString()).isEqualTo("Ann");
    assertThat(read.get("email")).isNull();

    JsonNode kek = dekRegistry("/kek-students");
    assertThat(kek.path("kmsType").asText()).isEqualTo("local-kms");
    assertThat(kek.path("kmsKeyId").asText()).isEqualTo("key-kek-students");
    assertThat(kek.path("shared").asBoolean()).isFalse();
    JsonNode dek = dekRegistry("/kek-students/deks/students-value/versions/1?algorithm=AES256_GCM");
    assertThat(dek.path("encryptedKeyMaterial").asText()).isNotEmpty();
    assertThat(dek.has("keyMaterial")).as("the registry cannot unwrap a client's DEK").isFalse();
  }

  @Test
  void nullableStringAndBytesFieldsAreEncryptedWhenSetAndEachWriteHasItsOwnIv() throws Exception {
    register("emails", encryptPii("kek-emails"));
    byte[] photo = {1, 2, 3, 4, 5};
    GenericRecord student = student("Bo", "111-11-1111", "bo@example.com");
    student.put("photo", ByteBuffer.wrap(photo.clone()));
    byte[] first = write("emails", student);
    assertThat(student.get("email")).as("encrypted in place, as Confluent's serializer does")
        .isNotEqualTo("bo@example.com");
    student = student("Bo", "111-11-1111", "bo@example.com");
    student.put("photo", ByteBuffer.wrap(photo.clone()));
    byte[] second = write("emails", student);

    GenericRecord wire = onTheWire(first, SCHEMA);
    assertThat(wire.get("email").toString()).isNotEqualTo("bo@example.com");
    assertThat(((ByteBuffer) wire.get("photo")).remaining()).as("bytes: the ciphertext itself")
        .isEqualTo(12 + photo.length + 16);
    assertThat(wire.get("ssn")).isNotEqualTo(onTheWire(second, SCHEMA).get("ssn"));
    GenericRecord read = (GenericRecord) read("emails", second);
    assertThat(read.get("email").toString()).isEqualTo("bo@example.com");
    assertThat(((ByteBuffer) read.get("photo")).array()).isEqualTo(photo);
  }

  @Test
  void aes256SivIsDeterministic() throws Exception {
    register("siv", encryptPii("kek-siv", EncryptParams.DEK_ALGORITHM, "AES256_SIV"));
    byte[] first = write("siv", student("Cy", "222-22-2222", null));
    byte[] second = write("siv", student("Cy", "222-22-2222", null));

    assertThat(first).isEqualTo(second);
    assertThat(Base64.getDecoder().decode(onTheWire(first, SCHEMA).get("ssn").toString()))
        .as("AES-SIV: 16-byte synthetic IV, 11 bytes").hasSize(16 + 11);
    assertThat(((GenericRecord) read("siv", first)).get("ssn").toString()).isEqualTo("222-22-2222");
    assertThat(dekRegistry("/kek-siv/deks/siv-value/versions/1?algorithm=AES256_SIV").path("algorithm").asText())
        .isEqualTo("AES256_SIV");
  }

  @Test
  void anExpiredDekIsReplacedByANewVersionWhoseNumberLeadsTheCiphertext() throws Exception {
    register("rotating", encryptPii("kek-rotating", EncryptParams.DEK_EXPIRY_DAYS, "1"));
    byte[] old = write("rotating", student("Di", "333-33-3333", null));
    byte[] current;
    byte[] next;
    try {
      AHEAD.set(2 * DAY);
      current = write("rotating", student("Di", "444-44-4444", null));
    } finally {
      AHEAD.set(0);
    }
    // Version 2 is the writer's key now (the registry stamped it with the real time, so at the
    // real time it is fresh): the next record uses it, neither version 1 nor a third.
    next = write("rotating", student("Di", "555-55-5555", null));

    byte[] oldCiphertext = Base64.getDecoder().decode(onTheWire(old, SCHEMA).get("ssn").toString());
    byte[] newCiphertext = Base64.getDecoder().decode(onTheWire(current, SCHEMA).get("ssn").toString());
    assertThat(Arrays.copyOf(oldCiphertext, 5)).containsExactly(0, 0, 0, 0, 1);
    assertThat(Arrays.copyOf(newCiphertext, 5)).containsExactly(0, 0, 0, 0, 2);
    assertThat(Base64.getDecoder().decode(onTheWire(next, SCHEMA).get("ssn").toString())).startsWith(0, 0, 0, 0, 2);
    assertThat(((GenericRecord) read("rotating", next)).get("ssn").toString()).isEqualTo("555-55-5555");
    assertThat(((GenericRecord) read("rotating", old)).get("ssn").toString()).isEqualTo("333-33-3333");
    assertThat(((GenericRecord) read("rotating", current)).get("ssn").toString()).isEqualTo("444-44-4444");
    assertThat(dekRegistry("/kek-rotating/deks/rotating-value/versions").toString()).isEqualTo("[1,2]");
  }

  @Test
  void aReaderWithoutTheKeyFailsOrWithNoneOnReadSeesTheCiphertext() throws Exception {
    register("guarded", encryptPii("kek-guarded"));
    byte[] bytes = write("guarded", student("Ed", "555-55-5555", null));
    assertThatThrownBy(() -> read("guarded", bytes, "rule.executors._default_.param.secret", "a wrong guess"))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: encryptPii")
        .cause().hasMessageContaining("could not decrypt").hasMessageContaining("could not unwrap a DEK of KEK kek-guarded");

    register("lenient", encryptPii("kek-lenient").withActions(null, "ERROR,NONE"));
    byte[] lenient = write("lenient", student("Flo", "666-66-6666", null));
    GenericRecord seen = (GenericRecord) read("lenient", lenient, "rule.executors._default_.param.secret", "wrong");
    assertThat(seen.get("ssn").toString()).isEqualTo(onTheWire(lenient, SCHEMA).get("ssn").toString())
        .isNotEqualTo("666-66-6666");
  }

  @Test
  void underASharedKekTheRegistryMakesAndUnwrapsTheDekSoClientsNeedNoSecret() throws Exception {
    new HttpTransport(ClientConfig.forUrls(REGISTRY.url())).send("POST", "/dek-registry/v1/keks",
        Json.MAPPER.readTree("{\"name\":\"kek-shared\",\"kmsType\":\"local-kms\",\"kmsKeyId\":\"server-key\","
            + "\"shared\":true}"));
    register("shared", Rule.of("encryptPii", null, null, FieldEncryptionExecutor.TYPE, null)
        .withTags(Set.of("PII")).withParams(Map.of(EncryptParams.KEK_NAME, "kek-shared")));
    Object[] noSecret = {"rule.executors._default_.param.secret", null};
    byte[] bytes = write("shared", student("Gus", "777-77-7777", null), noSecret);

    assertThat(onTheWire(bytes, SCHEMA).get("ssn").toString()).isNotEqualTo("777-77-7777");
    assertThat(((GenericRecord) read("shared", bytes, noSecret)).get("ssn").toString()).isEqualTo("777-77-7777");
    JsonNode dek = dekRegistry("/kek-shared/deks/shared-value/versions/1");
    assertThat(dek.path("keyMaterial").asText()).as("unwrapped by the registry").isNotEmpty();
  }

  static final String CLASS = "{\"type\":\"record\",\"name\":\"Class\",\"namespace\":\"school\",\"fields\":["
      + "{\"name\":\"head\",\"type\":" + STUDENT + "},"
      + "{\"name\":\"pupils\",\"type\":{\"type\":\"array\",\"items\":\"Student\"}},"
      + "{\"name\":\"byDesk\",\"type\":{\"type\":\"map\",\"values\":\"Student\"}},"
      + "{\"name\":\"room\",\"type\":{\"type\":\"record\",\"name\":\"Room\",\"fields\":["
      + "{\"name\":\"code\",\"type\":\"string\"}]}}]}";

  /**
   * With preserve.source.fields the rule encrypts a copy of only the records on the way to each
   * encrypted field: the application's records, nested ones included, are left as they were.
   */
  @Test
  void preserveSourceFieldsLeavesTheApplicationsNestedRecordsAsTheyWere() throws Exception {
    register("classes", CLASS, encryptPii("kek-classes", "preserve.source.fields", "true"));
    Schema schema = new Schema.Parser().parse(CLASS);
    GenericRecord room = new GenericData.Record(schema.getField("room").schema());
    room.put("code", "B12");
    GenericRecord source = new GenericData.Record(schema);
    source.put("head", student("Ann", "111-11-1111", null));
    source.put("pupils", new GenericData.Array<>(schema.getField("pupils").schema(),
        List.of(student("Bob", "222-22-2222", "bob@example.com"), student("Cy", "333-33-3333", null))));
    source.put("byDesk", new java.util.HashMap<>(Map.of("d1", student("Di", "444-44-4444", null))));
    source.put("room", room);
    GenericRecord before = GenericData.get().deepCopy(schema, source);

    byte[] bytes = write("classes", source);

    assertThat(source).isEqualTo(before);
    assertThat(((GenericRecord) source.get("head")).get("ssn")).isEqualTo("111-11-1111");
    assertThat(source.get("room")).isSameAs(room);
    GenericRecord wire = onTheWire(bytes, schema);
    assertThat(((GenericRecord) wire.get("head")).get("ssn").toString()).isNotEqualTo("111-11-1111");
    GenericRecord wirePupil = (GenericRecord) ((List<?>) wire.get("pupils")).get(0);
    assertThat(wirePupil.get("ssn").toString()).isNotEqualTo("222-22-2222");
    assertThat(wirePupil.get("email").toString()).isNotEqualTo("bob@example.com");
    assertThat(wirePupil.get("name").toString()).isEqualTo("Bob");
    assertThat(((GenericRecord) ((Map<?, ?>) wire.get("byDesk")).values().iterator().next()).get("ssn")
        .toString()).isNotEqualTo("444-44-4444");
    assertThat(((GenericRecord) wire.get("room")).get("code").toString()).isEqualTo("B12");

    GenericRecord read = (GenericRecord) read("classes", bytes);
    assertThat(((GenericRecord) read.get("head")).get("ssn").toString()).isEqualTo("111-11-1111");
    assertThat(((GenericRecord) ((List<?>) read.get("pupils")).get(1)).get("ssn").toString())
        .isEqualTo("333-33-3333");
  }

  @Test
  void preserveSourceFieldsLeavesAGeneratedRecordAsItWas() throws Exception {
    REGISTRY.client().register("kept-payments-value", SchemaDefinition.avro(Payment.SCHEMA$.toString())
        .withContract(new Metadata(Map.of("dev.stele.serde.avro.testdata.Payment.id", Set.of("PII")), Map.of(),
            Set.of()), RuleSet.domain(List.of(encryptPii("kek-kept-payments", "preserve.source.fields", "true")))));
    Payment source = new Payment("card 4111", 12.5);
    byte[] bytes = write("kept-payments", source);

    assertThat(source.id.toString()).isEqualTo("card 4111");
    assertThat(onTheWire(bytes, Payment.SCHEMA$).get("id").toString()).isNotEqualTo("card 4111");
    Payment read = (Payment) read("kept-payments", bytes, "specific.avro.reader", true);
    assertThat(read.id.toString()).isEqualTo("card 4111");
  }

  @Test
  void aGeneratedRecordsMetadataTaggedFieldIsEncryptedAndReadBackAsItsClass() throws Exception {
    REGISTRY.client().register("payments-value", SchemaDefinition.avro(Payment.SCHEMA$.toString()).withContract(
        new Metadata(Map.of("dev.stele.serde.avro.testdata.Payment.id", Set.of("PII")), Map.of(), Set.of()),
        RuleSet.domain(List.of(encryptPii("kek-payments")))));
    byte[] bytes = write("payments", new Payment("card 4111", 12.5));

    assertThat(onTheWire(bytes, Payment.SCHEMA$).get("id").toString()).isNotEqualTo("card 4111");
    Payment read = (Payment) read("payments", bytes, "specific.avro.reader", true);
    assertThat(read.id.toString()).isEqualTo("card 4111");
    assertThat(read.amount).isEqualTo(12.5);
  }

  @Test
  void encryptPayloadEncryptsTheWholeAvroPayloadBehindAClearHeader() throws Exception {
    int id = REGISTRY.client().register("payloads-value", SchemaDefinition.avro(STUDENT)
        .withContract(null, Encryption.encoding(Encryption.encryptPayload("kek-payloads",
            EncryptParams.DEK_EXPIRY_DAYS, "30"))));
    byte[] bytes = write("payloads", student("Ivy Compton", "999-99-9999", "ivy@example.com"));

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).as("the schema id stays in the clear").isEqualTo(id);
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("Ivy Compton").doesNotContain("999-99");
    assertThat(Arrays.copyOfRange(bytes, 5, 10)).as("a rotating DEK's version").containsExactly(0, 0, 0, 0, 1);
    GenericRecord read = (GenericRecord) read("payloads", bytes);
    assertThat(read.get("name").toString()).isEqualTo("Ivy Compton");
    assertThat(read.get("ssn").toString()).isEqualTo("999-99-9999");
    assertThat(read.get("email").toString()).isEqualTo("ivy@example.com");
  }

  @Test
  void aRuleThatCannotFindItsKekFailsTheWriteSayingWhy() throws Exception {
    register("nokek", Rule.of("encryptPii", null, null, FieldEncryptionExecutor.TYPE, null)
        .withTags(Set.of("PII")));
    assertThatThrownBy(() -> write("nokek", student("Hal", "888-88-8888", null)))
        .isInstanceOf(RuleFailedException.class).cause().hasMessageContaining("names no KEK")
        .hasMessageContaining("encrypt.kek.name");

    register("unregistered", Rule.of("encryptPii", null, null, FieldEncryptionExecutor.TYPE, null)
        .withTags(Set.of("PII")).withParams(Map.of(EncryptParams.KEK_NAME, "kek-nowhere")));
    assertThatThrownBy(() -> write("unregistered", student("Hal", "888-88-8888", null)))
        .isInstanceOf(RuleFailedException.class).cause()
        .hasMessageContaining("KEK kek-nowhere is not in the DEK registry")
        .hasMessageContaining("encrypt.kms.type");
  }
}
