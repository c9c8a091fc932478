package dev.stele.store.kafka;

import static dev.stele.store.kafka.Registrations.register;
import static dev.stele.store.kafka.Registrations.registerFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.RegistryNode;
import dev.stele.registry.log.LogException;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.SchemaFormats;
import dev.stele.testkit.Recorder;
import dev.stele.testkit.Records;
import dev.stele.testkit.kafka.KafkaBrokers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broker goes away and comes back: writes fail fast, reads go on, writes resume by themselves. */
class BrokerOutageTest {
  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);

  @Test
  void writesFailFastWhileTheBrokerIsDownAndResumeWhenItIsBack() throws Exception {
    KafkaStoreConfig config = KafkaStoreConfig.of(KAFKA.bootstrapServers(), "_schemas", "outage")
        .withTimeouts(Duration.ofMillis(1000), Duration.ofSeconds(60));
    try (RegistryNode node = RegistryNode.open(new KafkaRecordLog(config), SchemaFormats.load(),
        NodeOptions.DEFAULTS)) {
      assertThat(register(node, "before", "\"string\"")).isEqualTo(1);

      KAFKA.cluster().kill(0);

      // Each write is answered (well before the core's own 30 s write timeout, which would be
      // 50002) with 50001 and a message that says whether it may still land.
      List<String> messages = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        RegistryException failure = registerFailure(node, "during-" + i, "{\"type\":\"fixed\","
            + "\"name\":\"F\",\"size\":" + (i + 1) + "}");
        // 50001 when nothing was stored; 50002 when Kafka may still apply the write.
        assertThat(failure.code()).isEqualTo(failure.getMessage().contains("may still be stored")
            ? ErrorCode.OPERATION_TIMEOUT : ErrorCode.STORE_ERROR);
        messages.add(failure.getMessage());
      }
      assertThat(messages).allSatisfy(m -> assertThat(m).satisfiesAnyOf(
          text -> assertThat(text).startsWith("Error while writing to the store: not stored: "),
          text -> assertThat(text).startsWith("Write operation may or may not have been applied: ")
              .contains("it may still be stored")));

      // reads are served from memory meanwhile
      assertThat(node.registry().versions(
          new Requests.ListVersions("before", false, false, false, 0, -1))).containsExactly(1);
      assertThat(node.registry().schemaById(new Requests.SchemaById(1, null, null, false))
          .schema().schema()).isEqualTo("\"string\"");

      KAFKA.cluster().restart(0);

      int id = registerOnceKafkaIsBack(node, "after", "\"long\"");
      assertThat(id).isGreaterThan(1);
      assertThat(node.registry().versions(
          new Requests.ListVersions("after", false, false, false, 0, -1))).containsExactly(1);
    }
  }

  @Test
  void aWriteAFrozenBrokerDoesNotConfirmIsReportedAsMaybeStoredAndThenSettled() throws Exception {
    KafkaStoreConfig config = KafkaStoreConfig.of(KAFKA.bootstrapServers(), "frozen", "frozen")
        .withTimeouts(Duration.ofMillis(1000), Duration.ofSeconds(60));
    Recorder sink = new Recorder();
    try (KafkaRecordLog log = new KafkaRecordLog(config)) {
      log.open(sink);
      log.append(List.of(Records.schema("s", 1, 1))).get(60, TimeUnit.SECONDS);

      KAFKA.cluster().freeze(0);
      LogException unconfirmedFailure;
      LogException refusedFailure;
      try {
        unconfirmedFailure = Appends.failure(log.append(List.of(Records.schema("s", 2, 2))));
        refusedFailure = Appends.failure(log.append(List.of(Records.schema("s", 3, 3))));
      } finally {
        KAFKA.cluster().thaw(0);
      }
      // The core answers 50002 ("may have been applied") for the first, 50001 for the second.
      assertThat(unconfirmedFailure.outcomeUnknown()).isTrue();
      assertThat(refusedFailure.outcomeUnknown()).isFalse();
      String unconfirmed = unconfirmedFailure.getMessage();
      String refused = refusedFailure.getMessage();
      assertThat(unconfirmed).startsWith("Kafka did not confirm the write within 1000 ms")
          .endsWith("it may still be stored and then applied");
      assertThat(refused).startsWith("not stored: Kafka has not confirmed an earlier write yet");

      // Once Kafka answers, the unconfirmed write is settled (here: committed, and applied);
      // until then, and once more after, appends are refused and store nothing.
      List<String> refusals = Appends.untilStored(
          () -> log.append(List.of(Records.schema("s", 4, 4)))).refusals();
      assertThat(refusals).isNotEmpty().allSatisfy(m -> assertThat(m).startsWith("not stored: "));
      assertThat(refusals.get(refusals.size() - 1))
          .startsWith("not stored: this write may have been decided before an earlier");
      assertThat(sink.recordsExceptNoops()).containsExactly(Records.schema("s", 1, 1),
          Records.schema("s", 2, 2), Records.schema("s", 4, 4));
    }
  }

  /** Kafka answers again within seconds of the restart; the node needs no help to use it. */
  private static int registerOnceKafkaIsBack(RegistryNode node, String subject, String schema)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      try {
        return register(node, subject, schema);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RegistryException failure)
            || failure.code() != ErrorCode.STORE_ERROR || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }
}
