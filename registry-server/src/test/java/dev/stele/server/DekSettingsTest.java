package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.testkit.server.ChildJvm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dek.registry.* keys, and the DEK registry as the server wires it (local-kms found on the class path). */
class DekSettingsTest {
  @TempDir Path dataDir;

  @Test
  void defaultsAreConfluents() throws ConfigException {
    ServerConfig config = ServerConfig.parse(Map.of());
    assertThat(config.dek()).isEqualTo(new DekSettings(10_000, "_dek_registry_keys"));
    ServerConfig set = ServerConfig.parse(Map.of("dek.registry.max.keys", "5",
        "dek.registry.topic", "_keys", "dek.registry.update.handlers", " "));
    assertThat(set.dek()).isEqualTo(new DekSettings(5, "_keys"));
    assertThat(set.unknownKeys()).isEmpty();
    assertThat(set.ignoredKeys()).isEmpty();
  }

  @Test
  void unsupportedValuesStopTheStart() {
    assertThatThrownBy(() -> ServerConfig.parse(Map.of("dek.registry.max.keys", "-1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("dek.registry.max.keys=-1");
    assertThatThrownBy(() -> ServerConfig.parse(Map.of("dek.registry.update.handlers", "com.x.Handler")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("no custom");
    assertThatThrownBy(() -> ServerConfig.parse(Map.of("dek.registry.topic", "a b")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not a Kafka topic name");
    // The Kafka store does not keep the DEK registry yet: asking for it there is refused.
    assertThatThrownBy(() -> ServerConfig.parse(Map.of("kafkastore.bootstrap.servers",
        "localhost:9092", "dek.registry.topic", "_dek_registry_keys")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("embedded store only");
  }

  /** The started server serves the DEK registry and wraps shared KEKs' DEKs with local-kms. */
  @Test
  void theServerServesSharedKeks() throws Exception {
    int port = ChildJvm.freePort();
    SteleServer server = SteleServer.start(ServerConfig.parse(Map.of(
        "listeners", "http://127.0.0.1:" + port, "stele.data.dir", dataDir.toString())));
    try {
      HttpClient client = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + port + "/dek-registry/v1/keks";
      HttpResponse<String> kek = client.send(post(base, "{\"name\":\"k\",\"kmsType\":\"local-kms\","
          + "\"kmsKeyId\":\"id\",\"kmsProps\":{\"secret\":\"s\"},\"shared\":true}"),
          HttpResponse.BodyHandlers.ofString());
      assertThat(kek.statusCode()).as(kek.body()).isEqualTo(200);
      HttpResponse<String> dek = client.send(post(base + "/k/deks", "{\"subject\":\"t-value\"}"),
          HttpResponse.BodyHandlers.ofString());
      assertThat(dek.statusCode()).as(dek.body()).isEqualTo(200);
      assertThat(dek.body()).contains("\"keyMaterial\":\"");
    } finally {
      server.close();
    }
  }

  private static HttpRequest post(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }
}
