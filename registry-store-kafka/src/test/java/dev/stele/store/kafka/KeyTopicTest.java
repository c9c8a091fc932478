package dev.stele.store.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.kms.DekFormat;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.DekRecord;
import dev.stele.registry.log.RegistryRecord.DekValue;
import dev.stele.registry.log.RegistryRecord.KekRecord;
import dev.stele.registry.log.RegistryRecord.KekValue;
import dev.stele.registry.state.KeyTable.DekId;
import dev.stele.registry.state.RegistryState;
import dev.stele.testkit.Records;
import dev.stele.testkit.StateDump;
import dev.stele.testkit.kafka.KafkaBrokers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DEK registry's keys on a real broker (decision 0014): KEKs and DEKs go to the key topic in
 * Confluent's record format, in the same transaction as the schema records of their batch; a
 * follower and a restarted node read them back; a record a Confluent registry wrote there is read;
 * a state snapshot notes where it stands on the key topic and is checked against it.
 */
class KeyTopicTest {
  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);
  @RegisterExtension final TopicPerTest topics = new TopicPerTest("keys-", KAFKA);
  @TempDir Path dir;

  @Test
  void keysGoToTheKeyTopicInConfluentsFormatInTheBatchsOneTransaction() throws Exception {
    RegistryState leaderState = new RegistryState();
    KafkaRecordLog leader = open(leaderState, false, true);
    RegistryState followerState = new RegistryState();
    KafkaRecordLog follower = open(followerState, false, false);
    long commitsBefore = leader.commitCount();

    // One append holding a schema, a KEK and a DEK: one transaction over both topics.
    leader.append(List.of(Records.schema("orders-value", 1, 1), kek("payments"),
        dek("payments", "orders-value", 1, "d3JhcHBlZA=="))).get(30, TimeUnit.SECONDS);
    assertThat(leader.commitCount()).isEqualTo(commitsBefore + 1);
    // Read-your-writes: the leader's own state has both once the append completes.
    assertThat(leaderState.keys().kek("payments")).isNotNull();
    assertThat(leaderState.history("orders-value")).isNotNull();

    List<ConsumerRecord<byte[], byte[]>> keys = TopicContents.committed(KAFKA.bootstrapServers(),
        keysTopic(), 2);
    assertThat(keys).extracting(r -> new String(r.key(), UTF_8)).containsExactly(
        "{\"tenant\":\"default\",\"name\":\"payments\",\"type\":\"KEK\"}",
        "{\"tenant\":\"default\",\"kekName\":\"payments\",\"subject\":\"orders-value\","
            + "\"algorithm\":\"AES256_GCM\",\"version\":1,\"type\":\"DEK\"}");
    assertThat(new String(keys.get(1).value(), UTF_8))
        .contains("\"encryptedKeyMaterial\":\"d3JhcHBlZA==\"", "\"type\":\"DEK\"");
    assertThat(TopicContents.committed(KAFKA.bootstrapServers(), topics.topic()))
        .extracting(r -> new String(r.key(), UTF_8)).noneMatch(k -> k.contains("\"tenant\""));

    Eventually.awaitTrue("the follower has the DEK", () -> followerState.keys().dek(
        new DekId("payments", "orders-value", DekFormat.AES256_GCM, 1)) != null);
    assertThat(StateDump.of(followerState)).isEqualTo(StateDump.of(leaderState));
    // The state's offset stays the schema topic's: key records do not move it.
    assertThat(followerState.lastOffset()).isEqualTo(leaderState.lastOffset())
        .isLessThan(leader.readerPosition());

    leader.close();
    RegistryState restarted = new RegistryState();
    open(restarted, false, false);
    assertThat(StateDump.of(restarted)).isEqualTo(StateDump.of(leaderState))
        .contains("payments");
  }

  @Test
  void aKeyRecordAConfluentRegistryWroteIsRead() throws Exception {
    KafkaRecordLog writer = open(new RegistryState(), false, true); // creates both topics
    writer.close();
    try (KafkaProducer<byte[], byte[]> confluent = new KafkaProducer<>(Map.of(
        "bootstrap.servers", KAFKA.bootstrapServers()), new ByteArraySerializer(),
        new ByteArraySerializer())) {
      // As Confluent's key cache writes them: plain (no transaction), values with "ts" and
      // "offset", fields in Jackson's order for its classes.
      confluent.send(record("{\"tenant\":\"default\",\"name\":\"legacy\",\"type\":\"KEK\"}",
          "{\"type\":\"KEK\",\"deleted\":false,\"offset\":3,\"ts\":1700000000000,"
              + "\"doc\":\"from Confluent\",\"kmsKeyId\":\"arn:key\",\"kmsProps\":{\"a\":\"b\"},"
              + "\"kmsType\":\"aws-kms\",\"name\":\"legacy\",\"shared\":false}")).get();
      confluent.send(record("{\"tenant\":\"default\",\"kekName\":\"legacy\",\"subject\":\"s-value\","
          + "\"algorithm\":\"AES256_SIV\",\"version\":2,\"type\":\"DEK\"}",
          "{\"type\":\"DEK\",\"deleted\":true,\"offset\":4,\"ts\":1700000000001,"
              + "\"algorithm\":\"AES256_SIV\",\"encryptedKeyMaterial\":\"AAEC\",\"kekName\":\"legacy\","
              + "\"subject\":\"s-value\",\"version\":2}")).get();
      // Another tenant's key (Confluent Cloud) is not this registry's.
      confluent.send(record("{\"tenant\":\"lsrc-1\",\"name\":\"theirs\",\"type\":\"KEK\"}",
          "{\"type\":\"KEK\",\"deleted\":false,\"kmsKeyId\":\"x\",\"kmsType\":\"aws-kms\","
              + "\"name\":\"theirs\",\"shared\":false}")).get();
    }

    RegistryState state = new RegistryState();
    open(state, false, false);
    var kek = state.keys().kek("legacy");
    assertThat(kek).isNotNull();
    assertThat(kek.value().kmsType()).isEqualTo("aws-kms");
    assertThat(kek.value().kmsProps()).containsEntry("a", "b");
    assertThat(kek.value().doc()).isEqualTo("from Confluent");
    var dek = state.keys().dek(new DekId("legacy", "s-value", DekFormat.AES256_SIV, 2));
    assertThat(dek).isNotNull();
    assertThat(dek.value().deleted()).isTrue();
    assertThat(dek.value().encryptedKeyMaterial()).isEqualTo("AAEC");
    assertThat(state.keys().kek("theirs")).isNull();
  }

  @Test
  void aSnapshotResumesTheKeyTopicWhereItStoodAndIsThrownAwayWhenTheKeyTopicIsNew()
      throws Exception {
    RegistryState first = new RegistryState();
    KafkaRecordLog writer = open(first, true, true);
    writer.append(List.of(Records.schema("a-value", 1, 1), kek("k1"))).get(30, TimeUnit.SECONDS);
    writer.close(); // writes the snapshot

    // A key written after the snapshot (by a log that takes none): the next start reads it from
    // the key topic where the snapshot ends.
    KafkaRecordLog second = open(new RegistryState(), false, true);
    second.append(List.of(kek("k2"))).get(30, TimeUnit.SECONDS);
    second.close();
    RegistryState third = new RegistryState();
    KafkaRecordLog reopened = open(third, true, true);
    assertThat(reopened.startOffset()).isPositive();
    assertThat(third.keys().kek("k1")).isNotNull();
    assertThat(third.keys().kek("k2")).isNotNull();
    assertThat(StateDump.of(third)).isEqualTo(StateDump.of(replayed()));
    reopened.close();

    // The key topic deleted and made again (empty): the snapshot's keys are no longer true.
    topics.admin().deleteTopics(List.of(keysTopic())).all().get(30, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (topics.admin().listTopics().names().get().contains(keysTopic())
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    RegistryState afterRecreate = new RegistryState();
    KafkaRecordLog log = open(afterRecreate, true, true);
    assertThat(log.startOffset()).isZero();
    assertThat(afterRecreate.keys().kek("k1")).isNull();
    assertThat(afterRecreate.history("a-value")).isNotNull();
  }

  private ProducerRecord<byte[], byte[]> record(String key, String value) {
    return new ProducerRecord<>(keysTopic(), 0, key.getBytes(UTF_8), value.getBytes(UTF_8));
  }

  private static KekRecord kek(String name) {
    return new KekRecord(name, new KekValue("local-kms", "key-" + name,
        new TreeMap<>(Map.of("secret", "s3cret")), null, true, false));
  }

  private static RegistryRecord dek(String kek, String subject, int version, String material) {
    return new DekRecord(kek, subject, DekFormat.AES256_GCM, version, new DekValue(material, false));
  }

  private RegistryState replayed() {
    RegistryState state = new RegistryState();
    open(state, false, false);
    return state;
  }

  /** A log on the test's topics: the writer at once when {@code writes}, else a follower. */
  private KafkaRecordLog open(RegistryState state, boolean snapshots, boolean writes) {
    Map<String, String> properties = new HashMap<>(Map.of(
        KafkaStoreConfig.BOOTSTRAP, KAFKA.bootstrapServers(),
        KafkaStoreConfig.TOPIC, topics.topic(),
        KafkaStoreConfig.KEYS_TOPIC, keysTopic(),
        KafkaStoreConfig.TIMEOUT, "10000",
        KafkaStoreConfig.SNAPSHOT_INTERVAL, "3600000"));
    if (snapshots) {
      properties.put(KafkaStoreConfig.SNAPSHOT_DIR, dir.toString());
    }
    KafkaStoreConfig config = KafkaStoreConfig.fromProperties(properties, "test");
    KafkaRecordLog log = writes ? new KafkaRecordLog(config) : KafkaRecordLog.member(config);
    topics.track(log);
    log.open(state);
    return log;
  }

  /** The test's key topic, beside its schema topic. */
  private String keysTopic() {
    return topics.topic() + "-dek-keys";
  }
}
