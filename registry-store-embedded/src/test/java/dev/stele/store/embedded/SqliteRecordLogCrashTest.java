package dev.stele.store.embedded;

import static dev.stele.testkit.Records.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.LogException;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.ModeRecord;
import dev.stele.registry.model.Mode;
import dev.stele.testkit.Recorder;
import dev.stele.testkit.Records;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durability under SIGKILL: what a process acknowledged is in the file after it dies. */
class SqliteRecordLogCrashTest {
  private static final int ACKS_BEFORE_KILL = 400;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedAppendSurvivesKillNine() throws Exception {
    Path data = dir.resolve("data");
    Path stderr = dir.resolve("child.err");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        AppendingChild.class.getName(), data.toString(), "4")
        .redirectError(stderr.toFile())
        .start();
    List<String> acks = new CopyOnWriteArrayList<>();
    CountDownLatch ready = new CountDownLatch(1);
    Thread reader = new Thread(() -> readLines(child, ready, acks));
    reader.start();
    try {
      assertThat(ready.await(60, TimeUnit.SECONDS)).as("child started: %s", errors(stderr))
          .isTrue();
      assertThatThrownBy(() -> new SqliteRecordLog(data).open(new Recorder()))
          .isInstanceOf(LogException.class)
          .hasMessageContaining("pid " + child.pid());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (acks.size() < ACKS_BEFORE_KILL && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } finally {
      child.destroyForcibly(); // SIGKILL, in the middle of the appenders' burst
      child.waitFor();
      reader.join();
    }
    assertThat(acks).as("acknowledged before the kill; child stderr: %s", errors(stderr))
        .isNotEmpty();

    Recorder replayed = new Recorder();
    try (SqliteRecordLog log = new SqliteRecordLog(data)) {
      log.open(replayed);
    }
    Map<Long, RegistryRecord> byOffset = new HashMap<>();
    replayed.deliveries().forEach(d -> byOffset.put(d.offset(), d.record()));
    for (String ack : acks) {
      String[] parts = ack.split(" ");
      long offset = Long.parseLong(parts[1]);
      String subject = parts[2];
      int i = Integer.parseInt(subject.substring(subject.indexOf('-') + 1));
      assertThat(byOffset.get(offset)).as(ack).isEqualTo(new ModeRecord(subject, Mode.READONLY));
      assertThat(byOffset.get(offset - 1)).as(ack).isEqualTo(schema(subject, 1, i + 1));
    }
    // nothing half-written either: every stored append is whole and offsets have no gaps
    assertThat(replayed.offsets())
        .containsExactlyElementsOf(LongStream.range(0, replayed.offsets().size()).boxed().toList());
    assertThat(replayed.offsets().size() % 2).isZero();
  }

  private static void readLines(Process child, CountDownLatch ready, List<String> acks) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("READY")) {
          ready.countDown();
        } else if (line.startsWith("ACK ")) {
          acks.add(line);
        }
      }
    } catch (IOException e) {
      // the pipe breaks when the child dies: what was read is what was acknowledged
    }
  }

  private static String errors(Path stderr) {
    try {
      return Files.exists(stderr) ? Files.readString(stderr) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }
}
