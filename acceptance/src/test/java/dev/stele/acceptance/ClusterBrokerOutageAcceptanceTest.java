package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.stele.testkit.kafka.KafkaBrokers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's outage scenario: three Stele server processes on one real broker, writers sending to
 * all three in turn, the broker SIGKILLed during the burst, left down for a while, and started
 * again on its data and ports. While it is down every write is answered quickly with a
 * Confluent error (500 with 50001-50004) and reads go on; once it is back writes resume by
 * themselves; afterwards every acknowledged registration is on every instance with the id it
 * was acknowledged with, and no id names two schemas.
 */
class ClusterBrokerOutageAcceptanceTest {
  private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("stele.outage.seconds", 15));
  /** KILL (SIGKILL, a crash: the default) or TERM (SIGTERM, a controlled shutdown). */
  private static final String SIGNAL = System.getProperty("stele.outage.signal", "KILL");
  /** The store's bound on a blocking producer call (kafkastore.timeout.ms) in this test. */
  private static final long KAFKA_TIMEOUT_MS = 2000;
  /**
   * The slowest answer allowed to a request while the broker is down: a leader's write waits at
   * most a few producer calls of KAFKA_TIMEOUT_MS (send, abort), a forwarded one adds a hop. Far
   * below the core's 30 s write timeout and the client's 30 s request timeout: a hang fails this.
   */
  private static final Duration ANSWER_LIMIT = Duration.ofSeconds(10);
  /**
   * The slowest answer allowed to a write sent before the broker was down: one whose commit Kafka
   * confirmed just before it went away waits for this node's reader to apply it, until the core's
   * write timeout (30 s, not configurable) answers 50002; a forward adds a hop. The test's own
   * HTTP client waits longer ({@link #CLIENT_TIMEOUT}), so that answer is seen, not cut off.
   */
  private static final Duration IN_FLIGHT_LIMIT = Duration.ofSeconds(40);
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  /** From the broker answering again to the first acknowledged write sent after that. */
  private static final Duration RESUME_LIMIT = Duration.ofSeconds(30);
  private static final int WRITERS = 3;

  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);
  @TempDir static Path work;

  /** One answered write: what, through which instance, when sent and answered, and the answer. */
  private record Attempt(String subject, String schema, int instance, long sentNanos,
      long answeredNanos, int status, int errorCode, int id, String text) {
    boolean acknowledged() {
      return status == 200;
    }

    long millis() {
      return TimeUnit.NANOSECONDS.toMillis(answeredNanos - sentNanos);
    }
  }

  @Test
  void writesFailFastDuringABrokerOutageAndResumeAfterIt() throws Exception {
    List<ServerProcess> servers = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        servers.add(KafkaServers.start(work.resolve("node-" + i), KAFKA.bootstrapServers(),
            Map.of("schema.compatibility.level", "none",
                "kafkastore.timeout.ms", Long.toString(KAFKA_TIMEOUT_MS))));
      }
      int leaderBefore = KafkaServers.awaitOneLeader(servers);

      ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>(); // transport errors
      ConcurrentLinkedQueue<String> readFailures = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Long> reads = new ConcurrentLinkedQueue<>(); // when each was sent
      AtomicInteger acks = new AtomicInteger();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < WRITERS; t++) {
        int writer = t;
        threads.add(new Thread(() -> write(servers, writer, attempts, acks, failures, stop),
            "outage-writer-" + t));
      }
      threads.add(new Thread(() -> read(servers, attempts, reads, readFailures, stop), "outage-reader"));
      threads.forEach(Thread::start);

      awaitAcks(acks, 30, servers);
      long stopBegun = System.nanoTime();
      if (SIGNAL.equals("TERM")) {
        KAFKA.cluster().stop(0);
      } else {
        KAFKA.cluster().kill(0);
      }
      long killedAt = System.nanoTime(); // the broker process is gone
      int acksAtKill = acks.get();
      Thread.sleep(OUTAGE.toMillis());
      long restartBegun = System.nanoTime();
      KAFKA.cluster().restart(0); // same data directory and ports; returns once the broker answers
      long brokerBack = System.nanoTime();
      long resumed = awaitAckSentAfter(attempts, brokerBack, servers);
      awaitAcks(acks, acks.get() + 30, servers);
      int leaderAfter = KafkaServers.awaitOneLeader(servers);
      stop.set(true);
      for (Thread thread : threads) {
        thread.join(TimeUnit.MINUTES.toMillis(1));
      }

      List<Attempt> all = List.copyOf(attempts);
      // Sent while the broker was down (answered then or, just before its restart, a little later).
      List<Attempt> duringOutage = all.stream()
          .filter(a -> a.sentNanos() > killedAt && a.sentNanos() < restartBegun).toList();
      long readsDuringOutage = reads.stream().filter(t -> t > killedAt && t < restartBegun).count();
      long slowest = duringOutage.stream().mapToLong(Attempt::millis).max().orElse(-1);
      System.out.printf("Broker outage (SIG%s) with 3 instances: %d acknowledged before the kill, %d"
              + " writes sent during the %d s outage (slowest %d ms, codes %s), reads checked"
              + " during it: %d, broker back %d ms after restart began, writes resumed %d ms after"
              + " the broker was back, %d registrations acknowledged in all; leader before: instance %d, after: %d%n",
          SIGNAL, acksAtKill, duringOutage.size(), OUTAGE.toSeconds(), slowest, codes(duringOutage),
          readsDuringOutage, TimeUnit.NANOSECONDS.toMillis(brokerBack - restartBegun),
          TimeUnit.NANOSECONDS.toMillis(resumed - brokerBack), acks.get(), leaderBefore, leaderAfter);

      long slowestInFlight = all.stream().filter(a -> a.sentNanos() < killedAt)
          .mapToLong(Attempt::millis).max().orElse(-1);
      System.out.printf("Stopping the broker took %d ms; the slowest answer to a write sent before"
          + " it was gone: %d ms%n", TimeUnit.NANOSECONDS.toMillis(killedAt - stopBegun), slowestInFlight);
      if (!failures.isEmpty()) {
        throw new AssertionError("requests cut off or not answered within "
            + CLIENT_TIMEOUT.toSeconds() + " s (a hang): " + failures + "\n" + KafkaServers.logs(servers));
      }
      assertThat(all).as("writes sent before the broker was gone").filteredOn(a -> a.sentNanos() < killedAt)
          .allSatisfy(a -> assertThat(a.millis()).as("%s", a).isLessThan(IN_FLIGHT_LIMIT.toMillis()));
      assertThat(all).as("answers other than 200 or a Confluent 500 with 50001-50004")
          .allSatisfy(a -> assertThat(a.status() == 200 || a.status() == 500
              && a.errorCode() >= 50001 && a.errorCode() <= 50004
              && a.text().contains("\"message\"")).as("%s", a).isTrue());
      assertThat(duringOutage).as("writes sent while the broker was down").hasSizeGreaterThan(10)
          .allSatisfy(a -> assertThat(a.millis()).as("%s", a).isLessThan(ANSWER_LIMIT.toMillis()))
          .filteredOn(a -> a.answeredNanos() < restartBegun).noneMatch(Attempt::acknowledged);
      assertThat(readFailures).as("reads that failed while the broker was down or after").isEmpty();
      assertThat(readsDuringOutage).as("reads checked during the outage")
          .isGreaterThan(10);
      assertThat(resumed - brokerBack).as("ns from the broker answering to the first write acknowledged")
          .isLessThan(RESUME_LIMIT.toNanos());
      try {
        verify(servers, all.stream().filter(Attempt::acknowledged).toList());
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\n" + KafkaServers.logs(servers), e);
      }
    } finally {
      servers.forEach(ServerProcess::close);
    }
  }

  /**
   * Reads all the time, from each instance in turn: the schema of an acknowledged id and the
   * lookup of an acknowledged schema. Each must answer 200 with the acknowledged data, broker
   * or no broker.
   */
  private static void read(List<ServerProcess> servers, ConcurrentLinkedQueue<Attempt> attempts,
      ConcurrentLinkedQueue<Long> reads, ConcurrentLinkedQueue<String> readFailures, AtomicBoolean stop) {
    int turn = 0;
    while (!stop.get()) {
      // Instances apply each other's writes a few milliseconds apart (Kafka delivers them), so
      // only writes acknowledged a second ago are expected on every instance.
      long settled = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
      List<Attempt> acked = attempts.stream()
          .filter(a -> a.acknowledged() && a.answeredNanos() < settled).toList();
      if (!acked.isEmpty()) {
        Attempt ack = acked.get(turn % acked.size());
        Http http = new Http(servers.get(turn % servers.size()).url());
        long at = System.nanoTime();
        try {
          Http.Response byId = http.get("/schemas/ids/" + ack.id());
          Http.Response lookup = http.post("/subjects/" + ack.subject(), Map.of("schema", ack.schema()));
          if (byId.status() != 200 || !Http.JSON.readTree(byId.body().path("schema").asText())
              .equals(Http.JSON.readTree(ack.schema()))) {
            readFailures.add("GET /schemas/ids/" + ack.id() + ": " + byId.status() + " " + byId.text());
          }
          if (lookup.status() != 200 || lookup.body().path("id").asInt() != ack.id()) {
            readFailures.add("lookup of " + ack + ": " + lookup.status() + " " + lookup.text());
          }
        } catch (IOException e) {
          readFailures.add("read from instance " + turn % servers.size() + ": " + e);
        }
        reads.add(at);
      }
      turn++;
      sleep(20);
    }
  }

  /**
   * One writer: new schemas in its own subject, each request to the next instance in turn; a
   * refused write is retried with the same schema (if it did land, the retry gets its id).
   */
  private static void write(List<ServerProcess> servers, int writer,
      ConcurrentLinkedQueue<Attempt> attempts, AtomicInteger acks,
      ConcurrentLinkedQueue<String> failures, AtomicBoolean stop) {
    String subject = "outage-" + writer + "-value";
    int turn = writer;
    for (int i = 1; !stop.get(); i++) {
      String schema = RegistryFixture.schema("Outage" + writer + "_" + i, "f").get("schema");
      while (!stop.get()) {
        int instance = turn++ % servers.size();
        long sent = System.nanoTime();
        try {
          Http.Response r = post(servers.get(instance).url() + "/subjects/" + subject + "/versions",
              Map.of("schema", schema));
          attempts.add(new Attempt(subject, schema, instance, sent, System.nanoTime(), r.status(),
              r.body().path("error_code").asInt(), r.body().path("id").asInt(), r.text()));
          if (r.status() == 200) {
            acks.incrementAndGet();
            break;
          }
        } catch (IOException e) {
          failures.add("POST to instance " + instance + " after "
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent) + " ms: " + e);
        }
        sleep(50);
      }
    }
  }

  /** A registration with {@link #CLIENT_TIMEOUT}: longer than any answer the server may take. */
  private static Http.Response post(String url, Object body) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(CLIENT_TIMEOUT)
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body))).build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = Http.JSON.readTree(response.body());
      } catch (IOException e) {
        json = null;
      }
      return new Http.Response(response.statusCode(),
          json == null ? MissingNode.getInstance() : json, response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Error codes seen, how often, and the first answer with each, for the report line. */
  private static String codes(List<Attempt> attempts) {
    Map<Integer, Integer> counts = new HashMap<>();
    Map<Integer, String> first = new HashMap<>();
    attempts.forEach(a -> {
      counts.merge(a.errorCode(), 1, Integer::sum);
      first.putIfAbsent(a.errorCode(), a.text());
    });
    return counts + ", e.g. " + first.values();
  }

  /**
   * Every acknowledged registration is on every instance with its id and no id names two
   * schemas: checked on each instance's full listing, and by a lookup of a sample.
   */
  private static void verify(List<ServerProcess> servers, List<Attempt> acks) throws IOException {
    Map<Integer, JsonNode> schemaOfId = new HashMap<>();
    for (Attempt ack : acks) {
      JsonNode schema = Http.JSON.readTree(ack.schema());
      JsonNode earlier = schemaOfId.putIfAbsent(ack.id(), schema);
      assertThat(earlier == null || earlier.equals(schema))
          .as("id %d acknowledged for %s and for %s", ack.id(), earlier, schema).isTrue();
    }
    for (ServerProcess server : servers) {
      Http http = new Http(server.url());
      Map<Integer, JsonNode> stored = new HashMap<>();
      Map<String, Integer> idOf = new HashMap<>();
      List<JsonNode> all = new ArrayList<>();
      JsonNode page;
      do {
        page = http.ok("GET", "/schemas?deleted=true&limit=500&offset=" + all.size(), null);
        page.forEach(all::add);
      } while (page.size() == 500);
      for (JsonNode entry : all) {
        int id = entry.get("id").asInt();
        JsonNode schema = Http.JSON.readTree(entry.get("schema").asText());
        JsonNode earlier = stored.putIfAbsent(id, schema);
        assertThat(earlier == null || earlier.equals(schema))
            .as("id %d names %s and %s on %s", id, earlier, schema, server.url()).isTrue();
        idOf.put(entry.get("subject").asText() + " " + schema, id);
      }
      for (Attempt ack : acks) {
        assertThat(idOf.get(ack.subject() + " " + Http.JSON.readTree(ack.schema())))
            .as("id of %s on %s", ack, server.url()).isEqualTo(ack.id());
      }
    }
  }

  private static void awaitAcks(AtomicInteger count, int target, List<ServerProcess> servers)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (count.get() < target) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("writes stalled at " + count.get() + "\n" + KafkaServers.logs(servers));
      }
      Thread.sleep(10);
    }
  }

  /** When the first write sent after {@code from} was acknowledged. */
  private static long awaitAckSentAfter(ConcurrentLinkedQueue<Attempt> attempts, long from,
      List<ServerProcess> servers) throws InterruptedException {
    long deadline = from + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      long first = attempts.stream().filter(a -> a.acknowledged() && a.sentNanos() > from)
          .mapToLong(Attempt::answeredNanos).min().orElse(Long.MAX_VALUE);
      if (first != Long.MAX_VALUE) {
        return first;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no write acknowledged within 90 s of the broker's restart\n"
        + KafkaServers.logs(servers));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
