package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issue #17's generator: seeded random and adversarial Avro and JSON Schema shapes (wide, deep,
 * recursive, combinatorial; some past the limits) and a mutated next version of each, registered
 * under BACKWARD or FULL_TRANSITIVE subjects of a real server process. No answer may be a 5xx or
 * come later than its ceiling, and the server's heap, read from /metrics, stays bounded.
 * {@code -Dstele.hostile.seed=N} replays a run; {@code -Dstele.hostile.shapes=N} sets its size.
 */
@Isolated // alone: it times every answer and watches the server's heap.
class HostileShapesAcceptanceTest {
  private static final Ceiling ANSWER = Ceiling.of("hostile.shape.answer", Duration.ofSeconds(2));
  private static final long SEED = Long.getLong("stele.hostile.seed", System.nanoTime());
  private static final int SHAPES = Integer.getInteger("stele.hostile.shapes", 200);
  /** ServerProcess's -Xmx; /metrics must report the same, or the bounds below mean nothing. */
  private static final long HEAP_MAX = 512L << 20;
  private static final String[] KINDS = {"wide", "deep", "recursive", "combinatorial", "random"};
  private static final AnswerTimes TIMES = new AnswerTimes();

  @TempDir static Path work;
  private static ServerProcess server;
  private static Http http;

  @BeforeAll
  static void start() throws IOException {
    System.out.println("HostileShapesAcceptanceTest seed " + SEED
        + " (replay with -Dstele.hostile.seed=" + SEED + ")");
    server = ServerProcess.start(work, Map.of());
    http = new Http(server.url(), Duration.ofSeconds(60));
    HostileInputAcceptanceTest.warmUp(http);
  }

  @AfterAll
  static void stop() {
    TIMES.publish("Hostile shapes (seed " + SEED + "), worst answer per group:",
        "hostile-shapes-times.txt", ANSWER);
    if (server != null) {
      server.stop();
      server.close();
    }
  }

  @Test
  void noShapeGetsA5xxOrALateAnswerAndTheHeapStaysBounded() throws IOException {
    Random random = new Random(SEED);
    AvroShapes avro = new AvroShapes(random);
    JsonShapes json = new JsonShapes(random);
    Map<String, Integer> statuses = new TreeMap<>();
    long peakUsed = 0;
    for (int i = 0; i < SHAPES; i++) {
      int kind = i % KINDS.length;
      boolean isAvro = (i / KINDS.length) % 2 == 0;
      String type = isAvro ? null : "JSON";
      ObjectNode first = isAvro ? avro.shape(kind) : json.shape(kind);
      ObjectNode next = isAvro ? avro.mutate(first) : json.mutate(first);
      String group = (isAvro ? "avro-" : "json-") + KINDS[kind];
      String subject = "shape-" + i + "-value";
      String level = random.nextBoolean() ? "BACKWARD" : "FULL_TRANSITIVE";
      String label = "shape " + i + " (" + group + ", " + level + ", seed " + SEED + ")";
      answer(statuses, group, label + " config", "PUT", "/config/" + subject,
          "{\"compatibility\":\"" + level + "\"}");
      for (ObjectNode version : new ObjectNode[] {first, next}) {
        String body = HostileCase.registration(version.toString(), type, null);
        answer(statuses, group, label + " register", "POST", "/subjects/" + subject
            + "/versions", body);
        answer(statuses, group, label + " compatibility", "POST", "/compatibility/subjects/"
            + subject + "/versions/latest?verbose=true", body);
      }
      if (i % 20 == 19 || i == SHAPES - 1) {
        peakUsed = Math.max(peakUsed, assertHeapBounded(label));
      }
    }
    System.out.println("Hostile shapes: answers by status " + statuses + ", peak heap used "
        + (peakUsed >> 20) + " MB of " + (HEAP_MAX >> 20) + " MB");
    // The generator must reach the registry's real work, not only its refusals.
    assertThat(statuses.getOrDefault("200", 0)).as("accepted answers").isGreaterThan(SHAPES);
    assertThat(statuses.keySet()).as("refusals of both kinds too").contains("409", "422");
    assertThat(http.get("/health/live").status()).isEqualTo(200);
    assertThat(server.log()).doesNotContain("OutOfMemoryError");
  }

  private static void answer(Map<String, Integer> statuses, String group, String label,
      String method, String path, String body) throws IOException {
    long start = System.nanoTime();
    Http.Response response = http.send(method, path, body);
    long millis = (System.nanoTime() - start) / 1_000_000;
    TIMES.record(group, label, millis);
    statuses.merge(String.valueOf(response.status()), 1, Integer::sum);
    String text = response.text();
    assertThat(response.status()).as(label + " answered " + response.status() + " "
        + (text.length() > 600 ? text.substring(0, 600) + "..." : text)).isLessThan(500);
    assertThat(millis).as(label + ": " + ANSWER.report(millis))
        .isLessThanOrEqualTo(ANSWER.millis());
  }

  /**
   * The heap the server reports: its maximum is the -Xmx given, what is in use stays below it by
   * a margin, and what a collection leaves alive (the live data) stays under half of it.
   *
   * @return the heap in use, in bytes
   */
  private static long assertHeapBounded(String after) throws IOException {
    String metrics = http.get("/metrics").text();
    long max = (long) sum(metrics, "jvm_gc_max_data_size_bytes");
    long used = (long) sum(metrics, "jvm_memory_used_bytes{area=\"heap\"");
    long live = (long) sum(metrics, "jvm_gc_live_data_size_bytes");
    String figures = "after " + after + ": heap used " + (used >> 20) + " MB, live after GC "
        + (live >> 20) + " MB, max " + (max >> 20) + " MB";
    assertThat(max).as(figures).isEqualTo(HEAP_MAX);
    assertThat(used).as(figures).isLessThan(HEAP_MAX - HEAP_MAX / 10);
    assertThat(live).as(figures).isLessThan(HEAP_MAX / 2);
    return used;
  }

  /** The sum of the samples whose line starts with {@code prefix} (all of a metric's series). */
  private static double sum(String metrics, String prefix) {
    Matcher samples = Pattern.compile("(?m)^" + Pattern.quote(prefix) + "[^\\n]* ([0-9.E+-]+)$")
        .matcher(metrics);
    double total = 0;
    boolean found = false;
    while (samples.find()) {
      total += Double.parseDouble(samples.group(1));
      found = true;
    }
    assertThat(found).as("/metrics has " + prefix).isTrue();
    return total;
  }
}
