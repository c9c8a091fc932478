package dev.stele.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SnapshotFile;
import dev.stele.registry.state.SnapshotMark;
import dev.stele.testkit.Records;
import dev.stele.testkit.StateDump;
import dev.stele.testkit.kafka.KafkaBrokers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting from a state snapshot on a real broker (decision 0016): a snapshot that fits the topic
 * gives exactly the state of a full replay and the reader resumes after it; every snapshot that
 * does not fit (another topic of the same name, a damaged file, one beyond the topic's end, one
 * whose last record differs) is thrown away, and the state is still that of a full replay.
 */
class KafkaSnapshotTest {
  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);
  @RegisterExtension final TopicPerTest topics = new TopicPerTest("snapshots-", KAFKA);
  @TempDir Path dir;
  private String topic;
  private Admin admin;

  @BeforeEach
  void name() {
    topic = topics.topic();
    admin = topics.admin();
  }

  @Test
  void aRestartFromASnapshotHasTheStateOfAFullReplayAndLaterWritesFollowIt() throws Exception {
    RegistryState first = new RegistryState();
    KafkaRecordLog writer = open(first, true);
    append(writer, Records.richHistory());
    writer.close();
    assertThat(snapshot()).exists();

    RegistryState restarted = new RegistryState();
    KafkaRecordLog second = open(restarted, true);
    assertThat(second.startOffset()).isPositive();
    assertThat(StateDump.of(restarted)).isEqualTo(StateDump.of(replayed()))
        .isEqualTo(StateDump.of(first)).contains("subject orders-2-value v1 id=102 deleted");

    // Writes after a start from the snapshot land after it, in order, and survive the next one.
    long versionBefore = restarted.history("orders-1-value").maxVersion();
    append(second, List.of(Records.schema("orders-1-value", (int) versionBefore + 1, 900),
        Records.schema("after-value", 1, 901), new SchemaRecord("after-value", 1, null),
        Records.schema("after-value", 2, 902)));
    assertThat(StateDump.of(restarted)).isEqualTo(StateDump.of(replayed()));
    second.close();

    RegistryState third = new RegistryState();
    KafkaRecordLog reopened = open(third, true);
    assertThat(reopened.startOffset()).isGreaterThan(second.startOffset());
    assertThat(StateDump.of(third)).isEqualTo(StateDump.of(replayed()))
        .contains("subject orders-1-value v" + (versionBefore + 1) + " id=900")
        .contains("subject after-value v2 id=902").doesNotContain("after-value v1");
  }

  @Test
  void aSnapshotOfATopicDeletedAndCreatedAgainIsThrownAway() throws Exception {
    writeHistory(true);
    assertThat(snapshot()).exists();

    admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (admin.listTopics().names().get().contains(topic) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    // The new topic holds more records than the old, so only its id tells them apart.
    KafkaRecordLog recreated = open(new RegistryState(), false);
    List<RegistryRecord> other = new ArrayList<>();
    for (int i = 1; i <= Records.richHistory().size() + 5; i++) {
      other.add(Records.schema("other-" + i, 1, i));
    }
    append(recreated, other);
    recreated.close();

    assertFallsBackToAFullReplay();
  }

  @Test
  void aDamagedSnapshotIsThrownAway() throws Exception {
    writeHistory(true);
    byte[] whole = Files.readAllBytes(snapshot());

    byte[] flipped = whole.clone();
    flipped[whole.length - 40] ^= 0x20;
    Files.write(snapshot(), flipped);
    assertFallsBackToAFullReplay();

    topics.closeLogs();
    Files.write(snapshot(), java.util.Arrays.copyOf(whole, whole.length / 2));
    assertFallsBackToAFullReplay();
  }

  @Test
  void aSnapshotBeyondTheTopicsEndIsThrownAway() throws Exception {
    writeHistory(false);
    SnapshotMark fitting = markOfLastRecord();
    plantBogusSnapshot(new SnapshotMark(topic, fitting.next() + 100, fitting.checks()));
    assertFallsBackToAFullReplay();
  }

  @Test
  void aSnapshotWhoseLastRecordDiffersIsThrownAway() throws Exception {
    writeHistory(false);
    SnapshotMark fitting = markOfLastRecord();
    Map<String, String> checks = new HashMap<>(fitting.checks());
    checks.put(SnapshotCheck.VALUE_SHA256, SnapshotCheck.sha256("another value".getBytes()));
    plantBogusSnapshot(new SnapshotMark(topic, fitting.next(), checks));
    assertFallsBackToAFullReplay();

    // The same bogus state under the fitting mark is taken: the check, not luck, refused it.
    topics.closeLogs();
    plantBogusSnapshot(fitting);
    RegistryState trusted = new RegistryState();
    assertThat(open(trusted, true).startOffset()).isEqualTo(fitting.next());
    assertThat(trusted.history("bogus-value")).isNotNull();
  }

  @Test
  void aSnapshotFolderThatCannotBeWrittenStopsTheStart() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
    Map<String, String> properties = Map.of(KafkaStoreConfig.BOOTSTRAP, KAFKA.bootstrapServers(),
        KafkaStoreConfig.TOPIC, topic, KafkaStoreConfig.SNAPSHOT_DIR, notAFolder.toString());
    KafkaRecordLog log = new KafkaRecordLog(KafkaStoreConfig.fromProperties(properties, "test"));
    topics.track(log);
    assertThatThrownBy(() -> log.open(new RegistryState()))
        .isInstanceOf(dev.stele.registry.log.LogException.class)
        .hasMessageStartingWith("cannot write state snapshots to " + notAFolder)
        .hasMessageContaining("stele.kafkastore.snapshot.enabled=false");
  }

  /** Writes {@link Records#richHistory()} through a log (with snapshots or not) and closes it. */
  private void writeHistory(boolean snapshots) throws Exception {
    KafkaRecordLog writer = open(new RegistryState(), snapshots);
    append(writer, Records.richHistory());
    writer.close();
  }

  /** Opening with the snapshot replays the whole topic and ends with a full replay's state. */
  private void assertFallsBackToAFullReplay() throws Exception {
    RegistryState state = new RegistryState();
    KafkaRecordLog log = open(state, true);
    assertThat(log.startOffset()).isZero();
    assertThat(state.history("bogus-value")).isNull();
    assertThat(StateDump.of(state)).isEqualTo(StateDump.of(replayed()));
  }

  /** A snapshot holding a state no replay gives (a subject "bogus-value"), under {@code mark}. */
  private void plantBogusSnapshot(SnapshotMark mark) throws Exception {
    RegistryState bogus = replayed();
    bogus.apply(Records.schema("bogus-value", 1, 4242), mark.next() - 1, 1);
    new SnapshotFile(snapshot()).write(bogus.copy(), mark);
  }

  /** The mark a snapshot taken now would carry: after the topic's last committed record. */
  private SnapshotMark markOfLastRecord() throws Exception {
    var records = TopicContents.committed(KAFKA.bootstrapServers(), topic);
    return SnapshotCheck.mark(topic, SnapshotCheck.topicId(admin, topic, java.time.Duration.ofSeconds(10)),
        records.get(records.size() - 1));
  }

  /** The state of a full replay of the topic, by a log without snapshots. */
  private RegistryState replayed() {
    RegistryState state = new RegistryState();
    KafkaRecordLog log = KafkaRecordLog.member(config(false));
    topics.track(log);
    log.open(state);
    return state;
  }

  private KafkaRecordLog open(RegistryState state, boolean snapshots) {
    KafkaRecordLog log = new KafkaRecordLog(config(snapshots));
    topics.track(log);
    log.open(state);
    return log;
  }

  private KafkaStoreConfig config(boolean snapshots) {
    Map<String, String> properties = new HashMap<>(Map.of(
        KafkaStoreConfig.BOOTSTRAP, KAFKA.bootstrapServers(),
        KafkaStoreConfig.TOPIC, topic,
        KafkaStoreConfig.TIMEOUT, "10000",
        // Only the snapshots these tests ask for: on closing, and the one after a full replay.
        KafkaStoreConfig.SNAPSHOT_INTERVAL, "3600000"));
    if (snapshots) {
      properties.put(KafkaStoreConfig.SNAPSHOT_DIR, dir.toString());
    }
    return KafkaStoreConfig.fromProperties(properties, "test");
  }

  private Path snapshot() {
    return dir.resolve(topic + ".snapshot");
  }

  private static void append(KafkaRecordLog log, List<RegistryRecord> records) throws Exception {
    for (RegistryRecord record : records) {
      log.append(List.of(record)).get(30, TimeUnit.SECONDS);
    }
  }
}
