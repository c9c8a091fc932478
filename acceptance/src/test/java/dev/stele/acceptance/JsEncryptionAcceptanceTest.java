package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.ClientConfig;
import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import dev.stele.testkit.server.ServerProcess;
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
 * Field-level encryption, two clients: npm's @confluentinc/schemaregistry (its ENCRYPT executor
 * and local KMS driver) and Stele's Java serdes (stele-serde-rules-encryption) encrypt the
 * PII-tagged {@code ssn} of a Student with DEKs kept in a real Stele server's DEK registry, under
 * a KEK of local-kms whose secret only the clients hold, and each decrypts what the other wrote.
 */
class JsEncryptionAcceptanceTest {
  static final String STUDENT = JsDataContractsAcceptanceTest.STUDENT;
  static final Schema SCHEMA = new Schema.Parser().parse(STUDENT);
  static final String SECRET = "interop secret of the clients";

  @TempDir static Path work;
  @AutoClose("stop") private static ServerProcess server;
  @AutoClose private static CachedSchemaRegistryClient client;

  @BeforeAll
  static void start() throws Exception {
    Node.requirePackages("@confluentinc/schemaregistry");
    server = ServerProcess.start(Files.createDirectories(work.resolve("encryption")), Map.of());
    client = new CachedSchemaRegistryClient(ClientConfig.forUrls(server.url()));
    // DEKs rotate daily here, so the ciphertexts carry the DEK's version as Confluent writes it.
    register("enc_from_js", Map.of("encrypt.dek.expiry.days", "1"));
    register("enc_from_stele", Map.of());
    register("enc_siv", Map.of("encrypt.dek.algorithm", "AES256_SIV"));
  }

  static void register(String topic, Map<String, String> extra) throws Exception {
    Map<String, String> params = new java.util.HashMap<>(Map.of("encrypt.kek.name", "interop-kek",
        "encrypt.kms.type", "local-kms", "encrypt.kms.key.id", "interop-key"));
    params.putAll(extra);
    client.register(topic + "-value", SchemaDefinition.avro(STUDENT).withContract(null, RuleSet.domain(List.of(
        Rule.of("encryptPii", RuleKind.TRANSFORM, RuleMode.WRITEREAD, "ENCRYPT", null)
            .withTags(Set.of("PII")).withParams(params)))));
  }

  static Map<String, Object> configs() {
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
    GenericRecord record = new GenericData.Record(SCHEMA);
    record.put("name", name);
    record.put("class", 5);
    record.put("ssn", ssn);
    try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
      serializer.configure(configs(), false);
      return serializer.serialize(topic, record);
    }
  }

  static GenericRecord steleReads(String topic, byte[] bytes) {
    try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
      deserializer.configure(configs(), false);
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
}
