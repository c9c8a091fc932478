package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.testkit.server.KafkaServers;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The write load of the cluster tests: writer threads, each registering new schemas in its own
 * subject and sending each request to the next instance in turn. A refused or cut-off request is
 * retried with the same schema (if it did land, the retry answers with the id it got). Every
 * answer is kept, so a test can judge them by when they were sent; {@link #verify} checks what
 * was acknowledged against every instance.
 */
final class ClusterWrites {
  /** One answered write: what, through which instance, when sent and answered, and the answer. */
  record Attempt(String subject, String schema, int instance, long sentNanos, long answeredNanos,
      int status, int errorCode, int id, String text) {
    boolean acknowledged() {
      return status == 200;
    }

    /** 200, or the 500 with 50001-50004 a node answers while the store or leadership moves. */
    boolean expected() {
      return status == 200 || status == 500 && errorCode >= 50001 && errorCode <= 50004
          && text.contains("\"message\"");
    }

    long millis() {
      return TimeUnit.NANOSECONDS.toMillis(answeredNanos - sentNanos);
    }
  }

  private final List<ServerProcess> servers;
  private final List<Http> clients = new ArrayList<>();
  private final String name;
  private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> transportErrors = new ConcurrentLinkedQueue<>();
  private final AtomicInteger acks = new AtomicInteger();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();

  /**
   * @param name names the subjects ({@code name-<writer>-value}, lower case) and the records
   * @param requestTimeout how long the writers wait for an answer before counting a transport error
   */
  ClusterWrites(List<ServerProcess> servers, String name, Duration requestTimeout) {
    this.servers = servers;
    this.name = name;
    servers.forEach(s -> clients.add(new Http(s.url(), requestTimeout)));
  }

  /** Starts {@code writers} writer threads. */
  void start(int writers) {
    for (int t = 0; t < writers; t++) {
      int writer = t;
      Thread thread = new Thread(() -> write(writer), name.toLowerCase() + "-writer-" + t);
      thread.start();
      threads.add(thread);
    }
  }

  /** Asks the writers to stop and waits (a minute at most) for them. */
  void stop() throws InterruptedException {
    stop.set(true);
    for (Thread thread : threads) {
      thread.join(TimeUnit.MINUTES.toMillis(1));
    }
  }

  boolean stopping() {
    return stop.get();
  }

  int acks() {
    return acks.get();
  }

  /** Every answer so far (a copy). */
  List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  List<Attempt> acknowledged() {
    return attempts.stream().filter(Attempt::acknowledged).toList();
  }

  /** Requests that got no answer: connection refused or reset, or the request timeout. */
  List<String> transportErrors() {
    return List.copyOf(transportErrors);
  }

  /** Waits until {@code target} writes are acknowledged; fails if they stall for a minute. */
  void awaitAcks(int target) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (acks.get() < target) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("writes stalled at " + acks.get() + "\n"
            + KafkaServers.logs(servers));
      }
      Thread.sleep(10);
    }
  }

  /** When the first write sent after {@code from} was acknowledged; fails after {@code within}. */
  long awaitAckSentAfter(long from, Duration within, String what) throws InterruptedException {
    long deadline = from + within.toNanos();
    while (System.nanoTime() < deadline) {
      long first = attempts.stream().filter(a -> a.acknowledged() && a.sentNanos() > from)
          .mapToLong(Attempt::answeredNanos).min().orElse(Long.MAX_VALUE);
      if (first != Long.MAX_VALUE) {
        return first;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no write acknowledged within " + within.toSeconds() + " s of "
        + what + "\n" + KafkaServers.logs(servers));
  }

  private void write(int writer) {
    String subject = name.toLowerCase() + "-" + writer + "-value";
    int turn = writer;
    for (int i = 1; !stop.get(); i++) {
      String schema = RegistryFixture.schema(name + writer + "_" + i, "f").get("schema");
      while (!stop.get()) {
        int instance = turn++ % servers.size();
        long sent = System.nanoTime();
        try {
          Http.Response r = clients.get(instance).post("/subjects/" + subject + "/versions",
              Map.of("schema", schema));
          attempts.add(new Attempt(subject, schema, instance, sent, System.nanoTime(), r.status(),
              r.body().path("error_code").asInt(), r.body().path("id").asInt(), r.text()));
          if (r.status() == 200) {
            acks.incrementAndGet();
            break;
          }
        } catch (IOException e) {
          transportErrors.add("POST to instance " + instance + " after "
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent) + " ms: " + e);
        }
        sleep(50);
      }
    }
  }

  /**
   * Every acknowledged registration is on every instance with the id it was acknowledged with,
   * and no id names two schemas: checked on each instance's full listing (a few requests, however
   * many writes there were), and by a lookup of a sample of the acknowledged ones.
   */
  void verify() throws IOException {
    List<Attempt> acked = acknowledged();
    Map<Integer, JsonNode> schemaOfId = new HashMap<>();
    for (Attempt ack : acked) {
      JsonNode schema = Http.JSON.readTree(ack.schema());
      JsonNode earlier = schemaOfId.putIfAbsent(ack.id(), schema);
      assertThat(earlier == null || earlier.equals(schema))
          .as("id %d acknowledged for %s and for %s", ack.id(), earlier, schema).isTrue();
    }
    for (ServerProcess server : servers) {
      Http http = new Http(server.url());
      Map<Integer, JsonNode> stored = new HashMap<>();
      Map<String, Integer> idOf = new HashMap<>();
      for (JsonNode entry : allSchemas(http)) {
        int id = entry.get("id").asInt();
        JsonNode schema = Http.JSON.readTree(entry.get("schema").asText());
        JsonNode earlier = stored.putIfAbsent(id, schema);
        assertThat(earlier == null || earlier.equals(schema))
            .as("id %d names %s and %s on %s", id, earlier, schema, server.url()).isTrue();
        idOf.put(entry.get("subject").asText() + " " + schema, id);
      }
      for (Attempt ack : acked) {
        assertThat(idOf.get(ack.subject() + " " + Http.JSON.readTree(ack.schema())))
            .as("id of %s on %s", ack, server.url()).isEqualTo(ack.id());
      }
      for (int i = 0; i < acked.size(); i += Math.max(1, acked.size() / 50)) {
        Attempt ack = acked.get(i);
        JsonNode found = http.ok("POST", "/subjects/" + ack.subject(),
            Map.of("schema", ack.schema()));
        assertThat(found.get("id").asInt()).as("lookup of %s on %s", ack, server.url())
            .isEqualTo(ack.id());
      }
    }
  }

  /** Every schema version, page by page (a listing without a limit stops at the server's default). */
  private static List<JsonNode> allSchemas(Http http) throws IOException {
    List<JsonNode> all = new ArrayList<>();
    while (true) {
      JsonNode page = http.ok("GET", "/schemas?deleted=true&limit=500&offset=" + all.size(), null);
      page.forEach(all::add);
      if (page.size() < 500) {
        return all;
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
