package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.testkit.kafka.KafkaBrokers;
import dev.stele.testkit.server.KafkaServers;
import dev.stele.testkit.server.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, the cluster page's instances: three server processes on a real KRaft broker, one of
 * them never eligible. Every instance's {@code GET /v1/cluster} lists all three, the same one as
 * leader (the one that says it leads), each with its eligibility and, asked by the answering
 * instance, its readiness and log offset. Once an instance is stopped, the others list it no
 * more after the next election.
 */
class ClusterMembersAcceptanceTest {
  /** How long the election may take to count a member that just joined: a hang guard. */
  private static final Ceiling SETTLE = Ceiling.of("members.settle", Duration.ofSeconds(60));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);
  @TempDir static Path work;

  @Test
  void everyInstanceListsEveryInstanceWithTheOneLeader() throws Exception {
    List<ServerProcess> servers = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        // The third may never lead: its eligibility shows on every instance's list.
        Map<String, String> extra = i == 2 ? Map.of("leader.eligibility", "false") : Map.of();
        servers.add(KafkaServers.start(work.resolve("node-" + i), KAFKA.bootstrapServers(), extra));
      }
      int leader = KafkaServers.awaitOneLeader(servers);
      List<String> urls = servers.stream().map(ServerProcess::url).sorted().toList();
      for (ServerProcess asked : servers) {
        JsonNode answer = awaitListing(asked, urls);
        assertThat(answer.get("instancesComplete").asBoolean()).as(asked.url()).isTrue();
        assertThat(answer.get("leaderUrl").asText()).isEqualTo(servers.get(leader).url());
        assertThat(answer.at("/node/url").asText()).isEqualTo(asked.url());
        for (JsonNode instance : answer.get("instances")) {
          String url = instance.get("url").asText();
          String where = asked.url() + " on " + url;
          assertThat(instance.get("role").asText()).as(where)
              .isEqualTo(url.equals(servers.get(leader).url()) ? "leader" : "follower");
          assertThat(instance.get("self").asBoolean()).as(where).isEqualTo(url.equals(asked.url()));
          assertThat(instance.get("leaderEligible").asBoolean()).as(where)
              .isEqualTo(!url.equals(servers.get(2).url()));
          assertThat(instance.get("reachable").asBoolean()).as(where).isTrue();
          assertThat(instance.get("ready").asBoolean()).as(where).isTrue();
          assertThat(instance.get("logOffset").asLong()).as(where).isGreaterThanOrEqualTo(0);
        }
      }

      // A follower stops: the next election drops it from every remaining instance's list.
      int gone = leader == 0 ? 1 : 0;
      servers.get(gone).stop();
      List<String> left = new ArrayList<>(urls);
      left.remove(servers.get(gone).url());
      for (int i = 0; i < servers.size(); i++) {
        if (i != gone) {
          assertThat(awaitListing(servers.get(i), left).get("instancesComplete").asBoolean()).isTrue();
        }
      }
    } finally {
      servers.forEach(ServerProcess::close);
    }
  }

  /** The instance's answer once it lists exactly {@code urls}, all reachable (an election may lag). */
  private static JsonNode awaitListing(ServerProcess asked, List<String> urls) throws Exception {
    long deadline = System.nanoTime() + SETTLE.limit().toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(asked.url() + "/v1/cluster"))
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      last = JSON.readTree(r.body());
      if (last.get("instances").findValuesAsText("url").equals(urls)
          && !last.get("instances").findValuesAsText("reachable").contains("false")) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(asked.url() + " never listed " + urls + "; last answer " + last);
  }
}
