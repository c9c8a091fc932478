package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.ClientConfig;
import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import dev.stele.serde.rules.RuleFailedException;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One data contract, two clients: npm's @confluentinc/schemaregistry (with its CEL and encryption
 * executors) and Stele's Java serdes (with stele-serde-rules-cel and -encryption) run the same
 * rules that a real Stele server holds, and each reads what the other wrote. The Student schema:
 * {@code class} must be positive (CEL), the PII-tagged {@code ssn} is masked on write (CEL_FIELD);
 * under other subjects the {@code ssn} is encrypted (ENCRYPT), or the whole payload
 * (ENCRYPT_PAYLOAD), with DEKs in the server's DEK registry under a local-kms KEK whose secret
 * only the clients hold.
 */
class JsDataContractsAcceptanceTest {
  static final String STUDENT = "{\"type\":\"record\",\"name\":\"Student\",\"namespace\":\"school\",\"fields\":["
      + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"class\",\"type\":\"int\"},"
      + "{\"name\":\"ssn\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]}]}";
  static final String TOPIC = "interop_students";
  static final Schema SCHEMA = new Schema.Parser().parse(STUDENT);
  static final String SECRET = "interop secret of the clients";

  @TempDir static Path work;
  @AutoClose("stop") private static ServerProcess server;
  @AutoClose private static CachedSchemaRegistryClient client;

  @BeforeAll
  static void start() throws Exception {
    Node.requirePackages("@confluentinc/schemaregistry");
    server = ServerProcess.start(Files.createDirectories(work.resolve("contracts")), Map.of());
    client = new CachedSchemaRegistryClient(ClientConfig.forUrls(server.url()));
    client.register(TOPIC + "-value", SchemaDefinition.avro(STUDENT).withContract(null, RuleSet.domain(List.of(
        Rule.of("checkClass", RuleKind.CONDITION, RuleMode.WRITE, "CEL", "message.class > 0"),
        Rule.of("maskSsn", RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD", "'XXX-XX-' + value.substring(7)")
            .withTags(Set.of("PII"))))));
    // DEKs rotate daily here, so the ciphertexts carry the DEK's version as Confluent writes it.
    registerEncrypted("enc_from_js", Map.of("encrypt.dek.expiry.days", "1"));
    registerEncrypted("enc_from_stele", Map.of());
    registerEncrypted("enc_siv", Map.of("encrypt.dek.algorithm", "AES256_SIV"));
    client.register("enc_payload-value", SchemaDefinition.avro(STUDENT).withContract(null, new RuleSet(List.of(),
        List.of(), List.of(encryption("encryptAll", "ENCRYPT_PAYLOAD", Map.of("encrypt.dek.expiry.days", "7"))))));
  }

  static GenericRecord student(String name, int klass, String ssn) {
    GenericRecord record = new GenericData.Record(SCHEMA);
    record.put("name", name);
    record.put("class", klass);
    record.put("ssn", ssn);
    return record;
  }

  @Test
  void jsWritesWithTheContractAndSteleReadsIt() throws IOException {
    String output = Node.script("data_contracts.js", server.url(), "write").assertPassed("data_contracts", server);
    assertThat(output).contains("ok the condition refuses class 0: [\"SerializationError\","
        + "\"rule checkClass failed: Expr failed: 'message.class > 0'\"]");
    String hex = output.lines().filter(line -> line.startsWith("bytes ")).findFirst().orElseThrow().substring(6);

    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(Map.of("schema.registry.url", server.url()), false);
    GenericRecord read = (GenericRecord) deserializer.deserialize(TOPIC, HexFormat.of().parseHex(hex));
    assertThat(read.get("name").toString()).isEqualTo("Ann");
    assertThat(read.get("ssn").toString()).as("masked by the JS client's CEL_FIELD").isEqualTo("XXX-XX-6789");
  }

  @Test
  void steleWritesWithTheContractAndJsReadsIt() throws IOException {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(Map.of("schema.registry.url", server.url(), "auto.register.schemas", "false",
        "use.latest.version", "true"), false);
    assertThatThrownBy(() -> serializer.serialize(TOPIC, student("Dan", 0, "000-00-0000")))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: checkClass")
        .cause().hasMessage("Expr failed: 'message.class > 0'");
    byte[] bytes = serializer.serialize(TOPIC, student("Cid", 4, "222-33-1111"));

    Node.script("data_contracts.js", server.url(), "read", HexFormat.of().formatHex(bytes))
        .assertPassed("data_contracts", server);
  }

  static void registerEncrypted(String topic, Map<String, String> extra) throws Exception {
    client.register(topic + "-value", SchemaDefinition.avro(STUDENT).withContract(null, RuleSet.domain(List.of(
        encryption("encryptPii", "ENCRYPT", extra).withTags(Set.of("PII"))))));
  }

  static Rule encryption(String name, String type, Map<String, String> extra) {
    Map<String, String> params = new java.util.HashMap<>(Map.of("encrypt.kek.name", "interop-kek",
        "encrypt.kms.type", "local-kms", "encrypt.kms.key.id", "interop-key"));
    params.putAll(extra);
    return Rule.of(name, RuleKind.TRANSFORM, RuleMode.WRITEREAD, type, null).withParams(params);
  }

  static Map<String, Object> encrypting() {
    return Map.of("schema.registry.url", server.url(), "auto.register.schemas", "false",
        "use.latest.version", "true", "rule.executors._default_.param.secret", SECRET);
  }

  static byte[] jsWrites(String topic, String name, String ssn) throws Exception {
    String output = Node.script("encryption.js", server.url(), SECRET, "write", topic, name, ssn)
        .assertPassed("encryption", server);
    return HexFormat.of().parseHex(output.lines().filter(line -> line.startsWith("bytes ")).findFirst()
        .orElseThrow().substring(6));
  }

  static byte[] steleWrites(String topic, String name, String ssn) {
    try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
      serializer.configure(encrypting(), false);
      return serializer.serialize(topic, student(name, 5, ssn));
    }
  }

