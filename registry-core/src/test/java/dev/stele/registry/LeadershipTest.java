package dev.stele.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.cluster.LeaderElector;
import dev.stele.registry.cluster.NodeIdentity;
import dev.stele.registry.log.LogException;
import dev.stele.registry.log.RecordLog;
import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.SchemaFormats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A cluster member's node writes exactly while elected, from the state the log delivered. */
class LeadershipTest {
  private static final NodeIdentity SELF = new NodeIdentity("http", "127.0.0.1", 8081, true);
  private static final NodeIdentity OTHER = new NodeIdentity("http", "127.0.0.1", 8082, true);

  /** A log that counts takeovers and can fail an append with an unknown outcome. */
  private static final class SharedLog implements RecordLog {
    final List<String> calls = new ArrayList<>();
    private final List<RegistryRecord> records = new ArrayList<>();
    private RecordSink sink;
    boolean unknownNext;
    volatile boolean termLost; // as Kafka ending a transaction of this node's writer

    @Override
    public boolean writing() {
      return !termLost;
    }

    @Override
    public synchronized void open(RecordSink target) {
      sink = target;
    }

    @Override
    public synchronized void becomeWriter() {
      calls.add("becomeWriter");
      termLost = false;
    }

    @Override
    public synchronized void stopWriting() {
      calls.add("stopWriting");
    }

    @Override
    public synchronized CompletableFuture<Long> append(List<RegistryRecord> batch) {
      if (unknownNext) {
        unknownNext = false;
        return CompletableFuture.failedFuture(LogException.outcomeUnknown("commit unconfirmed"));
      }
      for (RegistryRecord record : batch) {
        records.add(record);
        sink.apply(record, records.size() - 1, 0L);
      }
      return CompletableFuture.completedFuture((long) records.size() - 1);
    }

    @Override
    public void close() {}
  }

  private static final class FakeElector implements LeaderElector {
    Listener listener;

    @Override
    public void start(NodeIdentity self, Listener listener) {
      this.listener = listener;
    }

    @Override
    public Optional<NodeIdentity> leader() {
      return Optional.empty();
    }

    @Override
    public void close() {}
  }

  private final SharedLog log = new SharedLog();
  private final FakeElector elector = new FakeElector();
  private final RegistryNode node =
      RegistryNode.openMember(log, SchemaFormats.load(), NodeOptions.DEFAULTS);

  @AfterEach
  void close() {
    node.close();
  }

  private int register(String subject, String schema) throws Exception {
    return node.registry().register(new Requests.Register(subject, SchemaPayload.of(schema, null),
        false, null, null)).toCompletableFuture().get(10, TimeUnit.SECONDS).id();
  }

  private void assertRefused(String subject, ErrorCode code) {
    assertThatThrownBy(() -> node.registry().register(new Requests.Register(subject,
        SchemaPayload.of("\"bytes\"", null), false, null, null)).toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void writesOnlyWhileElected() throws Exception {
    node.joinElection(elector, SELF);
    assertThat(node.leadership().ready()).as("no result yet").isFalse();
    assertRefused("a", ErrorCode.UNKNOWN_LEADER);

    elector.listener.elected();
    awaitTrue(() -> node.leadership().ready());
    assertThat(node.leadership().leads()).isTrue();
    assertThat(node.leadership().leader()).contains(SELF);
    assertThat(register("a", "\"string\"")).isEqualTo(1);

    elector.listener.following(OTHER);
    assertThat(node.leadership().leads()).isFalse();
    assertThat(node.leadership().leader()).contains(OTHER);
    assertThat(node.leadership().ready()).isTrue();
    assertRefused("b", ErrorCode.UNKNOWN_LEADER);

    elector.listener.elected();
    awaitTrue(() -> node.leadership().ready() && node.leadership().leads());
    // Decided from the applied state: the id sequence goes on.
    assertThat(register("b", "\"int\"")).isEqualTo(2);
    elector.listener.elected(); // re-elected after a rebalance: no new takeover
    elector.listener.leaderUnknown();
    assertThat(node.leadership().leader()).isEmpty();
    assertRefused("c", ErrorCode.UNKNOWN_LEADER);
    awaitTrue(() -> log.calls.size() == 4);
    assertThat(log.calls).containsExactly("becomeWriter", "stopWriting", "becomeWriter",
        "stopWriting");
  }

  @Test
  void anElectedNodeWhoseLogLostItsTermTakesItOverAgain() throws Exception {
    node.joinElection(elector, SELF);
    elector.listener.elected();
    awaitTrue(() -> node.leadership().ready());
    assertThat(register("a", "\"string\"")).isEqualTo(1);

    log.termLost = true;
    // At once not ready, so the HTTP layer holds writes rather than sending them to the log.
    assertThat(node.leadership().ready()).isFalse();
    assertThat(node.leadership().leads()).isTrue();
    awaitTrue(() -> log.calls.size() == 2);
    awaitTrue(() -> node.leadership().ready());
    assertThat(log.calls).containsExactly("becomeWriter", "becomeWriter");
    assertThat(register("b", "\"int\"")).isEqualTo(2);
  }

  @Test
  void aWriteWhoseOutcomeIsUnknownIs50002() throws Exception {
    node.joinElection(elector, SELF);
    elector.listener.elected();
    awaitTrue(() -> node.leadership().ready());
    log.unknownNext = true;
    assertRefused("a", ErrorCode.OPERATION_TIMEOUT);
    assertThat(register("a", "\"string\"")).isEqualTo(1);
  }

  @Test
  void aNodeOpenedAloneAlwaysLeads() {
    RegistryNode alone = RegistryNode.open(new MemoryLog(), SchemaFormats.load(), NodeOptions.DEFAULTS);
    try {
      assertThat(alone.leadership().leads()).isTrue();
      assertThat(alone.leadership().ready()).isTrue();
      assertThatThrownBy(() -> alone.joinElection(elector, SELF))
          .isInstanceOf(IllegalStateException.class);
    } finally {
      alone.close();
    }
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
