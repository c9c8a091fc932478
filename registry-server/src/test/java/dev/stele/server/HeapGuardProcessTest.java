package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.stele.testkit.server.ChildJvm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server in a 64 MB serial-collector JVM, filled through real registrations of large
 * schemas: the heap guard answers 503 before anything runs out of memory, and the process serves
 * reads on. The child runs with {@code -XX:+ExitOnOutOfMemoryError}, so any OutOfMemoryError,
 * in any thread, would end it: staying up shows there was none.
 */
class HeapGuardProcessTest {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
  /** Far more than 64 MB can hold at 1,500 fields of random names (150 KB) per schema. */
  private static final int MAX_REGISTRATIONS = 1_000;
  private static final int FIELDS = 1_500;

  @TempDir
  Path dir;
  private Process process;
  private Path output;
  private int port;

  @AfterEach
  void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void refusesRegistrationsBeforeTheHeapRunsOutAndServesReadsOn() throws Exception {
    launch();
    Random random = new Random(17);
    HttpResponse<String> refused = null;
    int registered = 0;
    for (int i = 0; i < MAX_REGISTRATIONS && refused == null; i++) {
      HttpResponse<String> reply = post("/subjects/s" + i + "-value/versions", largeSchema(random, i));
      if (reply.statusCode() == 200) {
        registered++;
      } else if (reply.statusCode() == 503) {
        refused = reply;
      } else {
        fail("registration " + i + " answered " + reply.statusCode() + " " + reply.body() + "\n"
            + log());
      }
      assertThat(process.isAlive()).as("alive after registration %d\n%s", i, log()).isTrue();
    }
    assertThat(refused).as("a 503 within %d registrations (%d served)\n%s", MAX_REGISTRATIONS,
        registered, log()).isNotNull();
    assertThat(refused.body()).startsWith("{\"error_code\":50301,\"message\":\"Server is low on"
        + " memory (heap ");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
    assertThat(registered).isPositive();

    // Consumers' reads go on, and the process is up with no OutOfMemoryError anywhere.
    for (int id = 1; id <= Math.min(registered, 20); id++) {
      assertThat(get("/schemas/ids/" + id).statusCode()).as("GET id %d", id).isEqualTo(200);
    }
    assertThat(process.isAlive()).isTrue();
    assertThat(log()).doesNotContain("OutOfMemoryError").contains("refusing registrations");
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

  private void launch() throws Exception {
    port = ChildJvm.freePort();
    Path properties = dir.resolve("stele.properties");
    Files.writeString(properties, "listeners=http://127.0.0.1:" + port + "\n"
        + "stele.data.dir=" + dir.resolve("data") + "\n"
        + "schema.compatibility.level=none\n");
    output = dir.resolve("server.log");
    List<String> command = ChildJvm.mainCommand("64m", properties);
    command.addAll(1, List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("exited while starting\n%s", log()).isTrue();
      try {
        if (get("/").statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    fail("the server did not answer within 90 s\n" + log());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(request(path).header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30));
  }

  private String log() {
    try {
      String text = Files.readString(output);
      return text.substring(Math.max(0, text.length() - 4000));
    } catch (java.io.IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
