package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.RegistryNode;
import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A follower's REST server in front of a leader's (the base class's server): writes are
 * forwarded with the caller's headers and the leader's answer relayed as is; reads stay local.
 */
class ForwarderTest extends HttpTestBase {
  private final AtomicReference<NodeIdentity> leader = new AtomicReference<>();
  private volatile boolean ready;
  private RegistryNode followerNode;
  private RestServer follower;
  private int followerPort;

  /** The follower's view of the cluster, set by each test. */
  private final Leadership view = new Leadership() {
    @Override
    public boolean leads() {
      return false;
    }

    @Override
    public Optional<NodeIdentity> leader() {
      return Optional.ofNullable(leader.get());
    }

    @Override
    public boolean ready() {
      return ready;
    }
  };

  @BeforeEach
  void startFollower() throws Exception {
    followerNode = freshNode();
    follower = await(RestServer.start(vertx,
        RestServer.Setup.of(followerNode.registry(), followerNode.settings(), followerNode.keys()).withLeadership(view)));
    followerPort = follower.port();
    leader.set(new NodeIdentity("http", "127.0.0.1", server.port(), true));
  }

  @AfterEach
  void stopFollower() throws Exception {
    await(follower.close());
    followerNode.close();
  }

  private Reply onFollower(String method, String path, String body, String... headers) {
    return sendTo(follower, method, path, body, headers);
  }

  @Test
  void aWriteOnAFollowerIsDecidedByTheLeaderAndReadsStayLocal() {
    Reply reply = onFollower("POST", "/subjects/s/versions", STRING, "Content-Type", V1);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("id").asInt()).isEqualTo(1);
    assertThat(get("/subjects").body()).isEqualTo("[\"s\"]"); // on the leader
    // The follower's own state (a separate log here) is what its reads show.
    assertThat(onFollower("GET", "/subjects", null).body()).isEqualTo("[]");
    // A lookup is a read even though it is a POST: answered by the follower itself.
    assertThat(onFollower("POST", "/subjects/s", STRING, "Content-Type", V1).errorCode())
        .isEqualTo(40401);
    // PUT and DELETE are writes.
    assertThat(onFollower("PUT", "/config/s", "{\"compatibility\":\"NONE\"}", "Content-Type", V1)
        .status()).isEqualTo(200);
    assertThat(get("/config/s").body()).contains("NONE");
    assertThat(onFollower("DELETE", "/subjects/s", null).body()).isEqualTo("[1]");
  }

  /** The DEK registry's writes are forwarded as the schemas' are; its reads stay local. */
  @Test
  void dekRegistryWritesOnAFollowerAreDecidedByTheLeader() {
    String kek = "{\"name\":\"k\",\"kmsType\":\"local-kms\",\"kmsKeyId\":\"id\"}";
    Reply created = onFollower("POST", "/dek-registry/v1/keks", kek, "Content-Type", V1);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    Reply dek = onFollower("POST", "/dek-registry/v1/keks/k/deks",
        "{\"subject\":\"s\",\"encryptedKeyMaterial\":\"AAEC\"}", "Content-Type", V1);
    assertThat(dek.status()).as(dek.body()).isEqualTo(200);
    assertThat(get("/dek-registry/v1/keks/k/deks").body()).isEqualTo("[\"s\"]"); // on the leader
    assertThat(onFollower("GET", "/dek-registry/v1/keks", null).body()).isEqualTo("[]");
    assertThat(onFollower("DELETE", "/dek-registry/v1/keks/k/deks/s", null).status()).isEqualTo(204);
    assertThat(get("/dek-registry/v1/keks/k/deks").body()).isEqualTo("[]");
    assertThat(onFollower("POST", "/dek-registry/v1/keks/k/deks/s/undelete", null).status())
        .isEqualTo(204);
    assertThat(get("/dek-registry/v1/keks/k/deks").body()).isEqualTo("[\"s\"]");
  }

  @Test
  void taggingOnAFollowerIsDoneByTheLeader() {
    register("s", STRING);
    Reply reply = onFollower("POST", "/subjects/s/versions/1/tags", "{}", "Content-Type", V1);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("version").asInt()).isEqualTo(2);
    assertThat(get("/subjects/s/versions").body()).isEqualTo("[1,2]"); // on the leader
  }

  @Test
  void theLeadersErrorsAreRelayedAsTheyAre() {
    Reply reply = onFollower("POST", "/subjects/s/versions", "{\"schema\":\"{oops\"}",
        "Content-Type", V1);
    Reply direct = post("/subjects/s/versions", "{\"schema\":\"{oops\"}");
    assertThat(reply.status()).isEqualTo(direct.status()).isEqualTo(422);
    assertThat(reply.body()).isEqualTo(direct.body());
    assertThat(reply.contentType()).isEqualTo(direct.contentType());
  }

  @Test
  void theCallersHeadersReachTheLeader() throws Exception {
    AtomicReference<MultiMap> seen = new AtomicReference<>();
    AtomicReference<String> uri = new AtomicReference<>();
    HttpServer fake = await(vertx.createHttpServer().requestHandler(request -> {
      seen.set(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
      uri.set(request.uri());
      request.response().setStatusCode(409).putHeader("Content-Type", "application/json")
          .end("{\"error_code\":409,\"message\":\"from the leader\"}");
    }).listen(0, "127.0.0.1"));
    try {
      leader.set(new NodeIdentity("http", "127.0.0.1", fake.actualPort(), true));
      Reply reply = onFollower("POST", "/subjects/a%2Fb/versions?normalize=true", STRING,
          "Content-Type", V1, "Authorization", "Basic dXNlcjpwYXNz", "X-Request-ID", "r-1");
      assertThat(reply.status()).isEqualTo(409);
      assertThat(reply.body()).isEqualTo("{\"error_code\":409,\"message\":\"from the leader\"}");
      assertThat(uri.get()).isEqualTo("/subjects/a%2Fb/versions?normalize=true");
      assertThat(seen.get().get("Authorization")).isEqualTo("Basic dXNlcjpwYXNz");
      assertThat(seen.get().get("X-Request-ID")).isEqualTo("r-1");
      assertThat(seen.get().get("Content-Type")).isEqualTo(V1);
      assertThat(seen.get().get(Forwarder.FORWARDED)).isEqualTo("1");
    } finally {
      await(fake.close());
    }
  }

  @Test
  void noLeaderKnownIs50004AndAnUnreachableLeaderIs50003() throws Exception {
    leader.set(null);
    assertError(onFollower("POST", "/subjects/s/versions", STRING, "Content-Type", V1), 500,
        50004, "Leader not known.");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    leader.set(new NodeIdentity("http", "127.0.0.1", closedPort, true));
    assertError(onFollower("POST", "/subjects/s/versions", STRING, "Content-Type", V1), 500,
        50003, "Error while forwarding register schema request to the leader");
    assertError(onFollower("DELETE", "/subjects/s/versions/1", null), 500, 50003,
        "Error while forwarding delete schema version request to the leader");
    assertError(onFollower("PUT", "/config", "{\"compatibility\":\"NONE\"}", "Content-Type", V1),
        500, 50003, "Error while forwarding update config request to the leader");
  }

  /** Every write route, and its context URL form, names its operation when the leader is down. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "POST   | /subjects/s/versions               | register schema",
      "POST   | /contexts/.c/subjects/s/versions   | register schema",
      "DELETE | /subjects/s                        | delete subject",
      "DELETE | /subjects/s/versions/1             | delete schema version",
      "DELETE | /contexts/.c/subjects/s/versions/1 | delete schema version",
      "POST   | /subjects/s/versions/1/tags        | modify schema tags",
      "POST   | /contexts/.c/subjects/s/versions/1/tags | modify schema tags",
      "PUT    | /config                            | update config",
      "PUT    | /config/s                          | update config",
      "PUT    | /contexts/.c/config                | update config",
      "DELETE | /config                             | delete config",
      "DELETE | /config/s                          | delete config",
      "PUT    | /mode                              | update mode",
      "PUT    | /mode/s                            | update mode",
      "DELETE | /mode                              | delete mode",
      "DELETE | /mode/s                            | delete subject mode",
      "DELETE | /contexts/.c                       | delete context",
      "DELETE | /contexts/.c/mode/s                | delete subject mode",
  })
  void eachWriteRouteNamesItsOperationWhenTheLeaderIsUnreachable(String method, String path,
      String operation) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    leader.set(new NodeIdentity("http", "127.0.0.1", closedPort, true));
    String body = path.contains("config") ? "{\"compatibility\":\"NONE\"}"
        : path.contains("mode") ? "{\"mode\":\"READONLY\"}" : STRING;
    Reply reply = method.equals("DELETE") ? onFollower(method, path, null)
        : onFollower(method, path, body, "Content-Type", V1);
    assertError(reply, 500, 50003, "Error while forwarding " + operation + " request to the leader");
  }

  /** Reads, POSTs among them, are answered by the follower even when no leader is known. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "GET  | /subjects                                      | 200",
      "POST | /subjects/s                                    | 404",
      "POST | /compatibility/subjects/s/versions/latest      | 200",
      "POST | /contexts/.c/subjects/s                        | 404",
      "POST | /                                              | 200",
      "GET  | /schemas/guids/095d71cf-1255-6b9d-5e33-0ad575b3df5d/ids | 200",
  })
  void readsNeverWaitForALeader(String method, String path, int status) {
    leader.set(null);
    Reply reply = method.equals("GET") ? onFollower(method, path, null)
        : onFollower(method, path, path.equals("/") ? "{}" : STRING, "Content-Type", V1);
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
  }

  /** A context URL is forwarded in its plain form, the same with or without authentication. */
  @Test
  void aContextUrlWriteReachesTheLeaderAsItsPlainRoute() throws Exception {
    AtomicReference<String> uri = new AtomicReference<>();
    HttpServer fake = await(vertx.createHttpServer().requestHandler(request -> {
      uri.set(request.uri());
      request.response().setStatusCode(200).putHeader("Content-Type", V1).end("{\"id\":7}");
    }).listen(0, "127.0.0.1"));
    try {
      leader.set(new NodeIdentity("http", "127.0.0.1", fake.actualPort(), true));
      assertJson(onFollower("POST", "/contexts/.c/subjects/a/versions?normalize=true", STRING,
          "Content-Type", V1), 200, "{\"id\":7}");
      assertThat(uri.get()).isEqualTo("/subjects/%3A.c%3Aa/versions?normalize=true");
    } finally {
      await(fake.close());
    }
  }

  @Test
  void aForwardedRequestIsNeverForwardedAgain() {
    Reply reply = onFollower("POST", "/subjects/s/versions", STRING, "Content-Type", V1,
        Forwarder.FORWARDED, "1");
    // Refused here (this node does not lead), for the sender to try the next leader; not sent on.
    assertError(reply, 500, 50004, "Leader not known.");
    assertThat(get("/subjects").body()).isEqualTo("[]");
  }

  @Test
  void healthEndpointsReportLivenessAndReadiness() {
    assertThat(onFollower("GET", "/health/live", null).status()).isEqualTo(200);
    ready = false;
    Reply notReady = onFollower("GET", "/health/ready", null);
    assertThat(notReady.status()).isEqualTo(503);
    assertThat(notReady.json().get("ready").asBoolean()).isFalse();
    ready = true;
    Reply isReady = onFollower("GET", "/health/ready", null);
    assertThat(isReady.status()).isEqualTo(200);
    assertThat(isReady.json().get("leaderUrl").asText())
        .isEqualTo("http://127.0.0.1:" + server.port());
    assertThat(get("/health/ready").json().get("leader").asBoolean()).isTrue(); // alone: leads
  }
}
