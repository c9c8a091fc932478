package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state a client can see survives a restart unchanged, and an acknowledged write survives
 * {@code kill -9}: the embedded store's durability promise, checked on the real server process.
 */
class RestartAcceptanceTest {
  @TempDir Path work;

  @Test
  void stateAfterGracefulRestartEqualsStateBefore() throws IOException {
    Path dir = Files.createDirectories(work.resolve("graceful"));
    try (ServerProcess server = ServerProcess.start(dir, Map.of())) {
      Http http = new Http(server.url());
      Set<String> subjects = RegistryFixture.populate(http);
      Map<String, String> before = snapshot(http, subjects);
      assertThat(before.get("GET /subjects?deleted=true"))
          .as("the snapshot sees the data it is about").contains("users-value", "orders-value");

      server.stop();
      server.restart();

      Map<String, String> after = snapshot(http, subjects);
      assertThat(after).containsExactlyEntriesOf(before);
      assertThat(server.log()).contains("Stele stopped");

      // Ids keep counting after the replay: a new schema gets an id nobody has.
      int id = http.ok("POST", "/subjects/after-restart-value/versions",
          RegistryFixture.schema("AfterRestart", "a")).get("id").asInt();
      assertThat(RegistryFixture.ids(before.get("GET /schemas?deleted=true"))).doesNotContain(id);
      server.stop();
    }
  }

  /** What a client can read: every listing, config, mode, version and id, with deleted ones. */
  private static Map<String, String> snapshot(Http http, Set<String> knownSubjects) throws IOException {
    Map<String, String> seen = new LinkedHashMap<>();
    for (String path : List.of("/schemas?deleted=true", "/subjects?deleted=true", "/subjects",
        "/config", "/mode", "/schemas/types")) {
      record(http, seen, path);
    }
    Set<String> subjects = new TreeSet<>(knownSubjects);
    http.get("/subjects?deleted=true").body().forEach(s -> subjects.add(s.asText()));
    for (String subject : subjects) {
      String s = URLEncoder.encode(subject, StandardCharsets.UTF_8);
      for (String path : List.of("/config/" + s, "/mode/" + s, "/subjects/" + s + "/versions",
          "/subjects/" + s + "/versions?deleted=true")) {
        record(http, seen, path);
      }
      JsonNode versions = http.get("/subjects/" + s + "/versions?deleted=true").body();
      for (JsonNode version : versions) {
        String v = "/subjects/" + s + "/versions/" + version.asInt();
        record(http, seen, v + "?deleted=true");
        record(http, seen, v + "/referencedby");
      }
    }
    for (int id : RegistryFixture.ids(seen.get("GET /schemas?deleted=true"))) {
      record(http, seen, "/schemas/ids/" + id);
      record(http, seen, "/schemas/ids/" + id + "/versions?deleted=true");
      record(http, seen, "/schemas/ids/" + id + "/subjects?deleted=true");
    }
    return seen;
  }

  private static void record(Http http, Map<String, String> seen, String path) throws IOException {
    Http.Response response = http.get(path);
    seen.put("GET " + path, response.status() + " " + response.text());
  }

  private record Ack(String subject, String schema, int id, int version) {}

  @Test
  void acknowledgedRegistrationsSurviveKillDuringAWriteBurst() throws Exception {
    Path dir = Files.createDirectories(work.resolve("kill"));
    Map<String, String> anyChange = Map.of("schema.compatibility.level", "none");
    try (ServerProcess server = ServerProcess.start(dir, anyChange)) {
      ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
      AtomicInteger ackCount = new AtomicInteger();
      AtomicInteger cutOff = new AtomicInteger();
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int writer = t;
        Thread thread = new Thread(
            () -> burst(server.url(), writer, acks, refusals, ackCount, cutOff), "burst-" + t);
        thread.start();
        writers.add(thread);
      }
      // Kill once the burst is well under way; the writers keep writing until the socket dies.
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (ackCount.get() < 300 && refusals.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      server.kill();
      for (Thread writer : writers) {
        writer.join(TimeUnit.MINUTES.toMillis(2));
      }
      assertThat(refusals).as("registrations refused before the kill").isEmpty();
      assertThat(cutOff).as("writers still writing when the server was killed")
          .hasValue(writers.size());
      assertThat(acks).as("acknowledged registrations").hasSizeGreaterThanOrEqualTo(300);

      server.restart();
      Http http = new Http(server.url());
      for (Ack ack : acks) {
        String s = URLEncoder.encode(ack.subject(), StandardCharsets.UTF_8);
        JsonNode found = http.ok("POST", "/subjects/" + s, Map.of("schema", ack.schema()));
        assertThat(found.get("id").asInt()).as("id of %s", ack).isEqualTo(ack.id());
        assertThat(found.get("version").asInt()).as("version of %s", ack).isEqualTo(ack.version());
        String stored = http.ok("GET", "/schemas/ids/" + ack.id(), null).get("schema").asText();
        assertThat(Http.JSON.readTree(stored)).as("schema of id %d", ack.id())
            .isEqualTo(Http.JSON.readTree(ack.schema()));
      }
      // The restarted server takes writes again.
      http.ok("POST", "/subjects/burst-after-value/versions", RegistryFixture.schema("After", "x"));
      server.stop();
    }
  }

  /**
   * One writer: registers distinct schemas one after another in its own subject, so its n-th
   * acknowledged registration is version n. Stops at the first transport error (the kill).
   */
  private static void burst(String url, int writer, ConcurrentLinkedQueue<Ack> acks,
      ConcurrentLinkedQueue<String> refusals, AtomicInteger ackCount, AtomicInteger cutOff) {
    Http http = new Http(url);
    String subject = "burst-" + writer + "-value";
    String path = "/subjects/" + subject + "/versions";
    for (int i = 1; i <= 100_000; i++) {
      Map<String, String> body = RegistryFixture.schema("Burst" + writer + "_" + i, "f");
      Http.Response response;
      try {
        response = http.post(path, body);
      } catch (IOException e) {
        cutOff.incrementAndGet();
        return;
      }
      if (response.status() != 200) {
        refusals.add(subject + " #" + i + ": " + response.status() + " " + response.text());
        return;
      }
      acks.add(new Ack(subject, body.get("schema"), response.body().get("id").asInt(), i));
      ackCount.incrementAndGet();
    }
  }
}
