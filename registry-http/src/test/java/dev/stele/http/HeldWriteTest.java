package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.RegistryNode;
import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import dev.stele.testkit.InMemoryRecordLog;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write that finds no node able to decide it waits (up to the leader wait) instead of failing:
 * for the first leader, for an elected node's takeover, and past a leader that refuses it because
 * leadership is moving. The leader is the base class's server; this node sits in front of it.
 */
class HeldWriteTest extends HttpTestBase {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final AtomicReference<NodeIdentity> leader = new AtomicReference<>();
  private final AtomicBoolean leads = new AtomicBoolean();
  private final AtomicBoolean ready = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile Duration wait = WAIT;
  private InMemoryRecordLog ownLog;
  private RegistryNode ownNode;
  private RestServer own;
  private int leaderPort; // read once: registerOnOwn() swaps the base class's server meanwhile

  /** This node's view of the cluster, changed by each test while a write waits. */
  private final Leadership view = new Leadership() {
    @Override
    public boolean leads() {
      return leads.get();
    }

    @Override
    public Optional<NodeIdentity> leader() {
      return Optional.ofNullable(leader.get());
    }

    @Override
    public boolean ready() {
      return ready.get();
    }

    @Override
    public Duration leaderWait() {
      return wait;
    }

    @Override
    public void writeStarted() {
      inFlight.incrementAndGet();
    }

    @Override
    public void writeDone() {
      inFlight.decrementAndGet();
    }
  };

  @BeforeEach
  void startOwn() throws Exception {
    leaderPort = server.port();
    ownLog = new InMemoryRecordLog();
    ownNode = freshNode(ownLog);
    own = await(RestServer.start(vertx,
        RestServer.Setup.of(ownNode.registry(), ownNode.settings()).withLeadership(view)));
  }

  @AfterEach
  void stopOwn() throws Exception {
    await(own.close());
    ownNode.close();
  }

  private CompletableFuture<Reply> registerOnOwn() {
    return onOwn("POST", "/subjects/s/versions", STRING, "Content-Type", V1);
  }

  private CompletableFuture<Reply> onOwn(String method, String path, String body,
      String... headers) {
    return CompletableFuture.supplyAsync(() -> sendTo(own, method, path, body, headers));
  }

  /** A leader that cuts every request's connection without answering, as a crashing one does. */
  private HttpServer cutting(AtomicInteger calls) throws Exception {
    return await(vertx.createHttpServer().requestHandler(request -> {
      calls.incrementAndGet();
      request.connection().close();
    }).listen(0, "127.0.0.1"));
  }

  /**
   * Asserts that a register sent while {@code standIn} is named leader is still held after
   * 700 ms, and stored once the real leader is named.
   */
  private void heldPast(HttpServer standIn) throws Exception {
    leader.set(new NodeIdentity("http", "127.0.0.1", standIn.actualPort(), true));
    CompletableFuture<Reply> reply = registerOnOwn();
    Thread.sleep(700);
    assertThat(reply).isNotDone();
    leader.set(theLeader());
    Reply answer = reply.get(10, TimeUnit.SECONDS);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private NodeIdentity theLeader() {
    return new NodeIdentity("http", "127.0.0.1", leaderPort, true);
  }

  @Test
  void aWriteBeforeTheFirstElectionResultWaitsForTheLeader() throws Exception {
    long started = System.nanoTime();
    CompletableFuture<Reply> reply = registerOnOwn();
    Thread.sleep(400);
    assertThat(reply).isNotDone();
    leader.set(theLeader());
    Reply answer = reply.get(10, TimeUnit.SECONDS);
    System.out.printf("held %d ms until a leader was known%n",
        (System.nanoTime() - started) / 1_000_000);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(send("GET", "/subjects/s/versions/1", null).status()).isEqualTo(200);
  }

  @Test
  void noLeaderWithinTheWaitIs50004() {
    wait = Duration.ofMillis(300);
    long started = System.nanoTime();
    assertError(registerOnOwn().join(), 500, 50004, "Leader not known.");
    assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(300_000_000L);
  }

  @Test
  void anElectedNodeHoldsWritesUntilItsWriterRuns() throws Exception {
    leads.set(true);
    CompletableFuture<Reply> reply = registerOnOwn();
    Thread.sleep(300);
    assertThat(reply).isNotDone();
    ready.set(true);
    Reply answer = reply.get(10, TimeUnit.SECONDS);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    // Decided here, and counted while it was: a hand-over waits for such writes.
    for (int i = 0; i < 100 && inFlight.get() != 0; i++) {
      Thread.sleep(10); // the count drops once the answer is written, just after it is sent
    }
    assertThat(inFlight.get()).isZero();
    assertThat(send("GET", "/subjects/s/versions/1", null).status()).isEqualTo(404);
  }

  @Test
  void aLeaderThatNoLongerLeadsIsLeftForTheNextOne() throws Exception {
    AtomicInteger refusals = new AtomicInteger();
    HttpServer old = await(vertx.createHttpServer().requestHandler(request -> {
      refusals.incrementAndGet();
      int code = refusals.get() % 2 == 0 ? 50004 : 50302;
      request.response().setStatusCode(code == 50004 ? 500 : 503)
          .putHeader("Content-Type", "application/json")
          .end("{\"error_code\":" + code + ",\"message\":\"not here\"}");
    }).listen(0, "127.0.0.1"));
    try {
      heldPast(old);
      assertThat(refusals.get()).isGreaterThanOrEqualTo(2);
    } finally {
      await(old.close());
    }
  }

  @Test
  void aRefusalThatOutlastsTheWaitIsRelayed() throws Exception {
    wait = Duration.ofMillis(500);
    HttpServer old = await(vertx.createHttpServer().requestHandler(request ->
        request.response().setStatusCode(503).putHeader("Content-Type", "application/json")
            .end("{\"error_code\":50302,\"message\":\"stopping\"}")).listen(0, "127.0.0.1"));
    try {
      leader.set(new NodeIdentity("http", "127.0.0.1", old.actualPort(), true));
      assertError(registerOnOwn().join(), 503, 50302, "stopping");
    } finally {
      await(old.close());
    }
  }

  @Test
  void anyOtherAnswerIsRelayedAtOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer other = await(vertx.createHttpServer().requestHandler(request -> {
      calls.incrementAndGet();
      request.response().setStatusCode(500).putHeader("Content-Type", "application/json")
          .end("{\"error_code\":50002,\"message\":\"may or may not\"}");
    }).listen(0, "127.0.0.1"));
    try {
      leader.set(new NodeIdentity("http", "127.0.0.1", other.actualPort(), true));
      assertError(registerOnOwn().join(), 500, 50002, "may or may not");
      assertThat(calls.get()).as("a write that may have landed is never sent twice").isEqualTo(1);
    } finally {
      await(other.close());
    }
  }

