package dev.stele.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.ClientConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerdeConfigTest {

  @Test
  void defaultsAreConfluents() {
    SerdeConfig config = SerdeConfig.fromMap(Map.of("schema.registry.url", "http://a:1"));
    assertThat(config.autoRegister()).isTrue();
    assertThat(config.useLatestVersion()).isFalse();
    assertThat(config.latestCompatibilityStrict()).isTrue();
    assertThat(config.useSchemaId()).isEqualTo(-1);
    assertThat(config.normalize()).isFalse();
    // Confluent 8's default: the registry's association for the topic, else the topic name.
    assertThat(config.strategy(true)).isInstanceOf(AssociatedNameStrategy.class);
    assertThat(config.strategy(false)).isInstanceOf(AssociatedNameStrategy.class);
    // Serdes keep the latest version until evicted; the plain client re-reads it after 60 s.
    assertThat(SerdeConfig.clientConfig(Map.of("schema.registry.url", "http://a:1")).latestTtl()).isNull();
    assertThat(ClientConfig.forUrls("http://a:1").latestTtl()).isNotNull();
  }

  @Test
  void valuesAreReadFromStringsOrTypes() {
    SerdeConfig config = SerdeConfig.fromMap(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false",
        SerdeConfig.USE_LATEST_VERSION, true, SerdeConfig.LATEST_COMPATIBILITY_STRICT, "false",
        SerdeConfig.USE_SCHEMA_ID, "7", SerdeConfig.NORMALIZE_SCHEMAS, "true",
        SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy"));
    assertThat(config).isEqualTo(new SerdeConfig(false, true, false, 7, true, config.keyStrategy(),
        config.valueStrategy()));
    assertThat(config.valueStrategy()).isInstanceOf(RecordNameStrategy.class);
  }

  @Test
  void aBadBooleanNamesItsKey() {
    assertThatThrownBy(() -> SerdeConfig.fromMap(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "yes")))
        .hasMessageContaining(SerdeConfig.AUTO_REGISTER_SCHEMAS);
  }
}
