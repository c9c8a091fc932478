package dev.stele.store.kafka;

import static dev.stele.store.kafka.Eventually.awaitTrue;
import static dev.stele.store.kafka.Registrations.register;
import static dev.stele.store.kafka.Registrations.registerFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.RegistryNode;
import dev.stele.registry.cluster.NodeIdentity;
import dev.stele.registry.log.LogException;
import dev.stele.registry.log.RegistryRecord.NoopRecord;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.SchemaFormats;
import dev.stele.testkit.Recorder;
import dev.stele.testkit.kafka.KafkaBrokers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Leader election and the leader-only writer, with several nodes on one real broker. */
class ElectionTest {
  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private KafkaStoreConfig config(String name) {
    return KafkaStoreConfig.of(KAFKA.bootstrapServers(), "schemas-" + name, "group-" + name)
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));
  }

  private record Member(RegistryNode node, KafkaLeaderElector elector, NodeIdentity self) {}

  private Member member(String name, int port, boolean eligible) {
    KafkaStoreConfig config = config(name);
    RegistryNode node = RegistryNode.openMember(KafkaRecordLog.member(config), SchemaFormats.load(),
        NodeOptions.DEFAULTS);
    open.add(node);
    KafkaLeaderElector elector = new KafkaLeaderElector(config, "group-" + name);
    NodeIdentity self = new NodeIdentity("http", "127.0.0.1", port, eligible);
    node.joinElection(elector, self);
    return new Member(node, elector, self);
  }

  @Test
  void theSmallestEligibleUrlLeadsAndFailsOverWhenItLeaves(TestInfo info) throws Exception {
    String name = info.getTestMethod().orElseThrow().getName();
    Member never = member(name, 1001, false); // smallest URL, but not eligible
    Member first = member(name, 1002, true);
    Member second = member(name, 1003, true);

    awaitTrue("the three agree that 1002 leads", () -> List.of(never, first, second).stream()
        .allMatch(m -> m.node().leadership().leader().equals(Optional.of(first.self()))));
    awaitTrue("the leader's writer runs", () -> first.node().leadership().ready());
    assertThat(first.node().leadership().leads()).isTrue();
    assertThat(never.node().leadership().leads()).isFalse();
    assertThat(second.node().leadership().leads()).isFalse();
    assertThat(first.elector().leader()).contains(first.self());

    int id = register(first.node(), "a", "\"string\"");
    RegistryException refused = registerFailure(second.node(), "b", "\"int\"");
    assertThat(refused.code()).isEqualTo(ErrorCode.UNKNOWN_LEADER);
    awaitTrue("followers apply the leader's writes", () -> second.node().subjectCount() == 1
        && never.node().subjectCount() == 1);

    first.node().close(); // leaves the group: the next election needs no session timeout
    long left = System.nanoTime();
    awaitTrue("1003 takes over", () -> second.node().leadership().leads()
        && second.node().leadership().ready());
    assertThat(never.node().leadership().leader()).contains(second.self());
    assertThat(Duration.ofNanos(System.nanoTime() - left)).isLessThan(Duration.ofSeconds(30));

    int next = register(second.node(), "b", "\"int\"");
    assertThat(next).isGreaterThan(id);
    // The new leader decided on everything the old one wrote: the old schema keeps its id.
    assertThat(register(second.node(), "c", "\"string\"")).isEqualTo(id);
    assertThat(never.node().leadership().leads()).isFalse();
  }

  @Test
  void aDeposedWriterIsFencedByKafka(TestInfo info) throws Exception {
    KafkaStoreConfig config = config(info.getTestMethod().orElseThrow().getName());
    KafkaRecordLog old = KafkaRecordLog.member(config);
    KafkaRecordLog next = KafkaRecordLog.member(config);
    open.add(old);
    open.add(next);
    old.open(new Recorder());
    next.open(new Recorder());
    assertThatThrownBy(() -> old.append(List.of(new NoopRecord())).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(LogException.class).hasMessageContaining("does not lead");

    old.becomeWriter();
    old.append(List.of(new NoopRecord())).get(30, TimeUnit.SECONDS);
    next.becomeWriter(); // elected while the old one still believes it leads

    // Kafka refuses the deposed writer: its append fails; the new one writes.
    assertThatThrownBy(() -> old.append(List.of(new NoopRecord())).get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(LogException.class);
    next.append(List.of(new NoopRecord())).get(30, TimeUnit.SECONDS);

    next.stopWriting();
    assertThatThrownBy(() -> next.append(List.of(new NoopRecord())).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(LogException.class);
    old.becomeWriter(); // fenced before: a new term with a new producer
    old.append(List.of(new NoopRecord())).get(30, TimeUnit.SECONDS);
  }
}
