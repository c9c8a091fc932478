package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v1/cluster}'s instances across three real listeners: the member list comes from
 * the node that ran the election, each member is asked for itself with the caller's
 * credentials, and what cannot be learned is said in the answer, never failed.
 */
class ClusterInstancesTest extends HttpTestBase {
  @TempDir
  static Path dir;

  private final List<RestServer> peers = new ArrayList<>();
  private final List<Roles> roles = new ArrayList<>();

  @AfterEach
  void stopPeers() throws Exception {
    for (RestServer peer : peers) {
      await(peer.close());
    }
  }

  @Test
  void aFollowerListsEveryMemberFromTheLeaderAndEachSaysItself() throws Exception {
    List<NodeIdentity> ids = startThree();
    roles.get(0).ranElection(ids); // the leader ran the election
    Reply reply = sendTo(peers.get(1), "GET", "/v1/cluster", null, "Authorization", TestUsers.basic("admin"));
    assertThat(reply.status()).isEqualTo(200);
    JsonNode answer = reply.json();
    assertThat(answer.get("instancesComplete").asBoolean()).isTrue();
    assertThat(answer.get("instancesProblem").isNull()).isTrue();
    assertThat(answer.at("/node/url").asText()).isEqualTo(ids.get(1).url());
    JsonNode instances = answer.get("instances");
    assertThat(instances.findValuesAsText("url")).containsExactlyElementsOf(
        ids.stream().map(NodeIdentity::url).sorted().toList());
    for (JsonNode instance : instances) {
      String url = instance.get("url").asText();
      assertThat(instance.get("role").asText()).isEqualTo(url.equals(ids.get(0).url()) ? "leader" : "follower");
      assertThat(instance.get("self").asBoolean()).isEqualTo(url.equals(ids.get(1).url()));
      assertThat(instance.get("reachable").asBoolean()).as(url).isTrue();
      assertThat(instance.get("ready").asBoolean()).as(url).isTrue();
      assertThat(instance.get("leaderEligible").asBoolean()).isEqualTo(!url.equals(ids.get(2).url()));
    }
  }

  @Test
  void aMemberThatRanTheElectionNeedsNoLeaderAndAnUnreachableMemberIsShownSo() throws Exception {
    List<NodeIdentity> ids = startThree();
    roles.get(2).ranElection(ids); // a follower ran it (Kafka picks who does)
    await(peers.get(0).close());
    Reply reply = sendTo(peers.get(2), "GET", "/v1/cluster", null, "Authorization", TestUsers.basic("admin"));
    assertThat(reply.status()).isEqualTo(200);
    JsonNode answer = reply.json();
    assertThat(answer.get("instancesComplete").asBoolean()).isTrue();
    JsonNode leader = instance(answer, ids.get(0).url());
    assertThat(leader.get("role").asText()).isEqualTo("leader");
    assertThat(leader.get("reachable").asBoolean()).isFalse();
    assertThat(leader.get("problem").asText()).startsWith("could not be asked");
    assertThat(leader.has("ready")).isFalse();
    assertThat(instance(answer, ids.get(1).url()).get("reachable").asBoolean()).isTrue();
    peers.remove(0);
  }

  @Test
  void anUnreachableLeaderLeavesWhatThisNodeKnowsAndSaysSo() throws Exception {
    List<NodeIdentity> ids = startThree();
    roles.get(0).ranElection(ids);
    await(peers.get(0).close());
    peers.remove(0);
    Reply reply = sendTo(peers.get(0), "GET", "/v1/cluster", null, "Authorization", TestUsers.basic("admin"));
    assertThat(reply.status()).isEqualTo(200);
    JsonNode answer = reply.json();
    assertThat(answer.get("instancesComplete").asBoolean()).isFalse();
    assertThat(answer.get("instancesProblem").asText())
        .startsWith("the leader " + ids.get(0).url() + " could not be asked");
    assertThat(answer.get("instances").findValuesAsText("url"))
        .containsExactlyInAnyOrder(ids.get(0).url(), ids.get(1).url());
  }

