package dev.stele.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.LogException;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.testkit.Recorder;
import dev.stele.testkit.Records;
import dev.stele.testkit.kafka.KafkaBrokers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Kafka log on one real broker, one topic per test. */
class KafkaRecordLogTest {
  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);
  @RegisterExtension final TopicPerTest topics = new TopicPerTest("schemas-", KAFKA);
  private String topic;

  @BeforeEach
  void name() {
    topic = topics.topic();
  }

  private KafkaRecordLog log(Map<String, String> extra) {
    Map<String, String> properties = new HashMap<>(Map.of(
        KafkaStoreConfig.BOOTSTRAP, "PLAINTEXT://" + KAFKA.bootstrapServers(),
        KafkaStoreConfig.TOPIC, topic,
        // generous: a loaded CI machine must not turn a slow commit into a failure here
        KafkaStoreConfig.TIMEOUT, "10000"));
    properties.putAll(extra);
    KafkaRecordLog log = new KafkaRecordLog(KafkaStoreConfig.fromProperties(properties, "test"));
    topics.track(log);
    return log;
  }

  private KafkaRecordLog open(Recorder sink) {
    KafkaRecordLog log = log(Map.of());
    log.open(sink);
    return log;
  }

  /** The schema topic made beforehand, as an operator might have made it. */
  private void createTopic(int partitions, String cleanupPolicy) throws Exception {
    topics.admin().createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
        .configs(Map.of("cleanup.policy", cleanupPolicy)))).all().get();
  }

  /** Opening the log on that topic fails, naming what is wrong with it. */
  private void assertRefused(String reason) {
    assertThatThrownBy(() -> log(Map.of()).open(new Recorder()))
        .isInstanceOf(LogException.class)
        .hasMessageContaining(reason);
  }

  private static long await(CompletableFuture<Long> append) throws Exception {
    return append.get(60, TimeUnit.SECONDS);
  }

  @Test
  void createsACompactedTopicWithOnePartition() throws Exception {
    KafkaRecordLog log = log(Map.of("kafkastore.topic.config.min.compaction.lag.ms", "1234"));
    log.open(new Recorder());

    assertThat(log.clusterId()).isEqualTo(topics.admin().describeCluster().clusterId().get()).isNotEmpty();

    TopicDescription description =
        topics.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    assertThat(description.partitions()).hasSize(1);
    assertThat(description.partitions().get(0).replicas()).hasSize(1); // min(1 broker, 3)
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = topics.admin().describeConfigs(List.of(resource)).all().get().get(resource);
    assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    assertThat(config.get("min.compaction.lag.ms").value()).isEqualTo("1234");
  }

  @Test
  void anAppendCompletesOnceThisNodeAppliedTheVerySameRecords() throws Exception {
    Recorder sink = new Recorder();
    KafkaRecordLog log = open(sink);
    List<RegistryRecord> records = Records.everyKind().subList(0, 3);

    long last = await(log.append(records));

    for (int i = 0; i < records.size(); i++) {
      // applied before the future completed, and as the same objects (no second decode)
      assertThat(sink.at(last - records.size() + 1 + i)).isSameAs(records.get(i));
    }
    assertThat(log.readerPosition()).isGreaterThan(last);
  }

  @Test
  void reopeningReplaysWhatWasAppended() throws Exception {
    Recorder first = new Recorder();
    KafkaRecordLog log = open(first);
    for (RegistryRecord record : Records.everyKind()) {
      await(log.append(List.of(record)));
    }
    log.close();

    Recorder second = new Recorder();
    open(second);

    assertThat(second.recordsExceptNoops()).containsExactlyElementsOf(Recorder.withoutNoops(Records.everyKind()));
    assertThat(first.recordsExceptNoops()).containsExactlyElementsOf(Recorder.withoutNoops(Records.everyKind()));
    // offsets rise (transaction markers leave gaps) and the replay gives the same ones
    List<Long> offsets = second.offsets();
    assertThat(offsets).isSorted().doesNotHaveDuplicates();
    assertThat(offsets.subList(0, first.offsets().size())).isEqualTo(first.offsets());
  }

  @Test
  void concurrentAppendsShareTransactions() throws Exception {
    Recorder sink = new Recorder();
    KafkaRecordLog log = open(sink);
    long commitsBefore = log.commitCount();
    int count = 200;
    ExecutorService callers = Executors.newFixedThreadPool(16);
    List<CompletableFuture<Long>> appends = new ArrayList<>();
    List<RegistryRecord> records = new ArrayList<>();
    try {
      List<Future<CompletableFuture<Long>>> calls = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        RegistryRecord record = Records.schema("c-value", i + 1, i + 1);
        records.add(record);
        calls.add(callers.submit(() -> log.append(List.of(record))));
      }
      for (var call : calls) {
        appends.add(call.get());
      }
    } finally {
      callers.shutdown();
    }
    for (int i = 0; i < count; i++) {
      long offset = await(appends.get(i));
      assertThat(sink.at(offset)).isSameAs(records.get(i));
    }
    assertThat(log.commitCount() - commitsBefore).isLessThan(count);
    assertThat(sink.recordsExceptNoops()).containsExactlyInAnyOrderElementsOf(records);
  }

  /**
   * Decision 0027: clients that write again as soon as they are answered all land in one
   * transaction per round once the writer waits for them, rather than in two groups alternating
   * between transactions. Every client has one append outstanding, so after the first rounds the
   * queued appends plus those just answered are all of them, and the gather waits for exactly
   * those (the generous bound only matters on a machine too slow for any client to come back).
   */
  @Test
  void clientsThatWriteAgainWhenAnsweredShareOneTransactionPerRound() throws Exception {
    Recorder sink = new Recorder();
    KafkaRecordLog log = log(Map.of(KafkaStoreConfig.BATCH_WAIT, "3000"));
    log.open(sink);
    long commitsBefore = log.commitCount();
    int clients = 8;
    int rounds = 15;
    ExecutorService callers = Executors.newFixedThreadPool(clients);
    List<Future<List<RegistryRecord>>> written = new ArrayList<>();
    try {
      for (int c = 0; c < clients; c++) {
        int client = c;
        written.add(callers.submit(() -> {
          List<RegistryRecord> mine = new ArrayList<>();
          for (int r = 0; r < rounds; r++) {
            RegistryRecord record = Records.schema("loop-" + client, r + 1, client * rounds + r + 1);
            assertThat(sink.at(await(log.append(List.of(record))))).isSameAs(record);
            mine.add(record);
          }
          return mine;
        }));
      }
      List<RegistryRecord> all = new ArrayList<>();
      for (var client : written) {
        all.addAll(client.get(120, TimeUnit.SECONDS));
      }
      assertThat(sink.recordsExceptNoops()).containsExactlyInAnyOrderElementsOf(all);
    } finally {
      callers.shutdownNow();
    }
    // One transaction per round, and a few more while the clients first fall into step.
    assertThat(log.commitCount() - commitsBefore).isBetween((long) rounds, rounds + 4L);
  }

  @Test
  void refusesATopicWithMoreThanOnePartition() throws Exception {
    createTopic(2, "compact");

    assertRefused("the schema topic '" + topic + "' has 2 partitions; it must have exactly 1");
  }

  @Test
  void refusesATopicThatIsNotCompacted() throws Exception {
    createTopic(1, "delete");

    assertRefused("has cleanup.policy=delete; it must be compact");
  }

  @Test
  void skipValidationUsesTheTopicAsItIs() throws Exception {
    createTopic(2, "delete");
    Recorder sink = new Recorder();
    KafkaRecordLog log = log(Map.of(KafkaStoreConfig.SKIP_VALIDATION, "true"));
    log.open(sink);

    long offset = await(log.append(List.of(Records.schema("s", 1, 1))));

    assertThat(sink.at(offset)).isEqualTo(Records.schema("s", 1, 1));
  }

  @Test
  void aSecondWriterFencesTheFirstWhichKeepsReading() throws Exception {
    Recorder firstSink = new Recorder();
    KafkaRecordLog first = open(firstSink);
    await(first.append(List.of(Records.schema("f-value", 1, 1))));

    Recorder secondSink = new Recorder();
    KafkaRecordLog second = open(secondSink);
    assertThat(secondSink.recordsExceptNoops()).containsExactly(Records.schema("f-value", 1, 1));

    // Kafka refuses the old writer's records (an old producer epoch); aborting the transaction
    // then tells it that it was fenced, and it stops writing for good.
    assertThatThrownBy(() -> await(first.append(List.of(Records.schema("f-value", 2, 2)))))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(LogException.class)
        .hasMessageStartingWith("not stored: Kafka refused the write");
    long offset = await(second.append(List.of(Records.schema("f-value", 2, 3))));
    assertThatThrownBy(() -> await(first.append(List.of(Records.schema("f-value", 3, 4)))))
        .cause().isInstanceOf(LogException.class)
        .hasMessageContaining("this node was fenced: another Stele instance started writing")
        .hasMessageContaining("writes no more until it is elected leader again");
    // the fenced node wrote nothing, and still follows the topic
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (first.readerPosition() <= offset && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(firstSink.recordsExceptNoops())
        .containsExactly(Records.schema("f-value", 1, 1), Records.schema("f-value", 2, 3));
    assertThat(secondSink.recordsExceptNoops())
        .containsExactly(Records.schema("f-value", 1, 1), Records.schema("f-value", 2, 3));
  }

  @Test
  void anUnreachableBrokerFailsOpenWithinTheInitTimeout() {
    KafkaRecordLog log = new KafkaRecordLog(KafkaStoreConfig.of("127.0.0.1:1", topic, "test")
        .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(2)));
    topics.track(log);

    assertThatThrownBy(() -> log.open(new Recorder()))
        .isInstanceOf(LogException.class)
        .hasMessage("cannot reach Kafka at 127.0.0.1:1 within 2000 ms (127.0.0.1:1: Connection"
            + " refused); is the broker running, and is kafkastore.bootstrap.servers right?");
  }
}
