package dev.stele.server;

import static dev.stele.server.ConfigKeys.*;

import dev.stele.http.CorsOptions;
import dev.stele.http.HeapGuard;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.SchemaLimits;
import dev.stele.registry.state.SnapshotSettings;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.SchemaFormat;
import dev.stele.store.kafka.KafkaStoreConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The server settings, read from a Confluent-style properties file (../shared/API.md §6) so that
 * an operator's existing {@code schema-registry.properties} starts Stele unchanged.
 *
 * @param hostName {@code host.name}, or null when not set; advertised to peers once there are
 *     several nodes (the Kafka store), unused on the embedded store
 * @param dataDir the embedded store's directory (unused on the Kafka store)
 * @param kafkaStore the Kafka store's settings when {@code kafkastore.bootstrap.servers} is set,
 *     else null: the node runs on the embedded store
 * @param idleTimeoutSeconds from {@code idle.timeout.ms}: an idle keep-alive connection is closed
 *     after this long (0: never)
 * @param avroValidateDefaults refuse Avro field defaults that do not match their type (Stele's
 *     default; the Confluent registry's is false)
 * @param ignoredKeys Confluent keys present in the file that Stele does not act on (yet)
 * @param unknownKeys keys neither Stele nor the Confluent registry knows, probably typos (only
 *     when {@code stele.config.unknown.keys=warn}; otherwise they stop the start)
 * @param cluster leader election settings (used on the Kafka store only)
 * @param security authentication and access rules ({@link SecuritySettings#NONE}: open)
 * @param limits header, request line, request time and schema size limits
 * @param shutdownTimeoutMillis from {@code stele.shutdown.timeout.ms}: on SIGTERM, how long
 *     requests in flight (writes especially) may take to finish before connections are closed
 * @param shutdownDrainMillis from {@code stele.shutdown.drain.ms}: on SIGTERM, how long the server
 *     still listens, answering with {@code Connection: close} and saying it is not ready, before
 *     it stops accepting connections (0: no drain)
 * @param logFormat {@code stele.log.format} as the file sets it (Main lets a system property or
 *     the environment override it)
 * @param schemaLimits the {@code stele.schema.max.*} bounds on a submitted schema's shape
 * @param compatibilityCheckTimeout {@code stele.compatibility.check.timeout.ms}: a registration
 *     whose compatibility check runs longer is refused (42201)
 * @param compatibilityMaxComparisons {@code stele.compatibility.check.max.comparisons}: the work
 *     one Avro or JSON Schema compatibility check may do (pairs of types or nodes compared);
 *     a check that needs more is reported as incompatible, naming the setting
 * @param heapRefusePercent {@code stele.heap.refuse.percent}: expensive requests (registrations,
 *     lookups, compatibility checks, format conversions) get 503 while the old generation is
 *     fuller than this after a collection; 100 never
 * @param cors the {@code access.control.*} keys: which browser origins may call the API
 * @param uiEnabled {@code stele.ui.enabled}: the web console is served at {@code /ui}
 * @param dek the DEK registry's {@code dek.registry.*} keys
 * @param validateNewSchemas {@code schema.validate.new.schemas}: registrations check a schema as
 *     new (Avro defaults) where no config's {@code validateNewSchemas} says otherwise
 * @param snapshots the {@code stele.snapshot.*} keys: where and how often the state is saved for
 *     a quick restart, on either store (decision 0016)
 * @param validateFields {@code schema.validate.fields}: registrations check the
 *     {@code confluent:reserved} fields where no config's {@code validateFields} says otherwise
 * @param associationsEnabled {@code associations.enable}: {@code /associations} is served
 */
public record ServerConfig(
    List<Listener> listeners,
    String hostName,
    CompatibilityLevel compatibilityLevel,
    String groupId,
    Path dataDir,
    KafkaStoreConfig kafkaStore,
    int maxRequestBytes,
    int idleTimeoutSeconds,
    boolean avroValidateDefaults,
    List<String> ignoredKeys,
    List<String> unknownKeys,
    ClusterSettings cluster,
    SecuritySettings security,
    HttpLimits limits,
    int shutdownTimeoutMillis,
    int shutdownDrainMillis,
    LogFormat logFormat,
    int heapRefusePercent,
    SchemaLimits schemaLimits,
    Duration compatibilityCheckTimeout,
    int compatibilityMaxComparisons,
    CorsOptions cors,
    boolean uiEnabled,
    DekSettings dek,
    boolean validateNewSchemas,
    SnapshotSettings snapshots,
    boolean validateFields,
    boolean associationsEnabled) {

  public static final String DEFAULT_LISTENER = "http://0.0.0.0:8081";
  public static final String DEFAULT_GROUP_ID = "schema-registry";
  public static final String DEFAULT_DATA_DIR = "./data";
  /** Long enough for a write to reach the log; short of the usual 30 s before a SIGKILL. */
  public static final int DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
  /**
   * Long enough for a busy client's pooled connections to each carry one request and learn to
   * close; capped at a quarter of a short shutdown timeout, which is for requests in flight.
   */
  public static final int DEFAULT_SHUTDOWN_DRAIN_MS = 1_000;
  /** Large enough for big Avro schemas with references; small enough that a flood is refused. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 8 * 1024 * 1024;
  /**
   * Confluent's Jetty closes idle connections after 30 s; clients that keep a pool (the Java
   * serdes, librdkafka's) reconnect either way, so a longer default only saves reconnects.
   */
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 300;

  public ServerConfig {
    listeners = List.copyOf(listeners);
    ignoredKeys = List.copyOf(ignoredKeys);
    unknownKeys = List.copyOf(unknownKeys);
  }

  /** Reads and parses a properties file (UTF-8; plain ASCII files read the same either way). */
  public static ServerConfig load(Path file) throws ConfigException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + file + " does not exist", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e, e);
    }
    Map<String, String> values = new TreeMap<>();
    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
    return parse(values, file.toAbsolutePath().getParent());
  }

  /** Parses property values; every problem is a {@link ConfigException} naming its key. */
  public static ServerConfig parse(Map<String, String> raw) throws ConfigException {
    return parse(raw, null);
  }

  /** The same, with relative file paths (the users file) resolved against {@code baseDir}. */
  public static ServerConfig parse(Map<String, String> raw, Path baseDir) throws ConfigException {
    Map<String, String> values = new TreeMap<>();
    raw.forEach((key, value) -> values.put(key.trim(), value == null ? "" : value.trim()));
    SecuritySettings security = SecuritySettings.parse(values, baseDir);
    String groupId = orDefault(values.get(GROUP_ID), DEFAULT_GROUP_ID);
    KafkaStoreConfig kafkaStore = kafkaStore(values, groupId);
    KeySort keys = KeySort.of(values, security, kafkaStore != null);
    int shutdownTimeout = positiveInt(values, SHUTDOWN_TIMEOUT_MS, DEFAULT_SHUTDOWN_TIMEOUT_MS,
        "milliseconds");
    return new ServerConfig(
        listeners(values),
        blankToNull(values.get(HOST_NAME)),
        compatibility(values),
        groupId,
        Path.of(orDefault(values.get(DATA_DIR), DEFAULT_DATA_DIR)),
        kafkaStore,
        positiveInt(values, MAX_REQUEST_BYTES, DEFAULT_MAX_REQUEST_BYTES, "bytes"),
        idleTimeoutSeconds(values),
        bool(values, AVRO_VALIDATE_DEFAULTS, true),
        keys.ignored(),
        keys.unknown(),
        ClusterSettings.parse(values),
        security,
        HttpLimits.parse(values),
        shutdownTimeout,
        value(values, SHUTDOWN_DRAIN_MS, Math.min(DEFAULT_SHUTDOWN_DRAIN_MS, shutdownTimeout / 4),
            text -> {
              int millis = Integer.parseInt(text);
              return millis >= 0 ? millis : null;
            }, " must be 0 or a positive number of milliseconds"),
        LogFormat.parse(values.get(LogFormat.KEY)),
        heapRefusePercent(values),
        SchemaShapeSettings.parse(values),
        value(values, COMPATIBILITY_CHECK_TIMEOUT_MS, NodeOptions.DEFAULT_CHECK_BUDGET, text -> {
          long millis = Long.parseLong(text);
          return millis > 0 ? Duration.ofMillis(millis) : null;
        }, " must be a positive number of milliseconds"),
        positiveInt(values, COMPATIBILITY_MAX_COMPARISONS, SchemaFormat.DEFAULT_MAX_COMPARISONS,
            "comparisons"),
        CorsSettings.parse(values),
        bool(values, UI_ENABLED, true),
        DekSettings.parse(values),
        bool(values, VALIDATE_NEW_SCHEMAS, true),
        kafkaStore != null ? kafkaStore.snapshots() : snapshots(values),
        bool(values, VALIDATE_FIELDS, false),
        bool(values, ASSOCIATIONS_ENABLE, true));
  }

  /** The embedded store's snapshots: in the data directory's {@code snapshots} folder by default. */
  private static SnapshotSettings snapshots(Map<String, String> values) throws ConfigException {
    try {
      return SnapshotSettings.fromProperties(values,
          Path.of(orDefault(values.get(DATA_DIR), DEFAULT_DATA_DIR)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  /** The Kafka store's settings when its bootstrap servers are set; null: the embedded store. */
  private static KafkaStoreConfig kafkaStore(Map<String, String> values, String groupId)
      throws ConfigException {
    if (blankToNull(values.get(KAFKA_BOOTSTRAP)) == null) {
      return null;
    }
    try {
      // Snapshots go beside the embedded store's file by default: the data directory is where
      // this server keeps what is its own (decision 0016).
      return KafkaStoreConfig.fromProperties(values, groupId,
          Path.of(orDefault(values.get(DATA_DIR), DEFAULT_DATA_DIR)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  private static List<Listener> listeners(Map<String, String> values) throws ConfigException {
    String text = blankToNull(values.get(LISTENERS));
    if (text == null) {
      String port = blankToNull(values.get(PORT));
      if (port != null && !port.matches("[0-9]{1,5}")) {
        throw new ConfigException(PORT + "=" + port + " is not a port number");
      }
      text = port == null ? DEFAULT_LISTENER : "http://0.0.0.0:" + port;
    }
    List<Listener> listeners = new ArrayList<>();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        listeners.add(Listener.parse(item));
      }
    }
    if (listeners.isEmpty()) {
      throw new ConfigException("listeners: no listener in '" + text + "'");
    }
    return listeners;
  }

  private static CompatibilityLevel compatibility(Map<String, String> values)
      throws ConfigException {
    // As in Confluent's config, the new name wins over the old one when both are present.
    String key = blankToNull(values.get(COMPATIBILITY)) != null ? COMPATIBILITY : COMPATIBILITY_OLD;
    return value(values, key, CompatibilityLevel.BACKWARD,
        text -> CompatibilityLevel.parse(text).orElse(null),
        " is not a compatibility level; use one of none, backward,"
            + " backward_transitive, forward, forward_transitive, full, full_transitive");
  }

  private static int idleTimeoutSeconds(Map<String, String> values) throws ConfigException {
    return value(values, IDLE_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_SECONDS, text -> {
      long millis = Long.parseLong(text);
      // Rounded up, so that a short timeout does not become 0 (never).
      return millis < 0 ? null : (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
    }, " must be a number of milliseconds");
  }

  private static int heapRefusePercent(Map<String, String> values) throws ConfigException {
    String text = blankToNull(values.get(HEAP_REFUSE_PERCENT));
    if (text == null) {
      return HeapGuard.DEFAULT_PERCENT;
    }
    try {
      int percent = Integer.parseInt(text);
      if (percent >= 1 && percent <= HeapGuard.OFF_PERCENT) {
        return percent;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(HEAP_REFUSE_PERCENT + "=" + text + " must be a whole percentage"
        + " from 1 to 100 (100 never refuses)");
  }

  private static boolean bool(Map<String, String> values, String key, boolean fallback)
      throws ConfigException {
    return value(values, key, fallback,
        text -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
            ? Boolean.parseBoolean(text) : null,
        " is not true or false");
  }

  private static int positiveInt(Map<String, String> values, String key, int fallback,
      String unit) throws ConfigException {
    return value(values, key, fallback, text -> {
      int value = Integer.parseInt(text);
      return value > 0 ? value : null;
    }, " must be a positive number of " + unit + " (at most " + Integer.MAX_VALUE + ")");
  }

  /**
   * The value of {@code key} read by {@code read}, or {@code fallback} when the key is absent or
   * blank. A value {@code read} refuses (null or a {@link NumberFormatException}) is reported as
   * {@code key=value} followed by {@code problem}.
   */
  private static <T> T value(Map<String, String> values, String key, T fallback,
      Function<String, T> read, String problem) throws ConfigException {
    String text = blankToNull(values.get(key));
    if (text == null) {
      return fallback;
    }
    T value = null;
    try {
      value = read.apply(text);
    } catch (NumberFormatException e) {
      // reported below
    }
    if (value == null) {
      throw new ConfigException(key + "=" + text + problem);
    }
    return value;
  }

  private static String orDefault(String value, String fallback) {
    String text = blankToNull(value);
    return text == null ? fallback : text;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
