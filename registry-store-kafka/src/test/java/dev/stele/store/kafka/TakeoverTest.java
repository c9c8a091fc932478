package dev.stele.store.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.Registry;
import dev.stele.registry.RegistryNode;
import dev.stele.registry.Settings;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Mode;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.SchemaFormats;
import dev.stele.testkit.kafka.KafkaBrokers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stele started on a topic that a Confluent registry wrote (../shared/API.md §3.2, old forms
 * included) serves what that registry served and goes on numbering above it.
 */
class TakeoverTest {
  private static final String TOPIC = "_schemas";

  /** key, value (null: tombstone), as Confluent registries of several eras wrote them. */
  private static final String[][] CONFLUENT_RECORDS = {
      {"{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}", "{\"compatibilityLevel\":\"FULL\"}"},
      {"{\"keytype\":\"NOOP\",\"magic\":0}", null},
      {"{\"keytype\":\"SCHEMA\",\"subject\":\"t1-value\",\"version\":1,\"magic\":1}",
          "{\"subject\":\"t1-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\",\"deleted\":false}"},
      {"{\"keytype\":\"SCHEMA\",\"subject\":\"t1-value\",\"version\":2,\"magic\":1}",
          "{\"subject\":\"t1-value\",\"version\":2,\"id\":2,\"schema\":\"{\\\"type\\\":\\\"record\\\","
              + "\\\"name\\\":\\\"User\\\",\\\"fields\\\":[{\\\"name\\\":\\\"name\\\",\\\"type\\\":"
              + "\\\"string\\\"}]}\",\"deleted\":false}"},
      {"{\"keytype\":\"CONFIG\",\"subject\":\"t1-value\",\"magic\":0}", "{\"compatibilityLevel\":\"NONE\"}"},
      {"{\"keytype\":\"SCHEMA\",\"subject\":\"t2-value\",\"version\":1,\"magic\":0}",
          "{\"subject\":\"t2-value\",\"version\":1,\"id\":21,\"schemaType\":\"AVRO\","
              + "\"schema\":\"\\\"bytes\\\"\",\"deleted\":false}"},
      {"{\"keytype\":\"CONFIG\",\"subject\":\"t2-value\",\"magic\":0}",
          "{\"subject\":\"t2-value\",\"compatibilityLevel\":\"FORWARD\"}"},
      {"{\"keytype\":\"CONFIG\",\"subject\":\"t2-value\",\"magic\":0}", null},
      {"{\"keytype\":\"MODE\",\"subject\":\"t2-value\",\"magic\":0}",
          "{\"subject\":\"t2-value\",\"mode\":\"READONLY\"}"},
      {"{\"keytype\":\"SCHEMA\",\"subject\":\"t3-value\",\"version\":1,\"magic\":1}",
          "{\"subject\":\"t3-value\",\"version\":1,\"id\":3,\"schema\":\"\\\"int\\\"\",\"deleted\":false}"},
      {"{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"t3-value\",\"magic\":0}",
          "{\"subject\":\"t3-value\",\"version\":1}"},
      {"{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"t1-value\",\"magic\":0}", null},
      {"{\"keytype\":\"SCHEMA\",\"subject\":\"t4-value\",\"version\":1,\"magic\":1}",
          "{\"subject\":\"t4-value\",\"version\":1,\"id\":4,\"schema\":\"\\\"long\\\"\",\"deleted\":false}"},
      {"{\"keytype\":\"SCHEMA\",\"subject\":\"t4-value\",\"version\":1,\"magic\":1}", null},
      {"{\"keytype\":\"SCHEMA\",\"subject\":\"t5-value\",\"version\":1,\"magic\":1}",
          "{\"subject\":\"t5-value\",\"version\":1,\"id\":5,\"schema\":\"\\\"float\\\"\",\"deleted\":false}"},
      {"{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"t5-value\",\"magic\":0}",
          "{\"subject\":\"t5-value\",\"version\":1}"},
      {"{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\"t5-value\",\"magic\":0}", "{\"subject\":\"t5-value\"}"},
      {"{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\"t1-value\",\"magic\":0}", null},
      // Confluent 8.x's association of topic t1 with t1-value (its key's field order), then one
      // whose key lacks the resource: unreadable, skipped.
      {"{\"keytype\":\"ASSOC\",\"tenant\":\"default\",\"resourceName\":\"t1\",\"resourceNamespace\":"
          + "\"lkc-1\",\"resourceType\":\"topic\",\"associationType\":\"value\",\"subject\":\"t1-value\","
          + "\"magic\":0}", "{\"tenant\":\"default\",\"subject\":\"t1-value\",\"guid\":\"g-1\","
          + "\"resourceName\":\"t1\",\"resourceNamespace\":\"lkc-1\",\"resourceId\":\"id-1\","
          + "\"resourceType\":\"topic\",\"associationType\":\"value\",\"lifecycle\":\"WEAK\","
          + "\"frozen\":false,\"createTs\":1700000000000}"},
      {"{\"keytype\":\"ASSOC\",\"tenant\":\"default\",\"subject\":\"t1-value\",\"magic\":0}", "{\"frozen\":false}"},
      {"{\"keytype\":\"FROM_THE_FUTURE\",\"magic\":0}", "{}"},
      {"not json", "neither"},
      {"{\"keytype\":\"NOOP\",\"magic\":0}", null},
  };

  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);
  private static RegistryNode node;

  @BeforeAll
  static void takeOver() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)
          .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<byte[], byte[]> confluent = new KafkaProducer<>(
        Map.of("bootstrap.servers", KAFKA.bootstrapServers(), "acks", "all"),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      for (String[] record : CONFLUENT_RECORDS) {
        byte[] value = record[1] == null ? null : record[1].getBytes(UTF_8);
        confluent.send(new ProducerRecord<>(TOPIC, 0, record[0].getBytes(UTF_8), value));
      }
      confluent.flush();
    }
    KafkaStoreConfig config = KafkaStoreConfig.of(KAFKA.bootstrapServers(), TOPIC, "schema-registry")
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));
    node = RegistryNode.open(new KafkaRecordLog(config), SchemaFormats.load(), NodeOptions.DEFAULTS);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  private static Registry registry() {
    return node.registry();
  }

  private static Settings settings() {
    return node.settings();
  }

  @Test
  void servesTheSubjectsAndVersions() {
    assertThat(registry().subjects(new Requests.ListSubjects("t", false, false, 0, -1)))
        .containsExactly("t1-value", "t2-value");
    // t3 soft-deleted; t4's only version tombstoned; t5 soft-deleted, then cleared
    assertThat(registry().subjects(new Requests.ListSubjects("t", true, false, 0, -1)))
        .containsExactly("t1-value", "t2-value", "t3-value");
    assertThat(registry().versions(new Requests.ListVersions("t1-value", false, false, false, 0, -1)))
        .containsExactly(1, 2);
    Results.VersionText v2 = registry().version(new Requests.GetVersion("t1-value", "2", false, null));
    assertThat(v2.version().id()).isEqualTo(2);
  }

  @Test
  void servesTheAssociationsConfluentWrote() {
    List<dev.stele.registry.model.Association> found = registry().associations().byResourceName(
        "-", "t1", new dev.stele.registry.model.AssociationRequests.Filter(null, List.of(), null, 0, -1));
    assertThat(found).extracting(a -> a.subject() + " " + a.resourceId() + " " + a.lifecycle()
        + " " + a.createTs()).containsExactly("t1-value id-1 WEAK 1700000000000");
  }

  @Test
  void servesSchemasByIdWithAvroAsTheDefaultType() {
    Results.SchemaText one = registry().schemaById(new Requests.SchemaById(1, null, null, false));
    assertThat(one.schema().schema()).isEqualTo("\"string\"");
    assertThat(one.schema().schemaType()).isEqualTo("AVRO");
    assertThat(registry().schemaById(new Requests.SchemaById(21, null, null, false)).schema().schema())
        .isEqualTo("\"bytes\"");
    // soft-deleted schemas keep serving by id; a tombstoned one is gone
    assertThat(registry().schemaById(new Requests.SchemaById(3, null, null, false)).schema().schema())
        .isEqualTo("\"int\"");
    assertThatThrownBy(() -> registry().schemaById(new Requests.SchemaById(4, null, null, false)))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_NOT_FOUND));
  }

  @Test
  void servesConfigsAndModes() {
    assertThat(settings().config(new Requests.GetConfig(null, false)).compatibilityLevel()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(settings().config(new Requests.GetConfig("t1-value", false)).compatibilityLevel())
        .isEqualTo(CompatibilityLevel.NONE);
    // t2's FORWARD was deleted by a tombstone: the global level applies
    assertThat(settings().config(new Requests.GetConfig("t2-value", true)).compatibilityLevel())
        .isEqualTo(CompatibilityLevel.FULL);
    assertThat(settings().mode(new Requests.GetMode("t2-value", false))).isEqualTo(Mode.READONLY);
  }

  @Test
  void newRegistrationsGetIdsAboveTheHighestAndReuseKnownContent() throws Exception {
    int fresh = register("new-value", "\"double\"").id();
    int known = register("other-value", "\"string\"").id();

    assertThat(fresh).isEqualTo(22);
    assertThat(known).isEqualTo(1);
    // written with Confluent's key bytes, so compaction treats them like Confluent's own
    assertThat(keysInTopic())
        .contains("{\"keytype\":\"SCHEMA\",\"subject\":\"new-value\",\"version\":1,\"magic\":1}",
            "{\"keytype\":\"SCHEMA\",\"subject\":\"other-value\",\"version\":1,\"magic\":1}");
  }

  private static Results.Registered register(String subject, String schema) throws Exception {
    return registry().register(new Requests.Register(subject, SchemaPayload.of(schema, null),
        false, null, null)).toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static List<String> keysInTopic() {
    return TopicContents.committed(KAFKA.bootstrapServers(), TOPIC).stream()
        .map(record -> new String(record.key(), UTF_8)).toList();
  }
}
