package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.http.ops.Operations;
import dev.stele.registry.cluster.NodeIdentity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/cluster}: this node's view of its cluster, for admins only. */
class ClusterRoutesTest extends HttpTestBase {
  @TempDir
  static Path dir;

  @Test
  void tellsTheStoreTheNodeTheLeaderAndTheGaugedSizes() throws Exception {
    await(server.close());
    Operations operations = Operations.create(line -> { });
    operations.gauge("stele_log_offset", "test", () -> 41L);
    operations.gauge("stele_subjects", "test", () -> 3);
    server = await(RestServer.start(vertx, setup().withOperations(operations)
        .withLeadership(new Following(new NodeIdentity("http", "leader.example", 8081, true)))));
    JsonNode answer = get("/v1/cluster").json();
    assertThat(answer.get("store").asText()).isEqualTo("kafka");
    assertThat(answer.get("kafkaClusterId").asText()).isEqualTo("cluster-1");
    assertThat(answer.get("groupId").asText()).isEqualTo("schema-registry");
    assertThat(answer.get("leaderUrl").asText()).isEqualTo("http://leader.example:8081");
    assertThat(answer.at("/node/leader").asBoolean()).isFalse();
    assertThat(answer.get("logOffset").asLong()).isEqualTo(41);
    assertThat(answer.get("subjects").asLong()).isEqualTo(3);
    assertThat(answer.has("versions")).as("a gauge not registered is left out").isFalse();
  }

  @Test
  void theEmbeddedStoreLeadsAlone() throws Exception {
    await(server.close());
    server = await(RestServer.start(vertx, setup().withInfo(new ServerInfo("", "schema-registry", "0.1.0", "abc"))));
    String self = "http://127.0.0.1:" + server.port();
    assertJson(get("/v1/cluster"), 200, """
        {"store": "embedded", "kafkaClusterId": "", "groupId": "schema-registry", "version": "0.1.0",
         "commitId": "abc", "node": {"url": "%s", "leader": true, "ready": true},
         "leaderUrl": null,
         "instances": [{"url": "%s", "role": "leader", "leaderEligible": true, "self": true,
                        "reachable": true, "ready": true}],
         "instancesComplete": true, "instancesProblem": null}""".formatted(self, self));
  }

  @Test
  void onlyAnAdminMaySeeIt() throws Exception {
    await(server.close());
    server = await(RestServer.start(vertx, setup().withSecurity(TestUsers.security(dir, List.of()))));
    assertThat(send("GET", "/v1/cluster", null, "Authorization", TestUsers.basic("reader")).status()).isEqualTo(403);
    assertThat(send("GET", "/v1/cluster", null, "Authorization", TestUsers.basic("alice")).status()).isEqualTo(403);
    assertThat(get("/v1/cluster").status()).isEqualTo(401);
    assertThat(send("GET", "/v1/cluster", null, "Authorization", TestUsers.basic("admin")).status()).isEqualTo(200);
  }
}
