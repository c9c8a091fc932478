package dev.stele.store.embedded;

import static dev.stele.testkit.Records.schema;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.LogException;
import dev.stele.registry.log.RecordCodec;
import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.ClearSubjectRecord;
import dev.stele.registry.log.RegistryRecord.ModeRecord;
import dev.stele.registry.model.Mode;
import dev.stele.testkit.Recorder;
import dev.stele.testkit.Records;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRecordLogTest {

  @TempDir Path dir;

  @Test
  void replayAfterReopenDeliversWhatWasAppendedInOrder() {
    List<RegistryRecord> records = Records.everyKind();
    List<Recorder.Delivery> appended;
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      Recorder live = new Recorder();
      log.open(live);
      assertThat(log.append(records.subList(0, 5)).join()).isEqualTo(4L);
      assertThat(log.append(records.subList(5, records.size())).join())
          .isEqualTo(records.size() - 1L);
      appended = live.deliveries();
    }
    Recorder replayed = new Recorder();
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      log.open(replayed);
    }
    assertThat(replayed.records()).isEqualTo(records);
    assertThat(replayed.deliveries()).isEqualTo(appended);
    assertThat(replayed.offsets()).containsExactlyElementsOf(
        LongStream.range(0, records.size()).boxed().toList());
  }

  @Test
  void appendDeliversTheVeryRecordsAppendedThenCompletesWithTheLastOffset() {
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      Recorder sink = new Recorder();
      log.open(sink);
      List<RegistryRecord> first = List.of(schema("s", 1, 1), new ModeRecord("s", Mode.READONLY));
      List<RegistryRecord> second = List.of(schema("s", 2, 2));
      assertThat(log.append(first).join()).isEqualTo(1L);
      assertThat(log.append(second).join()).isEqualTo(2L);
      assertThat(sink.records()).hasSize(3);
      assertThat(sink.records().get(0)).isSameAs(first.get(0));
      assertThat(sink.records().get(1)).isSameAs(first.get(1));
      assertThat(sink.records().get(2)).isSameAs(second.get(0));
      assertThat(sink.offsets()).containsExactly(0L, 1L, 2L);
    }
  }

  @Test
  void offsetsContinueAfterReopen() {
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      log.open(new Recorder());
      log.append(List.of(schema("s", 1, 1), schema("s", 2, 2))).join();
    }
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      Recorder sink = new Recorder();
      log.open(sink);
      assertThat(log.append(List.of(schema("s", 3, 3))).join()).isEqualTo(2L);
      assertThat(sink.offsets()).containsExactly(0L, 1L, 2L);
    }
  }

  @Test
  void theFileHoldsTheTopicsExactBytes() throws Exception {
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      log.open(new Recorder());
      log.append(List.of(schema("t-value", 1, 7), new ModeRecord(null, null))).join();
    }
    try (Connection c = jdbc(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT offset, key, value FROM records ORDER BY offset")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isZero();
      assertThat(new String(rs.getBytes(2), UTF_8))
          .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":1,\"magic\":1}");
      assertThat(rs.getBytes(3)).isEqualTo(RecordCodec.value(schema("t-value", 1, 7)));
      assertThat(rs.next()).isTrue();
      assertThat(new String(rs.getBytes(2), UTF_8)).isEqualTo("{\"keytype\":\"MODE\",\"magic\":0}");
      assertThat(rs.getBytes(3)).isNull();
      assertThat(rs.next()).isFalse();
    }
    try (Connection c = jdbc(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void appendsArrivingDuringACommitShareTheNextOne() throws Exception {
    Gate gate = new Gate();
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      Recorder recorder = new Recorder();
      log.open(gate.before(recorder));
      CompletableFuture<Long> first = log.append(List.of(schema("first", 1, 1)));
      gate.awaitBlocked(); // the committer sits in the sink: what comes now has to queue
      int writers = 4;
      int perWriter = 25;
      List<CompletableFuture<Long>> futures = appendConcurrently(log, writers, perWriter);
      gate.open();
      assertThat(first.join()).isZero();
      List<Long> acked = futures.stream().map(CompletableFuture::join).sorted().toList();
      assertThat(acked).containsExactlyElementsOf(
          LongStream.rangeClosed(1, writers * perWriter).boxed().toList());
      assertThat(log.commitCount()).isEqualTo(2);
      assertThat(recorder.offsets()).containsExactlyElementsOf(
          LongStream.rangeClosed(0, writers * perWriter).boxed().toList());
    }
  }

  @Test
  void concurrentAppendsGetDistinctContiguousOffsetsAndFewerCommits() throws Exception {
    int writers = 8;
    int perWriter = 50;
    int appends = writers * perWriter;
    // The committer waits in its first delivery until `writers` more appends have queued (the
    // writers run free meanwhile), so at least that many share the next commit: N appends then
    // take at most N - writers + 1 commits, whatever the scheduling.
    CountDownLatch queuedBehindTheFirst = new CountDownLatch(writers + 1);
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      Recorder recorder = new Recorder();
      log.open((record, offset, ts) -> {
        if (offset == 0) {
          awaitQuietly(queuedBehindTheFirst);
        }
        recorder.apply(record, offset, ts);
      });
      List<CompletableFuture<Long>> futures =
          appendConcurrently(log, writers, perWriter, queuedBehindTheFirst::countDown);
      List<Long> acked = futures.stream().map(CompletableFuture::join).sorted().toList();
      assertThat(acked).containsExactlyElementsOf(LongStream.range(0, appends).boxed().toList());
      assertThat(recorder.offsets()).isEqualTo(acked);
      assertThat(log.commitCount()).isPositive().isLessThanOrEqualTo(appends - writers + 1L)
          .isLessThan(appends);
      // each writer's own appends reach the sink in the order it made them
      for (int w = 0; w < writers; w++) {
        String prefix = "w" + w + "-";
        List<String> mine = recorder.records().stream()
            .map(r -> ((RegistryRecord.SchemaRecord) r).subject())
            .filter(s -> s.startsWith(prefix)).toList();
        assertThat(mine).containsExactlyElementsOf(
            IntStream.range(0, perWriter).mapToObj(i -> prefix + i).toList());
      }
    }
  }

  @Test
  void aFailedCommitFailsItsWholeBatchAndDeliversNothingOfIt() throws Exception {
    Gate gate = new Gate();
    Recorder recorder = new Recorder();
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      log.open(gate.before(recorder));
      CompletableFuture<Long> first = log.append(List.of(schema("a", 1, 1)));
      gate.awaitBlocked();
      execute("CREATE TRIGGER poison BEFORE INSERT ON records "
          + "WHEN CAST(NEW.key AS TEXT) LIKE '%poison%' BEGIN SELECT RAISE(ABORT, 'poisoned'); END");
      CompletableFuture<Long> good = log.append(List.of(schema("b", 1, 2)));
      CompletableFuture<Long> bad = log.append(List.of(new ClearSubjectRecord("poison")));
      gate.open();
      assertThat(first.join()).isZero();
      for (CompletableFuture<Long> failed : List.of(good, bad)) {
        assertThatThrownBy(failed::join).isInstanceOf(CompletionException.class)
            .hasCauseInstanceOf(LogException.class).hasMessageContaining("poisoned");
      }
      RegistryRecord after = schema("c", 1, 3);
      assertThat(log.append(List.of(after)).join()).isEqualTo(1L);
      assertThat(recorder.records()).containsExactly(schema("a", 1, 1), after);
      assertThat(log.commitCount()).isEqualTo(2);
    }
    Recorder replayed = new Recorder();
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      log.open(replayed);
    }
    assertThat(replayed.deliveries()).isEqualTo(recorder.deliveries());
  }

  @Test
  void closeFailsQueuedAppendsAndRefusesNewOnes() throws Exception {
    Gate gate = new Gate();
    SqliteRecordLog log = new SqliteRecordLog(dir);
    log.open(gate.before(new Recorder()));
    CompletableFuture<Long> inFlight = log.append(List.of(schema("a", 1, 1)));
    gate.awaitBlocked();
    CompletableFuture<Long> queued = log.append(List.of(schema("b", 1, 2)));
    Thread closer = new Thread(log::close);
    closer.start();
    assertThatThrownBy(queued::join).hasCauseInstanceOf(LogException.class)
        .hasMessageContaining("closed");
    gate.open();
    closer.join();
    assertThat(inFlight.join()).isZero(); // it was being committed: it is stored
    assertThatThrownBy(() -> log.append(List.of(schema("c", 1, 3))).join())
        .hasCauseInstanceOf(LogException.class).hasMessageContaining("closed");
    Recorder replayed = new Recorder();
    try (SqliteRecordLog again = new SqliteRecordLog(dir)) {
      again.open(replayed);
    }
    assertThat(replayed.records()).containsExactly(schema("a", 1, 1));
  }

  @Test
  void appendBeforeOpenOrWithNothingFails() {
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      assertThatThrownBy(() -> log.append(List.of(schema("a", 1, 1))).join())
          .hasCauseInstanceOf(LogException.class).hasMessageContaining("not open");
      log.open(new Recorder());
      assertThatThrownBy(() -> log.append(List.of()).join())
          .hasCauseInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aSecondOpenerOfTheDirectoryIsRefusedUntilTheFirstCloses() {
    SqliteRecordLog first = new SqliteRecordLog(dir);
    first.open(new Recorder());
    first.append(List.of(schema("a", 1, 1))).join();
    SqliteRecordLog second = new SqliteRecordLog(dir);
    assertThatThrownBy(() -> second.open(new Recorder()))
        .isInstanceOf(LogException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("in use by another Stele process")
        .hasMessageContaining("pid " + ProcessHandle.current().pid());
    first.close();
    Recorder replayed = new Recorder();
    try (SqliteRecordLog third = new SqliteRecordLog(dir)) {
      third.open(replayed);
    }
    assertThat(replayed.records()).containsExactly(schema("a", 1, 1));
  }

  @Test
  void unreadableAndForeignRowsAreSkippedOnReplay() throws Exception {
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      log.open(new Recorder());
      log.append(List.of(schema("a", 1, 1), schema("a", 2, 2))).join();
    }
    insertRow(2, "{\"keytype\":\"SCH", null);
    insertRow(3, "{\"keytype\":\"CONFIG\",\"magic\":0}", "{\"compatibilityLevel\":\"SIDEWAYS\"}");
    insertRow(4, "{\"keytype\":\"ASSOC\",\"tenant\":\"default\",\"subject\":\"a\",\"magic\":0}", "{}");
    insertRow(5, "{\"keytype\":\"SCHEMA\",\"subject\":\"a\",\"version\":3,\"magic\":0}",
        "{\"id\":3,\"schema\":\"\\\"int\\\"\"}");
    Recorder replayed = new Recorder();
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      log.open(replayed);
      assertThat(log.append(List.of(schema("a", 4, 4))).join()).isEqualTo(6L);
    }
    assertThat(replayed.offsets()).containsExactly(0L, 1L, 5L, 6L);
    assertThat(replayed.records().get(2)).isEqualTo(new RegistryRecord.SchemaRecord("a", 3,
        new RegistryRecord.SchemaValue(3, "AVRO", List.of(), null, null, "\"int\"", false)));
  }

  @Test
  void aSinkThatThrowsDoesNotStopTheLog() {
    List<RegistryRecord> seen = new ArrayList<>();
    RecordSink sink = (record, offset, ts) -> {
      if (offset == 0) {
        throw new IllegalStateException("bug in apply");
      }
      seen.add(record);
    };
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      log.open(sink);
      assertThat(log.append(List.of(schema("a", 1, 1), schema("a", 2, 2))).join()).isEqualTo(1L);
    }
    assertThat(seen).containsExactly(schema("a", 2, 2));
  }

  @Test
  void theDataDirectoryIsCreatedWhenMissing() {
    Path nested = dir.resolve("x").resolve("y");
    try (SqliteRecordLog log = new SqliteRecordLog(nested)) {
      log.open(new Recorder());
      log.append(List.of(schema("a", 1, 1))).join();
    }
    assertThat(nested.resolve(SqliteRecordLog.DB_FILE)).isRegularFile();
    assertThat(Files.exists(nested.resolve(DataDirLock.FILE_NAME))).isTrue();
  }

  private static List<CompletableFuture<Long>> appendConcurrently(
      SqliteRecordLog log, int writers, int perWriter) throws InterruptedException {
    return appendConcurrently(log, writers, perWriter, () -> {});
  }

  /** @param queued run after each append call returns, that is once the append is queued */
  private static List<CompletableFuture<Long>> appendConcurrently(SqliteRecordLog log,
      int writers, int perWriter, Runnable queued) throws InterruptedException {
    List<CompletableFuture<Long>> futures = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      threads.add(new Thread(() -> {
        for (int i = 0; i < perWriter; i++) {
          CompletableFuture<Long> f = log.append(List.of(schema("w" + writer + "-" + i, 1, i + 1)));
          synchronized (futures) {
            futures.add(f);
          }
          queued.run();
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    return futures;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Holds the committer inside the sink at its first delivery until the test opens it. */
  private static final class Gate {
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    RecordSink before(RecordSink next) {
      return (record, offset, ts) -> {
        if (offset == 0) {
          blocked.countDown();
          try {
            open.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        next.apply(record, offset, ts);
      };
    }

    void awaitBlocked() throws InterruptedException {
      blocked.await();
    }

    void open() {
      open.countDown();
    }
  }

  private Connection jdbc() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteRecordLog.DB_FILE));
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = jdbc(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private void insertRow(long offset, String key, String value) throws SQLException {
    try (Connection c = jdbc(); PreparedStatement ps =
        c.prepareStatement("INSERT INTO records (offset, key, value, ts) VALUES (?, ?, ?, 0)")) {
      ps.setLong(1, offset);
      ps.setBytes(2, key.getBytes(UTF_8));
      ps.setBytes(3, value == null ? null : value.getBytes(UTF_8));
      ps.executeUpdate();
    }
  }
}
