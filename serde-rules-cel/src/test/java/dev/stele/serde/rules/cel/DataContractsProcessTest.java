package dev.stele.serde.rules.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.ClientConfig;
import dev.stele.client.Metadata;
import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import dev.stele.serde.rules.DlqAction;
import dev.stele.serde.rules.RuleFailedException;
import dev.stele.testkit.kafka.KafkaBrokers;
import dev.stele.testkit.server.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data contract end to end: a real Stele server process holds the Student schema and its
 * rules (and, for encryption, the DEKs), a real KRaft broker carries the records, and a Kafka
 * producer and consumer use Stele's Avro serdes with only Confluent's settings.
 */
class DataContractsProcessTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path work;

  @RegisterExtension
  static final KafkaBrokers KAFKA = KafkaBrokers.of(1);

  static final String SECRET = "rule.executors._default_.param.secret";
  static ServerProcess server;
  static CachedSchemaRegistryClient client;

  @BeforeAll
  static void start() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("students", 1, (short) 1), new NewTopic("students-dlq", 1, (short) 1),
          new NewTopic("pupils", 1, (short) 1))).all().get();
    }
    server = ServerProcess.start(work, Map.of());
    client = new CachedSchemaRegistryClient(ClientConfig.forUrls(server.url()));
    Rule positiveClass = Rule.of("checkClass", RuleKind.CONDITION, RuleMode.WRITE, "CEL", "message.class > 0")
        .withActions(null, "DLQ").withParams(Map.of(DlqAction.DLQ_TOPIC, "students-dlq"));
    Rule maskSsn = Rule.of("maskSsn", RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD",
        "'XXX-XX-' + value.substring(7)").withTags(Set.of("PII"));
    client.register("students-value", SchemaDefinition.avro(CelAvroTest.STUDENT).withContract(null,
        RuleSet.domain(List.of(positiveClass, maskSsn))));
    // The name is PII too, by the metadata; readers without the key get the ciphertext (NONE on read).
    Rule encryptPii = Rule.of("encryptPii", RuleKind.TRANSFORM, RuleMode.WRITEREAD, "ENCRYPT", null)
        .withTags(Set.of("PII")).withActions(null, "ERROR,NONE").withParams(Map.of("encrypt.kek.name", "school",
            "encrypt.kms.type", "local-kms", "encrypt.kms.key.id", "school-key"));
    client.register("pupils-value", SchemaDefinition.avro(CelAvroTest.STUDENT).withContract(
        new Metadata(Map.of("school.Student.name", Set.of("PII")), Map.of(), Set.of()),
        RuleSet.domain(List.of(Rule.of("checkClass", RuleKind.CONDITION, RuleMode.WRITE, "CEL", "message.class > 0"),
            encryptPii))));
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static KafkaProducer<String, Object> producer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName(),
        "schema.registry.url", server.url(), "auto.register.schemas", "false", "use.latest.version", "true",
        "rule.actions._default_.param.dlq.auto.flush", "true", SECRET, "the school's secret"));
  }

  static <V> List<ConsumerRecord<String, V>> consume(String topic, Class<?> valueDeserializer, int count) {
    return consume(topic, valueDeserializer, count, "test-" + topic, "the school's secret");
  }

  /** @param secret the consumer's local-kms secret, the key to the encrypted fields if it is the producer's */
  static <V> List<ConsumerRecord<String, V>> consume(String topic, Class<?> valueDeserializer, int count,
      String group, String secret) {
    List<ConsumerRecord<String, V>> records = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer.getName(),
        "schema.registry.url", server.url(), SECRET, secret))) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }

  @Test
  void theStudentContractRefusesABadRecordToTheDlqAndMasksThePiiOfAGoodOne() throws Exception {
    try (KafkaProducer<String, Object> producer = producer()) {
      producer.send(new ProducerRecord<>("students", "ann", CelAvroTest.student("Ann", 3, "123-45-6789", null)))
          .get();
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>("students", "bob",
          CelAvroTest.student("Bob", 0, "987-65-4321", null))))
          .isInstanceOf(SerializationException.class).isInstanceOf(RuleFailedException.class)
          .hasMessage("Rule failed: checkClass");
    }

    List<ConsumerRecord<String, Object>> students = consume("students", KafkaAvroDeserializer.class, 1);
    assertThat(students).hasSize(1);
    GenericRecord ann = (GenericRecord) students.get(0).value();
    assertThat(ann.get("name").toString()).isEqualTo("Ann");
    assertThat(ann.get("ssn").toString()).isEqualTo("XXX-XX-6789");

    List<ConsumerRecord<String, byte[]>> dead = consume("students-dlq", ByteArrayDeserializer.class, 1);
    assertThat(dead).hasSize(1);
    JsonNode bob = JSON.readTree(dead.get(0).value());
    assertThat(bob.get("name").asText()).isEqualTo("Bob");
    assertThat(bob.get("class").asInt()).isZero();
    assertThat(header(dead.get(0), DlqAction.RULE_NAME)).isEqualTo("checkClass");
    assertThat(header(dead.get(0), DlqAction.RULE_MODE)).isEqualTo("WRITE");
    assertThat(header(dead.get(0), DlqAction.RULE_SUBJECT)).isEqualTo("students-value");
    assertThat(header(dead.get(0), DlqAction.RULE_TOPIC)).isEqualTo("students");
    assertThat(header(dead.get(0), DlqAction.RULE_EXCEPTION)).isEqualTo("Expr failed: 'message.class > 0'");
  }

  @Test
  void theStudentsPiiIsCiphertextInTheTopicAndPlaintextOnlyToAConsumerWithTheKey() throws Exception {
    try (KafkaProducer<String, Object> producer = producer()) {
      producer.send(new ProducerRecord<>("pupils", "cy", CelAvroTest.student("Cy Twombly", 2, "222-33-4444", null))).get();
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>("pupils", "di",
          CelAvroTest.student("Di", 0, "555-66-7777", null))))
          .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: checkClass");
    }

    List<ConsumerRecord<String, byte[]>> raw = consume("pupils", ByteArrayDeserializer.class, 1, "raw", "none");
    assertThat(raw).hasSize(1);
    String inTheTopic = new String(raw.get(0).value(), StandardCharsets.ISO_8859_1);
    // A space and dashes cannot occur in base64, so neither can stand in the ciphertext by chance.
    assertThat(inTheTopic).doesNotContain("Cy Twombly").doesNotContain("222-33-4444");

    List<ConsumerRecord<String, Object>> keyed = consume("pupils", KafkaAvroDeserializer.class, 1);
    GenericRecord cy = (GenericRecord) keyed.get(0).value();
    assertThat(cy.get("name").toString()).isEqualTo("Cy Twombly");
    assertThat(cy.get("ssn").toString()).isEqualTo("222-33-4444");
    assertThat(cy.get("class")).isEqualTo(2);

    List<ConsumerRecord<String, Object>> keyless = consume("pupils", KafkaAvroDeserializer.class, 1, "keyless",
        "another school's secret");
    GenericRecord ciphertext = (GenericRecord) keyless.get(0).value();
    assertThat(ciphertext.get("name").toString()).isNotEqualTo("Cy Twombly")
        .matches("[A-Za-z0-9+/]+=*").hasSize(4 * ((12 + 10 + 16 + 2) / 3));
    assertThat(ciphertext.get("ssn").toString()).isNotEqualTo("222-33-4444");
    assertThat(ciphertext.get("class")).isEqualTo(2);
  }

  static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
