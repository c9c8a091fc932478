package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.CompatibilityLevel;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentSettingsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "SCHEMA_REGISTRY_LISTENERS, listeners",
      "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS, kafkastore.bootstrap.servers",
      "SCHEMA_REGISTRY_HOST_NAME, host.name",
      "SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL, schema.compatibility.level",
      "SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG, kafkastore.sasl.jaas.config",
      "STELE_DATA_DIR, stele.data.dir",
      "STELE_SCHEMA_MAX_UNION_BRANCHES, stele.schema.max.union.branches",
      // Confluent's ub: two underscores are one, three a dash.
      "SCHEMA_REGISTRY_A__B, a_b",
      "SCHEMA_REGISTRY_A___B_C, a-b.c",
  })
  void variablesNameKeysAsConfluentsImagesDo(String variable, String key) {
    assertThat(EnvironmentSettings.key(variable)).isEqualTo(key);
  }

  @Test
  void otherVariablesAndBarePrefixesAreNotSettings() {
    assertThat(EnvironmentSettings.key("PATH")).isNull();
    assertThat(EnvironmentSettings.key("SCHEMA_REGISTRY_")).isNull();
    assertThat(EnvironmentSettings.key("KAFKA_LISTENERS")).isNull();
  }

  @Test
  void aComposeFileForTheConfluentImageConfiguresTheServer() throws ConfigException {
    EnvironmentSettings environment = EnvironmentSettings.of(Map.of(
        "SCHEMA_REGISTRY_HOST_NAME", "schema-registry",
        "SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8085",
        "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://broker:29092",
        "SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "full",
        "SCHEMA_REGISTRY_HEAP_OPTS", "-Xmx512M",
        "SCHEMA_REGISTRY_LOG4J_ROOT_LOGLEVEL", "WARN",
        "SCHEMA_REGISTRY_JMX_PORT", "9999",
        "PATH", "/usr/bin"));
    ServerConfig config = environment.parse();
    assertThat(config.listeners()).extracting(Listener::url).containsExactly("http://0.0.0.0:8085");
    assertThat(config.hostName()).isEqualTo("schema-registry");
    assertThat(config.kafkaStore()).isNotNull();
    assertThat(config.compatibilityLevel()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(environment.skipped()).containsExactly("SCHEMA_REGISTRY_HEAP_OPTS",
        "SCHEMA_REGISTRY_JMX_PORT", "SCHEMA_REGISTRY_LOG4J_ROOT_LOGLEVEL");
  }

  @Test
  void steleVariablesSetSteleKeysAndNothingSetMeansTheDefaults() throws ConfigException {
    // The scripts' own variables are neither settings nor worth a line in the log.
    EnvironmentSettings environment = EnvironmentSettings.of(Map.of(
        "STELE_DATA_DIR", "/var/lib/stele/data", "STELE_JAVA_OPTS", "-Xmx2g",
        "STELE_HEALTH_URL", "http://127.0.0.1:8081/health/ready"));
    assertThat(environment.variables()).containsOnlyKeys("stele.data.dir");
    assertThat(environment.skipped()).isEmpty();
    ServerConfig config = environment.parse();
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/stele/data"));
    assertThat(config.kafkaStore()).isNull();

    ServerConfig defaults = EnvironmentSettings.of(Map.of()).parse();
    assertThat(defaults.listeners()).extracting(Listener::url)
        .containsExactly(ServerConfig.DEFAULT_LISTENER);
    assertThat(defaults.dataDir()).isEqualTo(Path.of(ServerConfig.DEFAULT_DATA_DIR));
  }

  @Test
  void kubernetesServiceLinksAreNotSettings() throws ConfigException {
    // What a Service named schema-registry puts in every pod of its namespace.
    EnvironmentSettings environment = EnvironmentSettings.of(Map.of(
        "SCHEMA_REGISTRY_PORT", "tcp://10.96.0.12:8081",
        "SCHEMA_REGISTRY_SERVICE_HOST", "10.96.0.12",
        "SCHEMA_REGISTRY_SERVICE_PORT", "8081",
        "SCHEMA_REGISTRY_PORT_8081_TCP_ADDR", "10.96.0.12",
        "STELE_PORT_8081_TCP", "tcp://10.96.0.13:8081"));
    assertThat(environment.values()).isEmpty();
    assertThat(environment.skipped()).hasSize(5);
    assertThat(environment.parse().listeners()).extracting(Listener::url)
        .containsExactly(ServerConfig.DEFAULT_LISTENER);
    // A port number is still the legacy port key.
    assertThat(EnvironmentSettings.of(Map.of("SCHEMA_REGISTRY_PORT", "9091")).parse().listeners())
        .extracting(Listener::url).containsExactly("http://0.0.0.0:9091");
  }

  @Test
  void aMisspeltVariableStopsTheStartNamingIt() {
    assertRefusedNaming("STELE_DATA_DRI", "/data", "stele.data.dri",
        "unknown setting stele.data.dri (did you mean stele.data.dir?)");
    assertRefusedNaming("SCHEMA_REGISTRY_SCHEMA_COMPATABILITY_LEVEL", "full", "schema.compatability.level",
        "unknown setting schema.compatability.level");
  }

  @Test
  void aBadValueNamesItsVariable() {
    assertRefusedNaming("SCHEMA_REGISTRY_LISTENERS", "ftp://0.0.0.0:8081", "listeners", "must start with http://");
    assertRefusedNaming("STELE_SHUTDOWN_TIMEOUT_MS", "soon", "stele.shutdown.timeout.ms",
        "stele.shutdown.timeout.ms=soon");
  }

  /** The start fails saying {@code problem} and that {@code key} is the environment variable set. */
  private static void assertRefusedNaming(String variable, String value, String key, String problem) {
    assertThatThrownBy(() -> EnvironmentSettings.of(Map.of(variable, value)).parse())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(problem)
        .hasMessageContaining(key + " is the environment variable " + variable);
  }

  @Test
  void twoVariablesForOneKeyMustAgree() throws ConfigException {
    Map<String, String> same = Map.of("STELE_DATA_DIR", "/d", "SCHEMA_REGISTRY_STELE_DATA_DIR", "/d");
    assertThat(EnvironmentSettings.of(same).parse().dataDir()).isEqualTo(Path.of("/d"));
    assertThatThrownBy(() -> EnvironmentSettings.of(
        Map.of("STELE_DATA_DIR", "/a", "SCHEMA_REGISTRY_STELE_DATA_DIR", "/b")).parse())
        .hasMessage("the environment variables SCHEMA_REGISTRY_STELE_DATA_DIR and STELE_DATA_DIR"
            + " both set stele.data.dir, to different values; remove one");
  }
}
