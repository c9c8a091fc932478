package dev.stele.store.kafka;

import dev.stele.registry.state.SnapshotSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KafkaStoreConfigTest {

  @ParameterizedTest(name = "[{index}] {0} with {1}")
  @CsvSource(delimiter = '|', value = {
      "PLAINTEXT://k1:9092                          | PLAINTEXT | k1:9092",
      "k1:9092, k2:9092                             | PLAINTEXT | k1:9092,k2:9092",
      "PLAINTEXT://k1:9092,SSL://k1:9093            | SSL       | k1:9093",
      "plaintext://k1:9092,SASL_SSL://k2:9094,k3:1  | PLAINTEXT | k1:9092,k3:1",
      "PLAINTEXT://[::1]:9092,                      | PLAINTEXT | [::1]:9092"})
  void bootstrapServersKeepTheEndpointsOfTheSecurityProtocol(String raw, String protocol,
      String expected) {
    assertThat(KafkaStoreConfig.bootstrapServers(raw, protocol)).isEqualTo(expected);
  }

  @Test
  void bootstrapServersWithoutAMatchingEndpointAreRefused() {
    assertThatThrownBy(() -> KafkaStoreConfig.bootstrapServers("SSL://k1:9093", "PLAINTEXT"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kafkastore.bootstrap.servers=SSL://k1:9093 has no endpoint for the security"
            + " protocol PLAINTEXT (kafkastore.security.protocol)");
    assertThatThrownBy(() -> KafkaStoreConfig.bootstrapServers(" ", "PLAINTEXT"))
        .hasMessageStartingWith("kafkastore.bootstrap.servers is empty");
  }

  @Test
  void clientSettingsLoseThePrefixAndStoreKeysStayOut() {
    KafkaStoreConfig config = KafkaStoreConfig.fromProperties(Map.of(
        "kafkastore.bootstrap.servers", "k1:9092",
        "kafkastore.topic", "_s",
        "kafkastore.topic.config.segment.ms", "600000",
        "kafkastore.ssl.truststore.location", "/etc/ts.jks",
        "kafkastore.init.wait.for.reader", "true",
        "kafkastore.write.max.retries", "5",
        "stele.kafkastore.apply.timeout.ms", "2500",
        "schema.registry.group.id", "not-a-kafkastore-key"), "g");

    assertThat(config.clientProperties())
        .containsExactly(Map.entry("ssl.truststore.location", "/etc/ts.jks"));
    assertThat(config.topicConfigs()).containsExactly(Map.entry("segment.ms", "600000"));
    assertThat(config.transactionalId()).isEqualTo("stele-g-_s");
    assertThat(config.applyTimeout()).isEqualTo(java.time.Duration.ofMillis(2500));
    assertThat(KafkaStoreConfig.of("k:1", "t", "g").applyTimeout())
        .isEqualTo(KafkaStoreConfig.DEFAULT_APPLY_TIMEOUT);
  }

  @Test
  void theBatchWaitIsStelesOwnKeyAndZeroTurnsItOff() {
    Map<String, String> base = Map.of("kafkastore.bootstrap.servers", "k1:9092");
    assertThat(KafkaStoreConfig.fromProperties(base, "g").batchWait())
        .isEqualTo(KafkaStoreConfig.DEFAULT_BATCH_WAIT);
    KafkaStoreConfig off = KafkaStoreConfig.fromProperties(Map.of(
        "kafkastore.bootstrap.servers", "k1:9092", "stele.kafkastore.batch.wait.ms", "0"), "g");
    assertThat(off.batchWait()).isZero();
    assertThat(off.clientProperties()).isEmpty();
    assertThat(KafkaStoreConfig.isUsed("stele.kafkastore.batch.wait.ms")).isTrue();
    assertThatThrownBy(() -> KafkaStoreConfig.fromProperties(Map.of(
        "kafkastore.bootstrap.servers", "k1:9092", "stele.kafkastore.batch.wait.ms", "-1"), "g"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stele.kafkastore.batch.wait.ms=-1 must be a whole number, 0 or more");
  }

  @Test
  void anOperatorMayNameTheTransactionalId() {
    KafkaStoreConfig config = KafkaStoreConfig.fromProperties(Map.of(
        "kafkastore.bootstrap.servers", "k1:9092", "kafkastore.transactional.id", "sr-prod"), "g");

    assertThat(config.transactionalId()).isEqualTo("sr-prod");
    assertThat(config.clientProperties()).isEmpty();
  }

  @Test
  void theKeyTopicIsConfluentsUnlessNamedAndNeverTheSchemaTopic() {
    assertThat(KafkaStoreConfig.fromProperties(Map.of("kafkastore.bootstrap.servers", "k1:9092"),
        "g").keysTopic()).isEqualTo("_dek_registry_keys");
    KafkaStoreConfig named = KafkaStoreConfig.fromProperties(Map.of(
        "kafkastore.bootstrap.servers", "k1:9092", "dek.registry.topic", "_keys"), "g");
    assertThat(named.keysTopic()).isEqualTo("_keys");
    assertThat(named.clientProperties()).isEmpty();
    assertThatThrownBy(() -> KafkaStoreConfig.fromProperties(Map.of(
        "kafkastore.bootstrap.servers", "k1:9092", "kafkastore.topic", "_s",
        "dek.registry.topic", "_s"), "g"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dek.registry.topic=_s names the schema topic");
  }

  @Test
  void theStoresGuaranteesCannotBeConfiguredAway() {
    KafkaStoreConfig config = KafkaStoreConfig.fromProperties(Map.of(
        "kafkastore.bootstrap.servers", "k1:9092",
        "kafkastore.acks", "1",
        "kafkastore.enable.idempotence", "false",
        "kafkastore.isolation.level", "read_uncommitted",
        "kafkastore.enable.auto.commit", "true",
        "kafkastore.max.block.ms", "2500",
        "kafkastore.sasl.mechanism", "SCRAM-SHA-512"), "g");

    Map<String, Object> producer = ClientSettings.producer(config);
    assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", true)
        .containsEntry("transactional.id", "stele-g-_schemas")
        .containsEntry("max.block.ms", "2500") // tuning: the operator's value wins
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("bootstrap.servers", "k1:9092");
    Map<String, Object> consumer = ClientSettings.consumer(config);
    assertThat(consumer).containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", false).containsEntry("auto.offset.reset", "earliest")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512").doesNotContainKey("group.id");
    assertThat(ClientSettings.admin(config)).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
  }

  @Test
  void theWriteTimeoutBoundsEveryBlockingProducerCall() {
    KafkaStoreConfig config = KafkaStoreConfig.fromProperties(Map.of(
        "kafkastore.bootstrap.servers", "k1:9092", "kafkastore.timeout.ms", "750"), "g");

    assertThat(ClientSettings.producer(config)).containsEntry("max.block.ms", 750L);
  }

  @Test
  void snapshotsGoToTheDataDirectoryUnlessToldOtherwise() {
    java.nio.file.Path data = java.nio.file.Path.of("/var/lib/stele/data");
    Map<String, String> base = Map.of("kafkastore.bootstrap.servers", "k1:9092");
    assertThat(KafkaStoreConfig.fromProperties(base, "g", data).snapshots())
        .isEqualTo(new SnapshotSettings(data.resolve("snapshots"), SnapshotSettings.DEFAULT_INTERVAL));
    assertThat(KafkaStoreConfig.fromProperties(Map.of("kafkastore.bootstrap.servers", "k1:9092",
        "stele.kafkastore.snapshot.dir", "/srv/snap", "stele.kafkastore.snapshot.interval.ms", "60000"),
        "g", data).snapshots())
        .isEqualTo(new SnapshotSettings(java.nio.file.Path.of("/srv/snap"), java.time.Duration.ofMinutes(1)));
    assertThat(KafkaStoreConfig.fromProperties(Map.of("kafkastore.bootstrap.servers", "k1:9092",
        "stele.kafkastore.snapshot.enabled", "false"), "g", data).snapshots().enabled()).isFalse();
    // Tests and tools have no data directory: no snapshots unless a folder is named.
    assertThat(KafkaStoreConfig.of("k:1", "t", "g").snapshots().enabled()).isFalse();
    assertThat(KafkaStoreConfig.isUsed("stele.kafkastore.snapshot.dir")).isTrue();
  }

  @Test
  void badSnapshotSettingsAreRefusedNamingTheKey() {
    java.nio.file.Path data = java.nio.file.Path.of("data");
    assertThatThrownBy(() -> KafkaStoreConfig.fromProperties(Map.of("kafkastore.bootstrap.servers",
        "k1:9092", "stele.kafkastore.snapshot.interval.ms", "0"), "g", data))
        .hasMessage("stele.kafkastore.snapshot.interval.ms=0 must be a positive whole number");
    assertThatThrownBy(() -> KafkaStoreConfig.fromProperties(Map.of("kafkastore.bootstrap.servers",
        "k1:9092", "stele.kafkastore.snapshot.interval.ms", "5m"), "g", data))
        .hasMessage("stele.kafkastore.snapshot.interval.ms=5m must be a positive whole number");
    assertThatThrownBy(() -> KafkaStoreConfig.fromProperties(Map.of("kafkastore.bootstrap.servers",
        "k1:9092", "stele.kafkastore.snapshot.enabled", "yes"), "g", data))
        .hasMessage("stele.kafkastore.snapshot.enabled=yes is not true or false");
  }
}
