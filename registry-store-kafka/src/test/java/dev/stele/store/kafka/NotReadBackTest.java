package dev.stele.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.LogException;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.testkit.Records;
import dev.stele.testkit.kafka.KafkaBrokers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A write Kafka confirmed but this node has not read back (its reader held, as when the broker
 * goes away right after the commit): the caller is answered within the apply timeout that the
 * write is stored (it is: Kafka committed it), later writes are refused until the reader has it,
 * and then writing resumes.
 */
class NotReadBackTest {
  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);

  @Test
  void aConfirmedWriteNotReadBackIsAnsweredAsStoredAndHoldsLaterWrites() throws Exception {
    KafkaStoreConfig config = KafkaStoreConfig.of(KAFKA.bootstrapServers(), "schemas-unread", "test")
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60))
        .withApplyTimeout(Duration.ofSeconds(1));
    HeldSink sink = new HeldSink();
    try (KafkaRecordLog log = new KafkaRecordLog(config)) {
      log.open(sink);
      log.append(List.of(Records.schema("a", 1, 1))).get(30, TimeUnit.SECONDS);

      sink.armed = true;
      long started = System.nanoTime();
      CompletableFuture<Long> unread = log.append(List.of(Records.schema("a", 2, 2)));
      long unreadOffset = unread.get(30, TimeUnit.SECONDS);
      assertThat(unreadOffset).isPositive();
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertThat(waitedMillis).isBetween(900L, 10_000L);
      assertThat(sink.entered.getCount()).isZero(); // the reader is held on that very record

      // Held: nothing more is stored, and the refusal says it is certain.
      assertThatThrownBy(() -> log.append(List.of(Records.schema("b", 1, 3))).get(30, TimeUnit.SECONDS))
          .cause().isInstanceOf(LogException.class)
          .hasMessageContaining("has not been read back yet")
          .matches(e -> !((LogException) e).outcomeUnknown(), "says the write is not stored");

      sink.release();
      // Once read back: the first append is refused (it may have been decided on the state
      // without the write), the next is stored.
      Appends.Stored stored = Appends.untilStored(
          () -> log.append(List.of(Records.schema("c", 1, 4))));
      List<String> refusals = stored.refusals();
      assertThat(stored.offset()).isGreaterThan(unreadOffset);
      assertThat(refusals).isNotEmpty().last().asString()
          .contains("may have been decided before an earlier write was read back");
      assertThat(refusals).allMatch(m -> m.contains("read back"));
      List<RegistryRecord> applied = sink.applied().recordsExceptNoops();
      assertThat(applied).containsExactly(Records.schema("a", 1, 1), Records.schema("a", 2, 2),
          Records.schema("c", 1, 4));
    }
  }
}
