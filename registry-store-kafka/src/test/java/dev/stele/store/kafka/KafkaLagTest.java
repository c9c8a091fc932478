package dev.stele.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.log.RegistryRecord;
import dev.stele.testkit.Recorder;
import dev.stele.testkit.Records;
import dev.stele.testkit.kafka.KafkaBrokers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link KafkaRecordLog#lag()} on a real broker: a follower whose apply is held back counts the
 * committed records it has not delivered, and comes back to 0 once it has.
 */
class KafkaLagTest {
  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);
  private final List<KafkaRecordLog> logs = new ArrayList<>();

  @AfterEach
  void closeLogs() {
    logs.forEach(KafkaRecordLog::close);
  }

  @Test
  void aFollowerHeldInItsApplyCountsWhatItHasNotDelivered() throws Exception {
    KafkaStoreConfig config = KafkaStoreConfig.of(KAFKA.bootstrapServers(), "schemas-lag", "test")
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));
    KafkaRecordLog writer = new KafkaRecordLog(config);
    logs.add(writer);
    writer.open(new Recorder());
    KafkaRecordLog follower = KafkaRecordLog.member(config);
    logs.add(follower);
    HeldSink sink = new HeldSink();
    follower.open(sink);
    awaitLag(follower, 0);
    awaitLag(writer, 0);

    sink.armed = true;
    long last;
    try {
      List<RegistryRecord> five = List.of(Records.schema("a", 1, 1), Records.schema("a", 2, 2),
          Records.schema("a", 3, 3), Records.schema("a", 4, 4), Records.schema("a", 5, 5));
      last = writer.append(five).get(60, TimeUnit.SECONDS);
      assertThat(sink.entered.await(60, TimeUnit.SECONDS)).isTrue();

      // Held on the first of the five: they all wait (the transaction marker after them too);
      // the end was noted when the poll returned, before the first apply began.
      assertThat(follower.lag()).isBetween(5L, 6L);
      assertThat(follower.readerPosition()).isLessThanOrEqualTo(last - 4);
    } finally {
      sink.release();
    }
    awaitLag(follower, 0);
    assertThat(follower.readerPosition()).isGreaterThan(last);
    awaitLag(writer, 0);
  }

  /** Waits until the lag is {@code expected}; fails with the last value after 60 s. */
  private static void awaitLag(KafkaRecordLog log, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (log.lag() != expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(log.lag()).isEqualTo(expected);
  }
}
