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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One data contract, two clients: npm's @confluentinc/schemaregistry (with its CEL executors) and
 * Stele's Java serdes (with stele-serde-rules-cel) run the same rules that a real Stele server
 * holds, and each reads what the other wrote. The Student schema: {@code class} must be positive
 * (CEL), the PII-tagged {@code ssn} is masked on write (CEL_FIELD).
 */
class JsDataContractsAcceptanceTest {
  static final String STUDENT = "{\"type\":\"record\",\"name\":\"Student\",\"namespace\":\"school\",\"fields\":["
      + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"class\",\"type\":\"int\"},"
      + "{\"name\":\"ssn\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]}]}";
  static final String TOPIC = "interop_students";

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
  }

  static GenericRecord student(String name, int klass, String ssn) {
    GenericRecord record = new GenericData.Record(new Schema.Parser().parse(STUDENT));
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
}