  static GenericRecord steleReads(String topic, byte[] bytes) {
    try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
      deserializer.configure(encrypting(), false);
      return (GenericRecord) deserializer.deserialize(topic, bytes);
    }
  }

  /** The ssn as written: what a reader without the key sees, decoded from base64. */
  static byte[] ssnOnTheWire(byte[] bytes) throws Exception {
    assertThat(bytes[0]).isZero();
    GenericRecord wire = new GenericDatumReader<GenericRecord>(SCHEMA).read(null,
        DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    return Base64.getDecoder().decode(wire.get("ssn").toString());
  }

  @Test
  void jsEncryptsAndSteleDecrypts() throws Exception {
    byte[] bytes = jsWrites("enc_from_js", "Ann", "123-45-6789");

    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("Ann").doesNotContain("123-45-6789");
    byte[] ciphertext = ssnOnTheWire(bytes);
    assertThat(Arrays.copyOf(ciphertext, 5)).as("version 1 of a rotating DEK").containsExactly(0, 0, 0, 0, 1);
    assertThat(ciphertext).as("prefix, 12-byte IV, 11 bytes, 16-byte tag").hasSize(5 + 12 + 11 + 16);
    GenericRecord read = steleReads("enc_from_js", bytes);
    assertThat(read.get("ssn").toString()).isEqualTo("123-45-6789");
    assertThat(read.get("name").toString()).isEqualTo("Ann");
  }

  @Test
  void steleEncryptsAndJsDecrypts() throws Exception {
    byte[] bytes = steleWrites("enc_from_stele", "Cid", "222-33-1111");

    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("222-33-1111");
    assertThat(ssnOnTheWire(bytes)).as("12-byte IV, 11 bytes, 16-byte tag").hasSize(12 + 11 + 16);
    Node.script("encryption.js", server.url(), SECRET, "read", "enc_from_stele", HexFormat.of().formatHex(bytes),
        "Cid", "222-33-1111").assertPassed("encryption", server);
  }

  @Test
  void deterministicEncryptionWritesTheSameBytesFromEitherClient() throws Exception {
    byte[] fromStele = steleWrites("enc_siv", "Dee", "999-88-7777");
    byte[] fromJs = jsWrites("enc_siv", "Dee", "999-88-7777");

    assertThat(ssnOnTheWire(fromStele)).as("16-byte synthetic IV, 11 bytes").hasSize(16 + 11);
    assertThat(fromJs).isEqualTo(fromStele);
    assertThat(steleReads("enc_siv", fromJs).get("ssn").toString()).isEqualTo("999-88-7777");
  }

  @Test
  void wholePayloadEncryptionReadsBackOnBothSides() throws Exception {
    byte[] fromJs = jsWrites("enc_payload", "Eve Arden", "321-54-9876");
    assertThat(new String(fromJs, StandardCharsets.ISO_8859_1)).doesNotContain("Eve Arden").doesNotContain("321-54");
    assertThat(Arrays.copyOfRange(fromJs, 5, 10)).as("the DEK version after the clear header")
        .containsExactly(0, 0, 0, 0, 1);
    assertThat(steleReads("enc_payload", fromJs).get("ssn").toString()).isEqualTo("321-54-9876");

    byte[] fromStele = steleWrites("enc_payload", "Fay Wray", "654-32-1098");
    assertThat(new String(fromStele, StandardCharsets.ISO_8859_1)).doesNotContain("Fay Wray");
    Node.script("encryption.js", server.url(), SECRET, "read", "enc_payload", HexFormat.of().formatHex(fromStele),
        "Fay Wray", "654-32-1098").assertPassed("encryption", server);
  }
}
