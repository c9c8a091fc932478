package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server in a 64 MB serial-collector JVM, filled through real registrations of large
 * schemas: the heap guard answers 503 before anything runs out of memory, and the process serves
 * reads on. The child runs with {@code -XX:+ExitOnOutOfMemoryError}, so any OutOfMemoryError,
 * in any thread, would end it: staying up shows there was none.
 */
class HeapGuardProcessTest {
  /** Far more than 64 MB can hold at 1,500 fields of random names (150 KB) per schema. */
  private static final int MAX_REGISTRATIONS = 1_000;
  private static final int FIELDS = 1_500;

  @TempDir
  Path dir;
  @AutoClose private MainProcess server;

  @Test
  void refusesRegistrationsBeforeTheHeapRunsOutAndServesReadsOn() throws Exception {
    server = MainProcess.start(dir, "64m",
        List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
        "schema.compatibility.level=none\n", Map.of());
    Process process = server.process;
    Random random = new Random(17);
    HttpResponse<String> refused = null;
    int registered = 0;
    for (int i = 0; i < MAX_REGISTRATIONS && refused == null; i++) {
      HttpResponse<String> reply =
          server.post("/subjects/s" + i + "-value/versions", largeSchema(random, i));
      if (reply.statusCode() == 200) {
        registered++;
      } else if (reply.statusCode() == 503) {
        refused = reply;
      } else {
        fail("registration " + i + " answered " + reply.statusCode() + " " + reply.body() + "\n"
            + server.log());
      }
      assertThat(process.isAlive()).as("alive after registration %d\n%s", i, server.log()).isTrue();
    }
    assertThat(refused).as("a 503 within %d registrations (%d served)\n%s", MAX_REGISTRATIONS,
        registered, server.log()).isNotNull();
    assertThat(refused.body()).startsWith("{\"error_code\":50301,\"message\":\"Server is low on"
        + " memory (heap ");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
    assertThat(registered).isPositive();

    // Consumers' reads go on, and the process is up with no OutOfMemoryError anywhere.
    for (int id = 1; id <= Math.min(registered, 20); id++) {
      assertThat(server.get("/schemas/ids/" + id).statusCode()).as("GET id %d", id).isEqualTo(200);
    }
    assertThat(process.isAlive()).isTrue();
    assertThat(server.log()).doesNotContain("OutOfMemoryError").contains("refusing registrations");
    System.out.println("heap guard: " + registered + " registrations served before the first 503");
  }

  /** A record of {@link #FIELDS} fields with random names: no two alike, and little to compress. */
  private static String largeSchema(Random random, int index) {
    StringBuilder fields = new StringBuilder();
    for (int f = 0; f < FIELDS; f++) {
      if (f > 0) {
        fields.append(',');
      }
      fields.append("{\\\"name\\\":\\\"f").append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36))
          .append("\\\",\\\"type\\\":\\\"string\\\",\\\"doc\\\":\\\"")
          .append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36))
          .append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).append("\\\"}");
    }
    return "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R" + index
        + "\\\",\\\"fields\\\":[" + fields + "]}\"}";
  }
}
