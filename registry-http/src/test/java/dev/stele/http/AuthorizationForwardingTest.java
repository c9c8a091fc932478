package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.http.auth.BasicAuthenticator;
import dev.stele.http.auth.Security;
import dev.stele.registry.RegistryNode;
import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secured follower in front of a stand-in leader that records what reaches it: the follower
 * authenticates and authorizes every write itself, forwarding only the allowed ones, with the
 * caller's credentials.
 */
class AuthorizationForwardingTest extends HttpTestBase {
  @TempDir Path dir;
  private final List<String> atLeader = new CopyOnWriteArrayList<>();
  private HttpServer leader;
  private RegistryNode followerNode;

  @BeforeEach
  @Override
  void startServer() throws Exception {
    leader = await(vertx.createHttpServer().requestHandler(request -> {
      atLeader.add(request.method() + " " + request.path() + " "
          + request.getHeader("Authorization"));
      request.body().onComplete(body -> request.response().setStatusCode(200)
          .putHeader("Content-Type", V1).end("{\"id\":42}"));
    }).listen(0, "127.0.0.1"));
    NodeIdentity leaderId = new NodeIdentity("http", "127.0.0.1", leader.actualPort(), true);
    Leadership follows = new Following(leaderId);
    followerNode = freshNode();
    Security security = Security.basic(BasicAuthenticator.open(TestUsers.write(dir)), "r", List.of());
    server = await(RestServer.start(vertx,
        RestServer.Setup.of(followerNode.registry(), followerNode.settings(), followerNode.keys())
            .withOptions(options()).withSecurity(security).withLeadership(follows)));
    node = followerNode;
  }

  @AfterEach
  void stopLeader() throws Exception {
    await(leader.close());
  }

  @Test
  void onlyAllowedWritesAreForwardedWithTheCallersCredentials() {
    String alice = TestUsers.basic("alice");
    assertJson(send("POST", "/subjects/alice-value/versions", STRING, "Authorization", alice,
        "Content-Type", V1), 200, "{\"id\":42}");
    assertThat(atLeader).containsExactly("POST /subjects/alice-value/versions " + alice);

    assertError(send("POST", "/subjects/bob-value/versions", STRING, "Authorization", alice,
        "Content-Type", V1), 403, 403);
    assertError(send("DELETE", "/subjects/alice-value", null, "Authorization", alice), 403, 403);
    assertError(send("PUT", "/config", "{\"compatibility\":\"NONE\"}", "Authorization",
        TestUsers.basic("reader"), "Content-Type", V1), 403, 403);
    assertError(send("POST", "/subjects/alice-value/versions", STRING, "Content-Type", V1), 401, 401);
    assertThat(atLeader).as("denied writes never leave the follower").hasSize(1);

    assertJson(send("PUT", "/config", "{\"compatibility\":\"NONE\"}", "Authorization",
        TestUsers.basic("admin"), "Content-Type", V1), 200, "{\"id\":42}");
    assertThat(atLeader).hasSize(2);

    // The context URL form is checked on the follower too: alice's rule names no context.
    assertError(send("POST", "/contexts/.team/subjects/alice-value/versions", STRING,
        "Authorization", alice, "Content-Type", V1), 403, 403,
        "User 'alice' may not write subject ':.team:alice-value'");
    assertThat(atLeader).hasSize(2);
    assertJson(send("POST", "/contexts/.team/subjects/x/versions", STRING, "Authorization",
        TestUsers.basic("admin"), "Content-Type", V1), 200, "{\"id\":42}");
    assertThat(atLeader).hasSize(3);
    assertThat(atLeader.get(2)).startsWith("POST /subjects/%3A.team%3Ax/versions ");
  }
}
