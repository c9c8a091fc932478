package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.model.SchemaLimits;
import dev.stele.schema.CompatibilityLevel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ServerConfigTest {

  /** A properties text, one key=value per line with ';' between lines for a compact table. */
  private static Map<String, String> props(String text) {
    Map<String, String> values = new HashMap<>();
    for (String line : text.split(";")) {
      if (!line.isBlank()) {
        int eq = line.indexOf('=');
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return values;
  }

  static Stream<Arguments> listenerTable() {
    return Stream.of(
        Arguments.of("", List.of("http://0.0.0.0:8081")),
        Arguments.of("port=9090", List.of("http://0.0.0.0:9090")),
        Arguments.of("listeners=http://127.0.0.1:18081;port=9090", List.of("http://127.0.0.1:18081")),
        Arguments.of("listeners=  ;port=9090", List.of("http://0.0.0.0:9090")),
        Arguments.of("listeners=HTTP://localhost:8081", List.of("http://localhost:8081")),
        Arguments.of("listeners=http://:8082", List.of("http://0.0.0.0:8082")),
        Arguments.of("listeners=http://[::1]:8083/", List.of("http://[::1]:8083")),
        Arguments.of("listeners=http://0.0.0.0:8081, http://127.0.0.1:8082,",
            List.of("http://0.0.0.0:8081", "http://127.0.0.1:8082")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("listenerTable")
  void listeners(String properties, List<String> expected) throws ConfigException {
    ServerConfig config = ServerConfig.parse(props(properties));
    assertThat(config.listeners()).extracting(Listener::url).containsExactlyElementsOf(expected);
  }

  @Test
  void ipv6ListenerBindsWithoutBrackets() throws ConfigException {
    Listener listener = ServerConfig.parse(props("listeners=http://[::1]:8083")).listeners().get(0);
    assertThat(listener).isEqualTo(new Listener("http", "::1", 8083));
  }

  static Stream<Arguments> levelTable() {
    return Stream.of(
        Arguments.of("", CompatibilityLevel.BACKWARD),
        Arguments.of("schema.compatibility.level=full", CompatibilityLevel.FULL),
        Arguments.of("schema.compatibility.level=Forward_Transitive", CompatibilityLevel.FORWARD_TRANSITIVE),
        Arguments.of("schema.compatibility.level= NONE ", CompatibilityLevel.NONE),
        Arguments.of("avro.compatibility.level=full_transitive", CompatibilityLevel.FULL_TRANSITIVE),
        Arguments.of("avro.compatibility.level=none;schema.compatibility.level=forward",
            CompatibilityLevel.FORWARD),
        Arguments.of("avro.compatibility.level=none;schema.compatibility.level=",
            CompatibilityLevel.NONE));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("levelTable")
  void compatibilityLevel(String properties, CompatibilityLevel expected) throws ConfigException {
    assertThat(ServerConfig.parse(props(properties)).compatibilityLevel()).isEqualTo(expected);
  }

  @Test
  void defaults() throws ConfigException {
    ServerConfig config = ServerConfig.parse(Map.of());
    assertThat(config.hostName()).isNull();
    assertThat(config.groupId()).isEqualTo("schema-registry");
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.kafkaStore()).as("the embedded store unless Kafka is named").isNull();
    assertThat(config.maxRequestBytes()).isEqualTo(ServerConfig.DEFAULT_MAX_REQUEST_BYTES);
    assertThat(config.idleTimeoutSeconds()).isEqualTo(ServerConfig.DEFAULT_IDLE_TIMEOUT_SECONDS);
    assertThat(config.ignoredKeys()).isEmpty();
    assertThat(config.unknownKeys()).isEmpty();
  }

  @Test
  void explicitValues() throws ConfigException {
    ServerConfig config = ServerConfig.parse(props("host.name=sr1.example.com;"
        + "schema.registry.group.id=team-a;stele.data.dir=/var/lib/stele;stele.max.request.bytes=1024"));
    assertThat(config.hostName()).isEqualTo("sr1.example.com");
    assertThat(config.groupId()).isEqualTo("team-a");
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/stele"));
    assertThat(config.maxRequestBytes()).isEqualTo(1024);
  }

  @ParameterizedTest(name = "[{index}] idle.timeout.ms={0}")
  @CsvSource({"30000, 30", "1, 1", "1500, 2", "0, 0"})
  void idleTimeoutIsRoundedUpToSeconds(String millis, int seconds) throws ConfigException {
    assertThat(ServerConfig.parse(Map.of("idle.timeout.ms", millis)).idleTimeoutSeconds())
        .isEqualTo(seconds);
  }

  @Test
  void sortsOtherKeysIntoConfluentIgnoredAndUnknownWhenUnknownKeysOnlyWarn() throws ConfigException {
    ServerConfig config = ServerConfig.parse(props("kafkastore.topic=_schemas;debug=false;"
        + "ssl.keystore.location=/x;authentication.method=NONE;authentication.realm=SR;"
        + "metadata.encoder.secret=s;resource.extension.class=a.B;schema.compatability.level=full;"
        + "colour=blue;stele.config.unknown.keys=warn"));
    // authentication.method and .realm are read (SecuritySettings), so neither is listed.
    assertThat(config.ignoredKeys()).containsExactly(
        "debug", "kafkastore.topic", "metadata.encoder.secret", "resource.extension.class",
        "ssl.keystore.location");
    assertThat(config.unknownKeys()).containsExactly("colour", "schema.compatability.level");
  }

  @Test
  void aMisspeltConfluentKeyStopsTheStartNamingTheKeyMeant() {
    assertThatThrownBy(() -> ServerConfig.parse(props("schema.compatability.level=full")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown setting schema.compatability.level (did you mean"
            + " schema.compatibility.level?): neither Stele nor the Confluent registry reads it,"
            + " and a misspelt key would leave its setting at the default; correct it, or set"
            + " stele.config.unknown.keys=warn to start anyway");
    assertThatThrownBy(() -> ServerConfig.parse(props("listners=http://0.0.0.0:8081;colour=blue")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("unknown setting colour (and listners): ");
    assertThatThrownBy(() -> ServerConfig.parse(props("listners=http://0.0.0.0:8081")))
        .hasMessageStartingWith("unknown setting listners (did you mean listeners?)");
    assertThatThrownBy(() -> ServerConfig.parse(props("stele.config.unknown.keys=maybe")))
        .hasMessage("stele.config.unknown.keys=maybe must be refuse or warn");
  }

  @Test
  void aSteleKeyStaysFatalEvenWhenUnknownKeysOnlyWarn() {
    assertThatThrownBy(() -> ServerConfig.parse(props(
        "stele.data.dri=/tmp/x;stele.config.unknown.keys=warn")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown setting stele.data.dri (did you mean stele.data.dir?); Stele's own"
            + " settings are listed in the README");
  }

  static Stream<Arguments> errorTable() {
    return Stream.of(
        Arguments.of("kafkastore.bootstrap.servers=SASL_SSL://k1:9093",
            "kafkastore.bootstrap.servers=SASL_SSL://k1:9093 has no endpoint for the security"
                + " protocol PLAINTEXT (kafkastore.security.protocol)"),
        Arguments.of("kafkastore.bootstrap.servers=k1:9092;kafkastore.timeout.ms=soon",
            "kafkastore.timeout.ms=soon must be a positive whole number"),
        Arguments.of("kafkastore.bootstrap.servers=k1:9092;kafkastore.topic.replication.factor=0",
            "kafkastore.topic.replication.factor=0 must be a positive whole number"),
        Arguments.of("kafkastore.bootstrap.servers=k1:9092;kafkastore.topic.skip.validation=yes",
            "kafkastore.topic.skip.validation=yes is not true or false"),
        Arguments.of("schema.providers.avro.validate.defaults=yes",
            "schema.providers.avro.validate.defaults=yes is not true or false"),
        Arguments.of("stele.ui.enabled=on", "stele.ui.enabled=on is not true or false"),
        Arguments.of("kafkastore.bootstrap.servers=k1:9092;stele.kafkastore.snapshot.interval.ms=-1",
            "stele.kafkastore.snapshot.interval.ms=-1 must be a positive whole number"),
        Arguments.of("schema.compatibility.level=sideways",
            "schema.compatibility.level=sideways is not a compatibility level"),
        Arguments.of("avro.compatibility.level=strict", "avro.compatibility.level=strict is not"),
        Arguments.of("listeners=https://0.0.0.0:8443", "an https:// listener needs ssl.keystore.location"),
        Arguments.of("listeners=http://0.0.0.0:8081,https://0.0.0.0:8443", "needs ssl.keystore.location"),
        Arguments.of("listeners=ftp://0.0.0.0:21", "must start with http://"),
        Arguments.of("listeners=0.0.0.0:8081", "is not a URL like http://0.0.0.0:8081"),
        Arguments.of("listeners=http://0.0.0.0", "has no valid port"),
        Arguments.of("listeners=http://0.0.0.0:99999", "has no valid port"),
        Arguments.of("listeners=http://127.0.0.1:abc",
            "listeners: 'http://127.0.0.1:abc' has the port 'abc', which is not a number"),
        Arguments.of("listeners=http://a b:80", "is not a URL"),
        Arguments.of("listeners=,", "no listener"),
        Arguments.of("port=eighty", "port=eighty is not a port number"),
        Arguments.of("stele.max.request.bytes=0", "stele.max.request.bytes=0 must be a positive"),
        Arguments.of("stele.max.request.bytes=4MB", "must be a positive number of bytes"),
        Arguments.of("idle.timeout.ms=-1", "idle.timeout.ms=-1 must be a number of milliseconds"),
        Arguments.of("stele.data.dri=/tmp/x", "unknown setting stele.data.dri"),
        Arguments.of("authentication.method=BASIC", "authentication.method=BASIC needs stele.auth.users.file"),
        Arguments.of("authentication.method=BEARER", "authentication.method=BEARER needs stele.auth.users.file"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("errorTable")
  void refusesBadConfig(String properties, String messagePart) {
    assertThatThrownBy(() -> ServerConfig.parse(props(properties)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(messagePart);
  }

  @Test
  void confluentSampleWithoutKafkastoreLinesRunsAsIs(@TempDir Path dir) throws Exception {
    Path sample = confluentSample();
    String withoutKafka = Files.readAllLines(sample).stream()
        .filter(line -> !line.startsWith("kafkastore."))
        .collect(Collectors.joining("\n"));
    Path file = Files.writeString(dir.resolve("sr.properties"), withoutKafka);

    ServerConfig config = ServerConfig.load(file);

    assertThat(config.listeners()).containsExactly(new Listener("http", "0.0.0.0", 8081));
    assertThat(config.compatibilityLevel()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.unknownKeys()).isEmpty();
  }

  @Test
  void confluentSampleAsShippedRunsOnTheKafkaStore() throws Exception {
    ServerConfig config = ServerConfig.load(confluentSample());

    assertThat(config.kafkaStore()).isNotNull();
    assertThat(config.kafkaStore().bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(config.kafkaStore().topic()).isEqualTo("_schemas");
    assertThat(config.ignoredKeys()).isEmpty();
    assertThat(config.unknownKeys()).isEmpty();
  }

  @Test
  void kafkaStoreSettings() throws ConfigException {
    ServerConfig config = ServerConfig.parse(props("kafkastore.bootstrap.servers="
        + "PLAINTEXT://k1:9092,SASL_SSL://k1:9093,SASL_SSL://k2:9093;"
        + "kafkastore.security.protocol=SASL_SSL;kafkastore.sasl.mechanism=PLAIN;"
        + "kafkastore.topic=_stele;kafkastore.topic.replication.factor=2;"
        + "kafkastore.topic.config.min.insync.replicas=2;kafkastore.timeout.ms=2000;"
        + "kafkastore.init.timeout.ms=30000;kafkastore.group.id=readers;"
        + "schema.registry.group.id=team-a"));
    var kafka = config.kafkaStore();

    assertThat(kafka.bootstrapServers()).isEqualTo("k1:9093,k2:9093");
    assertThat(kafka.topic()).isEqualTo("_stele");
    assertThat(kafka.replicationFactor()).isEqualTo(2);
    assertThat(kafka.topicConfigs()).containsExactly(Map.entry("min.insync.replicas", "2"));
    assertThat(kafka.timeout()).hasMillis(2000);
    assertThat(kafka.initTimeout()).hasSeconds(30);
    assertThat(kafka.transactionalId()).isEqualTo("stele-team-a-_stele");
    // passed to the Kafka clients without the prefix, as the Confluent registry does
    assertThat(kafka.clientProperties()).containsOnly(Map.entry("security.protocol", "SASL_SSL"),
        Map.entry("sasl.mechanism", "PLAIN"));
    // a consumer group is what Stele's reader does not need: accepted, said to be ignored
    assertThat(config.ignoredKeys()).containsExactly("kafkastore.group.id");
  }

  @Test
  void kafkaStoreSnapshotsLiveInTheDataDirectoryByDefault() throws ConfigException {
    var kafka = ServerConfig.parse(props("kafkastore.bootstrap.servers=k1:9092;"
        + "stele.data.dir=/var/lib/stele/data")).kafkaStore();
    assertThat(kafka.snapshots().dir()).isEqualTo(Path.of("/var/lib/stele/data/snapshots"));
    assertThat(ServerConfig.parse(props("kafkastore.bootstrap.servers=k1:9092;"
        + "stele.kafkastore.snapshot.enabled=false")).kafkaStore().snapshots().enabled()).isFalse();
    // harmless on the embedded store, as the other stele.kafkastore.* keys
    assertThat(ServerConfig.parse(props("stele.kafkastore.snapshot.interval.ms=60000")).unknownKeys())
        .isEmpty();
  }

  @Test
  void kafkaStoreDefaults() throws ConfigException {
    var kafka = ServerConfig.parse(props("kafkastore.bootstrap.servers=k1:9092")).kafkaStore();

    assertThat(kafka.topic()).isEqualTo("_schemas");
    assertThat(kafka.replicationFactor()).isEqualTo(3);
    assertThat(kafka.skipTopicValidation()).isFalse();
    assertThat(kafka.timeout()).hasMillis(500);
    assertThat(kafka.initTimeout()).hasSeconds(60);
    assertThat(kafka.transactionalId()).isEqualTo("stele-schema-registry-_schemas");
    assertThat(kafka.clientProperties()).isEmpty();
  }

  @Test
  void shippedConfigParses() throws ConfigException {
    ServerConfig config = ServerConfig.load(Path.of("../config/stele.properties"));
    assertThat(config.listeners()).extracting(Listener::url).containsExactly("http://127.0.0.1:8081");
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.ignoredKeys()).isEmpty();
    assertThat(config.unknownKeys()).isEmpty();
  }

  @Test
  void loadReportsMissingFile(@TempDir Path dir) {
    assertThatThrownBy(() -> ServerConfig.load(dir.resolve("nope.properties")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.properties does not exist");
  }

  @Test
  void loadReadsPropertiesSyntax(@TempDir Path dir) throws IOException, ConfigException {
    Path file = Files.writeString(dir.resolve("a.properties"), """
        # comment
        ! another comment
        listeners = http://127.0.0.1:9000
        schema.compatibility.level: forward
        stele.data.dir /srv/stele
        """);
    ServerConfig config = ServerConfig.load(file);
    assertThat(config.listeners()).containsExactly(new Listener("http", "127.0.0.1", 9000));
    assertThat(config.compatibilityLevel()).isEqualTo(CompatibilityLevel.FORWARD);
    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/stele"));
  }

  /** A Confluent deployment's config file, kept in this module's test resources. */
  private static Path confluentSample() throws URISyntaxException {
    URL sample = ServerConfigTest.class.getResource("/confluent/schema-registry.properties");
    assertThat(sample).as("confluent/schema-registry.properties on the test class path").isNotNull();
    return Path.of(sample.toURI());
  }

  /** Rows: the properties, the setting they give, the value expected. */
  static Stream<Arguments> settingsAndTheirDefaults() {
    Function<ServerConfig, Object> avroDefaults = ServerConfig::avroValidateDefaults;
    Function<ServerConfig, Object> console = ServerConfig::uiEnabled;
    Function<ServerConfig, Object> heap = ServerConfig::heapRefusePercent;
    // Confluent's server default for a config without validateNewSchemas: read, not ignored.
    Function<ServerConfig, Object> newSchemas = ServerConfig::validateNewSchemas;
    return Stream.of(
        Arguments.of("", avroDefaults, true),
        Arguments.of("schema.providers.avro.validate.defaults=false", avroDefaults, false),
        Arguments.of("schema.providers.avro.validate.defaults=TRUE", avroDefaults, true),
        Arguments.of("", console, true),
        Arguments.of("stele.ui.enabled=false", console, false),
        Arguments.of("stele.ui.enabled=True", console, true),
        Arguments.of("", heap, 90),
        Arguments.of("stele.heap.refuse.percent=75", heap, 75),
        Arguments.of("stele.heap.refuse.percent= 100", heap, 100),
        Arguments.of("stele.heap.refuse.percent=1", heap, 1),
        Arguments.of("", newSchemas, true),
        Arguments.of("schema.validate.new.schemas=false", newSchemas, false),
        Arguments.of("schema.validate.new.schemas=true", newSchemas, true));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("settingsAndTheirDefaults")
  void settingsDefaultUnlessSet(String properties, Function<ServerConfig, Object> setting, Object expected)
      throws ConfigException {
    assertThat(setting.apply(ServerConfig.parse(props(properties)))).isEqualTo(expected);
    assertThat(ServerConfig.parse(props(properties)).ignoredKeys()).isEmpty();
  }

  @Test
  void schemaShapeLimitsDefaultAndAreSetOneByOne() throws ConfigException {
    assertThat(ServerConfig.parse(props("")).schemaLimits()).isEqualTo(SchemaLimits.DEFAULTS);
    SchemaLimits set = ServerConfig.parse(props("stele.schema.max.union.branches=20;"
        + "stele.schema.max.json.depth=50;stele.schema.max.reference.depth=3")).schemaLimits();
    assertThat(set).isEqualTo(new SchemaLimits(50, SchemaLimits.DEFAULTS.recordDepth(),
        SchemaLimits.DEFAULTS.protobufDepth(), 20, SchemaLimits.DEFAULTS.enumSymbols(),
        SchemaLimits.DEFAULTS.fields(), SchemaLimits.DEFAULTS.combinatorWidth(), 3));
  }

  @Test
  void theCompatibilityCheckBudgetDefaultsToTwentySeconds() throws ConfigException {
    assertThat(ServerConfig.parse(props("")).compatibilityCheckTimeout()).hasSeconds(20);
    assertThat(ServerConfig.parse(props("stele.compatibility.check.timeout.ms=1500")).compatibilityCheckTimeout())
        .hasMillis(1500);
    assertThatThrownBy(() -> ServerConfig.parse(props("stele.compatibility.check.timeout.ms=0")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("stele.compatibility.check.timeout.ms=0 must be a positive number of milliseconds");
  }

  @Test
  void theComparisonsOneCheckMayMakeDefaultToAMillion() throws ConfigException {
    assertThat(ServerConfig.parse(props("")).compatibilityMaxComparisons()).isEqualTo(250_000);
    assertThat(ServerConfig.parse(props("stele.compatibility.check.max.comparisons=5000"))
        .compatibilityMaxComparisons()).isEqualTo(5000);
    assertThatThrownBy(() -> ServerConfig.parse(props("stele.compatibility.check.max.comparisons=-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("stele.compatibility.check.max.comparisons=-1 must be a positive number of"
            + " comparisons (at most 2147483647)");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({"stele.schema.max.fields=0", "stele.schema.max.enum.symbols=many",
      "stele.schema.max.record.depth=-1"})
  void aSchemaShapeLimitMustBeAPositiveNumber(String property) {
    assertThatThrownBy(() -> ServerConfig.parse(props(property)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(property + " must be a positive whole number");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({"0", "101", "ninety", "90%", "-5", "90.5"})
  void heapRefusePercentMustBeAPercentage(String value) {
    assertThatThrownBy(() -> ServerConfig.parse(props("stele.heap.refuse.percent=" + value)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("stele.heap.refuse.percent=" + value
            + " must be a whole percentage from 1 to 100 (100 never refuses)");
  }

  @Test
  void aMisspeltSteleKeyNamesTheHeapSettingAmongTheRight() {
    assertThatThrownBy(() -> ServerConfig.parse(props("stele.heap.refuse.percnt=80")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting stele.heap.refuse.percnt")
        .hasMessageContaining("stele.heap.refuse.percent");
  }
}