  @Test
  void aWriteWhoseTermEndedHereWaitsForTheNextLeader() throws Exception {
    leads.set(true);
    ready.set(true);
    ownLog.endTermOnNextAppends(1);
    CompletableFuture<Reply> reply = registerOnOwn();
    Thread.sleep(400);
    assertThat(reply).as("held: nothing was stored, and no other leader is known").isNotDone();
    leads.set(false);
    leader.set(theLeader());
    Reply answer = reply.get(10, TimeUnit.SECONDS);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(send("GET", "/subjects/s/versions/1", null).status()).as("on the new leader")
        .isEqualTo(200);
    for (int i = 0; i < 100 && inFlight.get() != 0; i++) {
      Thread.sleep(10); // the count drops once the answer is written, just after it is sent
    }
    assertThat(inFlight.get()).as("no longer counted here once held").isZero();
  }

  @Test
  void aTermEndedThatOutlastsTheWaitIsAnsweredAsNotStored() {
    wait = Duration.ofMillis(400);
    leads.set(true);
    ready.set(true);
    ownLog.endTermOnNextAppends(1);
    Reply answer = registerOnOwn().join();
    assertThat(answer.status()).as(answer.body()).isEqualTo(500);
    assertThat(answer.errorCode()).isEqualTo(50001);
    assertThat(answer.body()).contains("term ended");
  }

  @Test
  void aForwardedWriteWhoseTermEndedTellsTheFollowerNothingWasApplied() throws Exception {
    leads.set(true);
    ready.set(true);
    ownLog.endTermOnNextAppends(1);
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + own.port() + "/subjects/s/versions"))
        .header("Content-Type", V1).header(Forwarder.FORWARDED, "1")
        .POST(HttpRequest.BodyPublishers.ofString(STRING)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
    assertThat(answer.body()).contains("50001");
    assertThat(answer.headers().firstValue(HeldWrite.NOT_APPLIED)).contains("true");
  }

  @Test
  void aRegisterWhoseForwardingWasCutIsSentAgain() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer crashing = cutting(calls);
    try {
      heldPast(crashing);
      assertThat(calls.get()).isGreaterThanOrEqualTo(1);
    } finally {
      await(crashing.close());
    }
  }

  @Test
  void aDeleteWhoseForwardingWasCutIsNeverSentAgain() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer crashing = cutting(calls);
    try {
      leader.set(new NodeIdentity("http", "127.0.0.1", crashing.actualPort(), true));
      assertError(onOwn("DELETE", "/subjects/s", null).join(), 500, 50003,
          "Error while forwarding delete subject request to the leader");
      assertThat(calls.get()).as("it may have landed: a second delete would answer 404")
          .isEqualTo(1);
    } finally {
      await(crashing.close());
    }
  }
}
