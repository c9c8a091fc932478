package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.testkit.kafka.KafkaBrokers;
import dev.stele.testkit.server.KafkaServers;
import dev.stele.testkit.server.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DEK registry on the Kafka store (#14), with two server processes on one broker: KEKs and
 * DEKs written through the follower (forwarded) and the leader are read through both; the key
 * topic holds Confluent's records and the schema topic none of them; a key a Confluent registry
 * wrote straight to the topic is served; after both processes restart everything reads the same,
 * and a rewrap keeps a shared KEK's key.
 */
class DekRegistryKafkaAcceptanceTest {
  private static final String SCHEMAS = "_schemas_dek";
  private static final String KEYS = "_dek_keys_dek";
  private static final String KEKS = "/dek-registry/v1/keks";

  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);
  @TempDir Path work;

  @Test
  void keysWrittenThroughEitherNodeAreReadThroughBothAndAfterARestart() throws Exception {
    Map<String, String> settings = Map.of("kafkastore.topic", SCHEMAS, "dek.registry.topic", KEYS);
    try (ServerProcess a = KafkaServers.start(work.resolve("a"), KAFKA.bootstrapServers(), settings);
        ServerProcess b = KafkaServers.start(work.resolve("b"), KAFKA.bootstrapServers(), settings)) {
      List<ServerProcess> servers = List.of(a, b);
      int leaderIndex = KafkaServers.awaitOneLeader(servers);
      Http leader = new Http(servers.get(leaderIndex).url());
      Http follower = new Http(servers.get(1 - leaderIndex).url());

      // Through the follower: forwarded to the leader, which writes them.
      follower.ok("POST", KEKS, Map.of("name", "payments", "kmsType", "local-kms", "kmsKeyId", "k1",
          "kmsProps", Map.of("secret", "change-me"), "shared", true));
      JsonNode dek = follower.ok("POST", KEKS + "/payments/deks/orders-value", Map.of());
      String raw = dek.get("keyMaterial").asText();
      assertThat(raw).isNotEmpty();
      // Through the leader: a KEK the clients wrap with, and a DEK they wrapped.
      leader.ok("POST", KEKS, Map.of("name", "clients", "kmsType", "aws-kms", "kmsKeyId", "arn:k"));
      leader.ok("POST", KEKS + "/clients/deks/audit-value",
          Map.of("version", 3, "encryptedKeyMaterial", "AAEC"));

      for (Http node : List.of(leader, follower)) {
        assertThat(eventually(node, KEKS + "/payments/deks/orders-value").get("keyMaterial")
            .asText()).isEqualTo(raw);
        assertThat(eventually(node, KEKS + "/clients/deks/audit-value/versions/3")
            .get("encryptedKeyMaterial").asText()).isEqualTo("AAEC");
      }

      List<String> keys = KafkaTopics.readCommitted(KAFKA.bootstrapServers(), KEYS).stream()
          .map(ConsumerRecord::key).toList();
      assertThat(keys).contains("{\"tenant\":\"default\",\"name\":\"payments\",\"type\":\"KEK\"}",
          "{\"tenant\":\"default\",\"kekName\":\"payments\",\"subject\":\"orders-value\","
              + "\"algorithm\":\"AES256_GCM\",\"version\":1,\"type\":\"DEK\"}");
      assertThat(KafkaTopics.readCommitted(KAFKA.bootstrapServers(), SCHEMAS))
          .extracting(ConsumerRecord::key).noneMatch(k -> k != null && k.contains("\"tenant\""));

      writeAsConfluent();
      for (Http node : List.of(leader, follower)) {
        assertThat(eventually(node, KEKS + "/legacy").get("kmsKeyId").asText()).isEqualTo("arn:old");
      }

      for (ServerProcess server : servers) {
        server.stop();
      }
      for (ServerProcess server : servers) {
        server.restart();
      }
      int newLeader = KafkaServers.awaitOneLeader(servers);
      for (ServerProcess server : servers) {
        Http node = new Http(server.url());
        assertThat(node.ok("GET", KEKS + "/payments/deks/orders-value", null).get("keyMaterial")
            .asText()).isEqualTo(raw);
        assertThat(node.ok("GET", KEKS + "/clients/deks/audit-value/versions", null).toString())
            .isEqualTo("[3]");
        assertThat(node.ok("GET", KEKS, null).toString())
            .isEqualTo("[\"clients\",\"legacy\",\"payments\"]");
      }

      // A rewrap through the follower (forwarded with its query): the same key, wrapped anew.
      Http followerNow = new Http(servers.get(1 - newLeader).url());
      JsonNode rewrapped = followerNow.ok("POST",
          KEKS + "/payments/deks/orders-value?rewrap=true", Map.of());
      assertThat(rewrapped.get("keyMaterial").asText()).isEqualTo(raw);
      assertThat(rewrapped.get("encryptedKeyMaterial").asText())
          .isNotEqualTo(dek.get("encryptedKeyMaterial").asText());
    }
  }

  /** Records as Confluent's key cache writes them: no transaction, values with ts and offset. */
  private static void writeAsConfluent() throws Exception {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", KAFKA.bootstrapServers()), new StringSerializer(),
        new StringSerializer())) {
      producer.send(new ProducerRecord<>(KEYS, 0,
          "{\"tenant\":\"default\",\"name\":\"legacy\",\"type\":\"KEK\"}",
          "{\"type\":\"KEK\",\"deleted\":false,\"offset\":7,\"ts\":1700000000000,\"doc\":null,"
              + "\"kmsKeyId\":\"arn:old\",\"kmsProps\":{},\"kmsType\":\"aws-kms\","
              + "\"name\":\"legacy\",\"shared\":false}")).get(30, TimeUnit.SECONDS);
    }
  }

  /** The answer once the node has read the record (a follower applies a moment after). */
  private static JsonNode eventually(Http node, String path) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Http.Response last = node.get(path);
    while (last.status() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      last = node.get(path);
    }
    assertThat(last.status()).as("%s: %s", path, last.text()).isEqualTo(200);
    return last.body();
  }
}
