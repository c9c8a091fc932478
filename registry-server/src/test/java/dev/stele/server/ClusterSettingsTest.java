package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.cluster.NodeIdentity;
import dev.stele.store.kafka.ElectionTiming;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Election settings and the identity a node advertises to its peers. */
class ClusterSettingsTest {
  private static ServerConfig parse(Map<String, String> values) throws ConfigException {
    Map<String, String> all = new HashMap<>(values);
    all.putIfAbsent("kafkastore.bootstrap.servers", "127.0.0.1:9092");
    return ServerConfig.parse(all);
  }

  @Test
  void defaultsLeadWithAShortSession() throws Exception {
    ClusterSettings cluster = parse(Map.of()).cluster();
    assertThat(cluster.leaderEligible()).isTrue();
    assertThat(cluster.timing()).isEqualTo(new ElectionTiming(Duration.ofSeconds(6),
        Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMillis(250)));
    assertThat(cluster.sticky()).isTrue();
    assertThat(cluster.leaderWait()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void readsConfluentKeysAndActsOnThemOnTheKafkaStore() throws Exception {
    ServerConfig config = parse(Map.of("leader.eligibility", "false",
        "kafkagroup.session.timeout.ms", "10000", "kafkagroup.heartbeat.interval.ms", "3000",
        "leader.election.sticky", "FALSE", "stele.leader.wait.ms", "2500"));
    // Two heartbeats (6 s) exceed the 3 s default rebalance timeout: members must hear of it.
    assertThat(config.cluster()).isEqualTo(new ClusterSettings(false, new ElectionTiming(
        Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(6),
        Duration.ofMillis(250)), false, Duration.ofMillis(2500)));
    assertThat(config.ignoredKeys()).doesNotContain("leader.eligibility",
        "kafkagroup.session.timeout.ms", "kafkagroup.heartbeat.interval.ms",
        "leader.election.sticky", "stele.leader.wait.ms");
    ServerConfig probed = parse(Map.of("kafkagroup.rebalance.timeout.ms", "2000",
        "leader.probe.interval.ms", "100"));
    assertThat(probed.cluster().timing().rebalance()).isEqualTo(Duration.ofSeconds(2));
    assertThat(probed.cluster().timing().probe()).isEqualTo(Duration.ofMillis(100));
    assertThat(probed.ignoredKeys()).doesNotContain("kafkagroup.rebalance.timeout.ms",
        "leader.probe.interval.ms");
    assertThat(parse(Map.of("master.eligibility", "false")).cluster().leaderEligible()).isFalse();
    // The new name wins over the old one.
    assertThat(parse(Map.of("master.eligibility", "false", "leader.eligibility", "true"))
        .cluster().leaderEligible()).isTrue();
  }

  @Test
  void refusesValuesThatCannotWork() {
    refused(Map.of("leader.eligibility", "maybe"), "leader.eligibility=maybe");
    refused(Map.of("leader.election.sticky", "yes"), "leader.election.sticky=yes");
    refused(Map.of("stele.leader.wait.ms", "0"), "stele.leader.wait.ms");
    refused(Map.of("kafkagroup.session.timeout.ms", "-1"), "kafkagroup.session.timeout.ms");
    refused(Map.of("kafkagroup.session.timeout.ms", "3000",
        "kafkagroup.heartbeat.interval.ms", "3000"), "must be less than");
    // Shorter than two heartbeats: live members would miss the elections and be dropped.
    refused(Map.of("kafkagroup.rebalance.timeout.ms", "1500"), "at least twice");
    // Longer than the session: a crashed leader's session ends first, the probe cannot help.
    refused(Map.of("kafkagroup.rebalance.timeout.ms", "7000"), "must not exceed");
    refused(Map.of("leader.probe.interval.ms", "0"), "leader.probe.interval.ms");
  }

  private static void refused(Map<String, String> values, String message) {
    assertThatThrownBy(() -> parse(values)).as("%s", values)
        .isInstanceOf(ConfigException.class).hasMessageContaining(message);
  }

  @Test
  void advertisesHostNameAndTheListenersPort() throws Exception {
    ServerConfig named = parse(Map.of("listeners", "http://0.0.0.0:0", "host.name", "reg-1.example"));
    assertThat(Advertised.identity(named, 8085))
        .isEqualTo(new NodeIdentity("http", "reg-1.example", 8085, true));
    ServerConfig bound = parse(Map.of("listeners", "http://127.0.0.1:8081"));
    assertThat(Advertised.identity(bound, 8081).url()).isEqualTo("http://127.0.0.1:8081");
    ServerConfig everywhere = parse(Map.of("listeners", "http://0.0.0.0:8081"));
    assertThat(Advertised.identity(everywhere, 8081).host()).isNotEqualTo("0.0.0.0");
  }
}
