package dev.stele.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.LogException;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.ConfigRecord;
import dev.stele.registry.log.RegistryRecord.ModeRecord;
import dev.stele.registry.log.RegistryRecord.NoopRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.log.RegistryRecord.SchemaValue;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.Mode;
import dev.stele.schema.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InMemoryRecordLogTest {

  private static final RegistryRecord SCHEMA = new SchemaRecord("s", 1,
      new SchemaValue(1, "AVRO", List.of(), null, null, "\"int\"", false));
  private static final RegistryRecord CONFIG =
      new ConfigRecord(null, Config.ofLevel(CompatibilityLevel.FULL));
  private static final RegistryRecord MODE = new ModeRecord("s", Mode.READONLY);

  @Test
  void deliversDecodedCopiesInOrderAndCompletesWithTheLastOffset() {
    Recorder sink = new Recorder();
    try (InMemoryRecordLog log = new InMemoryRecordLog()) {
      log.open(sink);
      assertThat(log.append(List.of(SCHEMA, CONFIG)).join()).isEqualTo(1L);
      assertThat(log.append(List.of(MODE)).join()).isEqualTo(2L);
    }
    assertThat(sink.records()).containsExactly(SCHEMA, CONFIG, MODE);
    assertThat(sink.records().get(0)).isNotSameAs(SCHEMA); // it went through the bytes
    assertThat(sink.offsets()).containsExactly(0L, 1L, 2L);
    assertThat(sink.threads()).containsOnly(Thread.currentThread());
  }

  @Test
  void reopenReplaysTheStoredRecordsLikeARestart() {
    InMemoryRecordLog first = new InMemoryRecordLog();
    Recorder before = new Recorder();
    first.open(before);
    first.append(List.of(SCHEMA, MODE)).join();
    first.close();
    Recorder after = new Recorder();
    try (InMemoryRecordLog second = first.reopen()) {
      second.open(after);
      assertThat(second.append(List.of(CONFIG)).join()).isEqualTo(2L);
    }
    assertThat(after.records()).containsExactly(SCHEMA, MODE, CONFIG);
    assertThat(after.deliveries().subList(0, 2)).extracting(Recorder.Delivery::timestamp)
        .isEqualTo(before.deliveries().stream().map(Recorder.Delivery::timestamp).toList());
    assertThat(first.records()).containsExactly(SCHEMA, MODE, CONFIG);
  }

  @Test
  void twoOpenLogsOverOneStoreSeeEachOthersAppends() {
    InMemoryRecordLog a = new InMemoryRecordLog();
    InMemoryRecordLog b = a.reopen();
    Recorder seenByA = new Recorder();
    Recorder seenByB = new Recorder();
    a.open(seenByA);
    b.open(seenByB);
    a.append(List.of(SCHEMA)).join();
    b.append(List.of(MODE)).join();
    assertThat(seenByA.records()).containsExactly(SCHEMA, MODE);
    assertThat(seenByB.records()).containsExactly(SCHEMA, MODE);
    a.close();
    b.append(List.of(CONFIG)).join();
    assertThat(seenByA.records()).hasSize(2);
    assertThat(seenByB.offsets()).containsExactly(0L, 1L, 2L);
    b.close();
  }

  @Test
  void injectedFailuresStoreNothing() {
    try (InMemoryRecordLog log = new InMemoryRecordLog()) {
      Recorder sink = new Recorder();
      log.open(sink);
      log.failNextAppends(2);
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> log.append(List.of(SCHEMA)).join())
            .hasCauseInstanceOf(LogException.class);
      }
      assertThat(log.append(List.of(SCHEMA)).join()).isZero();
      assertThat(sink.records()).containsExactly(SCHEMA);
      assertThat(log.size()).isEqualTo(1);
    }
  }

  @Test
  void canDeliverOnAThreadOfItsOwn() {
    Recorder sink = new Recorder();
    try (InMemoryRecordLog log = InMemoryRecordLog.deliveringOnOneThread()) {
      log.open(sink);
      List<CompletableFuture<Long>> futures = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        futures.add(log.append(List.of(i % 2 == 0 ? SCHEMA : MODE)));
      }
      CompletableFuture<Integer> seenAtLast = futures.get(49).thenApply(o -> sink.records().size());
      assertThat(seenAtLast.join()).isEqualTo(50); // delivered before the future completed
      assertThat(futures).extracting(CompletableFuture::join)
          .containsExactlyElementsOf(sink.offsets());
    }
    assertThat(sink.threads()).doesNotContain(Thread.currentThread())
        .containsOnly(sink.threads().get(0));
  }

  @Test
  void unreadableAndForeignRecordsAreSkipped() {
    try (InMemoryRecordLog log = new InMemoryRecordLog()) {
      Recorder live = new Recorder();
      log.open(live);
      log.appendRaw("{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(UTF_8), null);
      log.appendRaw("not json".getBytes(UTF_8), "{}".getBytes(UTF_8));
      log.appendRaw("{\"keytype\":\"ASSOC\",\"magic\":0}".getBytes(UTF_8), "{}".getBytes(UTF_8));
      assertThat(log.append(List.of(SCHEMA)).join()).isEqualTo(3L);
      assertThat(live.records()).containsExactly(new NoopRecord(), SCHEMA);
      Recorder replayed = new Recorder();
      try (InMemoryRecordLog again = log.reopen()) {
        again.open(replayed);
      }
      assertThat(replayed.offsets()).containsExactly(0L, 3L);
      assertThat(log.size()).isEqualTo(4);
    }
  }

  @Test
  void appendsOutsideOpenAndCloseFail() {
    InMemoryRecordLog log = new InMemoryRecordLog();
    assertThatThrownBy(() -> log.append(List.of(SCHEMA)).join())
        .hasCauseInstanceOf(LogException.class).hasMessageContaining("not open");
    log.open(new Recorder());
    log.close();
    assertThatThrownBy(() -> log.append(List.of(SCHEMA)).join())
        .hasCauseInstanceOf(LogException.class).hasMessageContaining("closed");
    assertThat(log.size()).isZero();
  }

  @Test
  void aSinkThatThrowsFailsTheAppendSoTheTestSeesIt() {
    try (InMemoryRecordLog log = new InMemoryRecordLog()) {
      log.open((record, offset, ts) -> {
        throw new IllegalStateException("apply bug");
      });
      assertThatThrownBy(() -> log.append(List.of(SCHEMA)).join())
          .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("apply bug");
    }
  }
}
