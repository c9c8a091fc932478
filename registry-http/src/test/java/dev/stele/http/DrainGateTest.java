package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.RegistryNode;
import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a draining server (SIGTERM, before its listener stops) answers: reads everywhere, writes
 * where they are forwarded, 50302 for writes it would have to decide itself; every answer with
 * {@code Connection: close}; readiness 503. {@link #server} is a lone node (it leads);
 * {@code follower} knows {@link #server} as its leader.
 */
class DrainGateTest extends HttpTestBase {
  private RegistryNode followerNode;
  private RestServer follower;

  private final Leadership followerView = new Leadership() {
    @Override
    public boolean leads() {
      return false;
    }

    @Override
    public Optional<NodeIdentity> leader() {
      return Optional.of(new NodeIdentity("http", "127.0.0.1", server.port(), true));
    }

    @Override
    public boolean ready() {
      return true;
    }
  };

  @BeforeEach
  void startFollower() throws Exception {
    followerNode = freshNode();
    follower = await(RestServer.start(vertx, RestServer.Setup.of(followerNode.registry(),
        followerNode.settings(), followerNode.keys()).withLeadership(followerView)));
  }

  @AfterEach
  void stopFollower() throws Exception {
    await(follower.close());
    followerNode.close();
  }

  @Test
  void beforeTheDrainAnswersKeepTheConnectionAndTheNodeIsReady() throws Exception {
    HttpResponse<String> read = raw(server, "GET", "/subjects", null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Connection")).isEmpty();
    assertThat(raw(server, "GET", "/health/ready", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aDrainingLeaderServesReadsButRefusesWritesWithNotAppliedAndClosesEachConnection()
      throws Exception {
    int id = register("kept-value", STRING);
    server.drain();

    HttpResponse<String> read = raw(server, "GET", "/schemas/ids/" + id, null);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(read.body()).contains("\\\"string\\\"");
    assertThat(read.headers().firstValue("Connection")).hasValue("close");

    HttpResponse<String> write = raw(server, "POST", "/subjects/new-value/versions", INT);
    assertThat(write.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(write.body()).path("error_code").asInt()).isEqualTo(50302);
    assertThat(write.headers().firstValue("Connection")).hasValue("close");
    assertThat(raw(server, "GET", "/subjects/new-value/versions", null).statusCode())
        .as("the refused write was not applied").isEqualTo(404);

    HttpResponse<String> ready = raw(server, "GET", "/health/ready", null);
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"ready\":false");
  }

  @Test
  void aDrainingFollowerForwardsWritesToItsLeaderAndSaysItIsNotReady() throws Exception {
    follower.drain();

    HttpResponse<String> write = raw(follower, "POST", "/subjects/moved-value/versions", STRING);
    assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
    assertThat(write.headers().firstValue("Connection")).hasValue("close");
    assertThat(get("/subjects").body()).as("decided by the leader").isEqualTo("[\"moved-value\"]");

    assertThat(raw(follower, "GET", "/health/ready", null).statusCode()).isEqualTo(503);
    assertThat(raw(server, "GET", "/health/ready", null).statusCode())
        .as("the leader does not drain").isEqualTo(200);
  }

  private HttpResponse<String> raw(RestServer target, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + target.port() + path))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", V1);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