  @Test
  void aLeaderThatDidNotRunTheElectionEitherIsSaid() throws Exception {
    List<NodeIdentity> ids = startThree(); // nobody holds the member list
    Reply reply = sendTo(peers.get(1), "GET", "/v1/cluster", null, "Authorization", TestUsers.basic("admin"));
    JsonNode answer = reply.json();
    assertThat(answer.get("instancesComplete").asBoolean()).isFalse();
    assertThat(answer.get("instancesProblem").asText()).contains("neither this node nor the leader");
    assertThat(answer.get("instances").findValuesAsText("url"))
        .containsExactlyInAnyOrder(ids.get(0).url(), ids.get(1).url());
  }

  @Test
  void peersAreAskedWithTheCallersCredentials() throws Exception {
    List<NodeIdentity> ids = startThree();
    roles.get(0).ranElection(ids);
    // A reader may not see the page at all; an admin's credentials reach every member.
    assertThat(sendTo(peers.get(1), "GET", "/v1/cluster", null, "Authorization", TestUsers.basic("reader"))
        .status()).isEqualTo(403);
    JsonNode answer = sendTo(peers.get(1), "GET", "/v1/cluster", null, "Authorization",
        TestUsers.basic("admin")).json();
    assertThat(answer.get("instances").findValuesAsText("problem")).isEmpty();
  }

  @Test
  void aPeersQuestionIsAnsweredFromWhatThisNodeKnowsWithoutAskingAnyone() throws Exception {
    List<NodeIdentity> ids = startThree();
    roles.get(0).ranElection(ids);
    JsonNode answer = sendTo(peers.get(1), "GET", "/v1/cluster", null, "Authorization", TestUsers.basic("admin"),
        Forwarder.FORWARDED, "1").json();
    assertThat(answer.get("instancesComplete").asBoolean()).isFalse();
    assertThat(answer.get("instances").findValuesAsText("url"))
        .containsExactlyInAnyOrder(ids.get(0).url(), ids.get(1).url());
    assertThat(answer.get("instances").findValues("reachable")).as("nobody was asked").isEmpty();
    JsonNode leader = sendTo(peers.get(0), "GET", "/v1/cluster", null, "Authorization", TestUsers.basic("admin"),
        Forwarder.FORWARDED, "1").json();
    assertThat(leader.get("instancesComplete").asBoolean()).as("it ran the election").isTrue();
    assertThat(leader.get("instances").findValuesAsText("url")).hasSize(3);
  }

  private static JsonNode instance(JsonNode answer, String url) {
    for (JsonNode instance : answer.get("instances")) {
      if (instance.get("url").asText().equals(url)) {
        return instance;
      }
    }
    throw new AssertionError(url + " not among " + answer.get("instances"));
  }

  /** Three listeners with authentication: the first leads, the third may never lead. */
  private List<NodeIdentity> startThree() throws Exception {
    for (int i = 0; i < 3; i++) {
      Roles r = new Roles();
      roles.add(r);
      peers.add(await(RestServer.start(vertx, setup().withLeadership(r)
          .withSecurity(TestUsers.security(dir, List.of())))));
    }
    List<NodeIdentity> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(new NodeIdentity("http", "127.0.0.1", peers.get(i).port(), i != 2));
    }
    for (int i = 0; i < 3; i++) {
      roles.get(i).self = ids.get(i);
      roles.get(i).leader = ids.get(0);
    }
    return ids;
  }

  /** A node's place as the test sets it once the ports are known. */
  private static final class Roles implements Leadership {
    volatile NodeIdentity self;
    volatile NodeIdentity leader;
    volatile List<NodeIdentity> members = List.of();

    void ranElection(List<NodeIdentity> all) {
      members = List.copyOf(all);
    }

    @Override
    public boolean leads() {
      return self.equals(leader);
    }

    @Override
    public Optional<NodeIdentity> leader() {
      return Optional.ofNullable(leader);
    }

    @Override
    public Optional<NodeIdentity> self() {
      return Optional.ofNullable(self);
    }

    @Override
    public List<NodeIdentity> members() {
      return members;
    }

    @Override
    public boolean ready() {
      return true;
    }
  }
}
