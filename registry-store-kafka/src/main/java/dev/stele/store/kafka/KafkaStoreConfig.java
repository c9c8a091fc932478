package dev.stele.store.kafka;

import dev.stele.registry.state.SnapshotSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Kafka store's settings, read from the {@code kafkastore.*} keys of a Confluent-style server
 * config (../shared/API.md §6). Every {@code kafkastore.*} key that is not one of the store's own
 * goes to the Kafka clients with the prefix removed ({@code kafkastore.security.protocol} →
 * {@code security.protocol}), as the Confluent registry does, so SASL and TLS settings carry over.
 *
 * @param bootstrapServers {@code host:port} list for the clients
 * @param topicConfigs {@code kafkastore.topic.config.*}: extra configs for a topic we create
 * @param timeout {@code kafkastore.timeout.ms}: how long a write may wait for Kafka to confirm it
 * @param initTimeout {@code kafkastore.init.timeout.ms}: how long {@code open} may take
 * @param applyTimeout {@code stele.kafkastore.apply.timeout.ms}: how long a write Kafka confirmed
 *     may wait for this node's reader to read it back before its caller is answered as stored
 *     anyway (while the broker is away, say)
 * @param transactionalId the writer's transactional id: one writer per id, the newest wins
 * @param clientProperties the passthrough client settings
 * @param snapshots where and how often this node saves its state for a quick restart
 *     (decision 0016); {@link SnapshotSettings#OFF} replays the whole topic at every start
 * @param keysTopic {@code dek.registry.topic}: the DEK registry's KEKs and DEKs, in Confluent's
 *     {@code _dek_registry_keys} format (decision 0014); created and checked like the schema
 *     topic, with its replication factor and topic configs, as Confluent's key cache does
 * @param batchWait {@code stele.kafkastore.batch.wait.ms}: how long the writer may hold a
 *     transaction back for the clients it has just answered (decision 0027); zero starts each
 *     transaction at once, while the previous one is still being read back
 */
public record KafkaStoreConfig(
    String bootstrapServers, String topic, int replicationFactor, Map<String, String> topicConfigs,
    boolean skipTopicValidation, Duration timeout, Duration initTimeout, Duration applyTimeout,
    String transactionalId, Map<String, String> clientProperties, SnapshotSettings snapshots,
    String keysTopic, Duration batchWait) {

  public static final String PREFIX = "kafkastore.";
  public static final String BOOTSTRAP = "kafkastore.bootstrap.servers";
  public static final String TOPIC = "kafkastore.topic";
  public static final String REPLICATION = "kafkastore.topic.replication.factor";
  public static final String SKIP_VALIDATION = "kafkastore.topic.skip.validation";
  public static final String TOPIC_CONFIG_PREFIX = "kafkastore.topic.config.";
  public static final String TIMEOUT = "kafkastore.timeout.ms";
  public static final String INIT_TIMEOUT = "kafkastore.init.timeout.ms";
  /** Stele's own key (not a client setting, hence outside {@code kafkastore.}). */
  public static final String APPLY_TIMEOUT = "stele.kafkastore.apply.timeout.ms";
  /** Stele's own key, like {@link #APPLY_TIMEOUT}. */
  public static final String BATCH_WAIT = "stele.kafkastore.batch.wait.ms";
  /** The snapshot keys' first names; both stores read them now ({@link SnapshotSettings}). */
  public static final String SNAPSHOT_ENABLED = SnapshotSettings.OLD_ENABLED;
  public static final String SNAPSHOT_DIR = SnapshotSettings.OLD_DIR;
  public static final String SNAPSHOT_INTERVAL = SnapshotSettings.OLD_INTERVAL;
  /** Stele's keys of the Kafka store outside {@code kafkastore.}: harmless on the embedded store. */
  public static final Set<String> STELE_KEYS = Set.of(APPLY_TIMEOUT, BATCH_WAIT,
      SNAPSHOT_ENABLED, SNAPSHOT_DIR, SNAPSHOT_INTERVAL);
  public static final String DEFAULT_TOPIC = "_schemas";
  /** Confluent's key (not a {@code kafkastore.} one): the server knows it as a DEK registry key. */
  public static final String KEYS_TOPIC = "dek.registry.topic";
  public static final String DEFAULT_KEYS_TOPIC = "_dek_registry_keys";
  public static final int DEFAULT_REPLICATION = 3;
  /** Confluent's default; a write waits no longer for Kafka's confirmation. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);
  public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofSeconds(60);
  /**
   * A reader a few ms behind is normal and one a few seconds behind is a busy machine; beyond
   * this the broker is likely away, and the caller had better hear so than wait out the core's
   * write timeout.
   */
  public static final Duration DEFAULT_APPLY_TIMEOUT = Duration.ofSeconds(5);
  /**
   * Longer than a client's turn-around on a loopback or LAN connection (its answer out, its
   * next request in and decided: well under a millisecond when idle, a few on a busy machine),
   * short beside a transaction's cost; the most a lone write that nobody joins can be held back.
   */
  public static final Duration DEFAULT_BATCH_WAIT = Duration.ofMillis(5);

  /** The store's own keys: read here, never handed to the clients. */
  public static final Set<String> OWN_KEYS = Set.of(BOOTSTRAP, TOPIC, REPLICATION, SKIP_VALIDATION,
      TIMEOUT, INIT_TIMEOUT, APPLY_TIMEOUT, BATCH_WAIT, SNAPSHOT_ENABLED, SNAPSHOT_DIR, SNAPSHOT_INTERVAL);

  /**
   * Confluent keys for things this store does differently or not at all (its reader needs no
   * consumer group, the id allocator no retries, the state no checkpoint); passing them to the
   * clients would only earn "unknown config" warnings.
   */
  private static final Set<String> DROPPED_KEYS = Set.of("kafkastore.init.wait.for.reader",
      "kafkastore.write.max.retries", "kafkastore.group.id", "kafkastore.checkpoint.dir",
      "kafkastore.checkpoint.version", "kafkastore.update.handlers", "kafkastore.connection.url",
      "kafkastore.zk.session.timeout.ms");

  /**
   * Whether the store acts on {@code key}: its own keys and every {@code kafkastore.*} key it
   * hands to the clients, but not the Confluent keys it drops.
   */
  public static boolean isUsed(String key) {
    return key.startsWith(PREFIX) && !DROPPED_KEYS.contains(key) || STELE_KEYS.contains(key);
  }

  public KafkaStoreConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(transactionalId, "transactionalId");
    Objects.requireNonNull(keysTopic, "keysTopic");
    if (keysTopic.equals(topic)) {
      // One topic for both would put key records a Confluent reader of _schemas cannot read.
      throw new IllegalArgumentException(KEYS_TOPIC + "=" + keysTopic + " names the schema topic ("
          + TOPIC + "); the DEK registry's keys need a topic of their own");
    }
    Objects.requireNonNull(batchWait, "batchWait");
    topicConfigs = Map.copyOf(topicConfigs);
    clientProperties = Map.copyOf(clientProperties);
  }

  /**
   * The settings for tests and tools: defaults but for the bootstrap servers and topic, no
   * snapshots (a test or tool has no data directory of its own to keep them in), and the key
   * topic named after the topic ({@code <topic>-keys}), so that logs on other topics of one broker
   * keep their keys apart.
   */
  public static KafkaStoreConfig of(String bootstrapServers, String topic, String groupId) {
    return fromProperties(Map.of(BOOTSTRAP, bootstrapServers, TOPIC, topic,
        KEYS_TOPIC, topic + "-keys"), groupId);
  }

  /** A copy that saves snapshots as {@code settings} say. */
  public KafkaStoreConfig withSnapshots(SnapshotSettings settings) {
    return new KafkaStoreConfig(bootstrapServers, topic, replicationFactor, topicConfigs,
        skipTopicValidation, timeout, initTimeout, applyTimeout, transactionalId, clientProperties,
        settings, keysTopic, batchWait);
  }

  /** A copy with other write and open timeouts. */
  public KafkaStoreConfig withTimeouts(Duration write, Duration open) {
    return new KafkaStoreConfig(bootstrapServers, topic, replicationFactor, topicConfigs,
        skipTopicValidation, write, open, applyTimeout, transactionalId, clientProperties, snapshots,
        keysTopic, batchWait);
  }

  /** A copy with another bound on the wait for this node's reader after a confirmed write. */
  public KafkaStoreConfig withApplyTimeout(Duration apply) {
    return new KafkaStoreConfig(bootstrapServers, topic, replicationFactor, topicConfigs,
        skipTopicValidation, timeout, initTimeout, apply, transactionalId, clientProperties, snapshots,
        keysTopic, batchWait);
  }

  /** A copy whose writer holds a transaction back at most {@code wait} (zero: never). */
  public KafkaStoreConfig withBatchWait(Duration wait) {
    return new KafkaStoreConfig(bootstrapServers, topic, replicationFactor, topicConfigs,
        skipTopicValidation, timeout, initTimeout, applyTimeout, transactionalId, clientProperties,
        snapshots, keysTopic, wait);
  }

  /**
   * {@link #fromProperties(Map, String, java.nio.file.Path)} without a data directory: snapshots
   * only where {@value #SNAPSHOT_DIR} says (tests and tools have no data directory of their own).
   */
  public static KafkaStoreConfig fromProperties(Map<String, String> properties, String groupId) {
    return fromProperties(properties, groupId, null);
  }

  /**
   * Reads the store's settings from server properties (other keys are ignored).
   *
   * @param groupId {@code schema.registry.group.id}: instances of one registry cluster share it,
   *     and with it the writer's transactional id
   * @param dataDir {@code stele.data.dir}: snapshots go to its {@code snapshots} folder unless
   *     {@value #SNAPSHOT_DIR} names another
   * @throws IllegalArgumentException naming the key of a missing or invalid value
   */
  public static KafkaStoreConfig fromProperties(Map<String, String> properties, String groupId,
      java.nio.file.Path dataDir) {
    Map<String, String> clients = new TreeMap<>();
    Map<String, String> topicConfigs = new TreeMap<>();
    properties.forEach((key, value) -> {
      if (key.startsWith(TOPIC_CONFIG_PREFIX)) {
        topicConfigs.put(key.substring(TOPIC_CONFIG_PREFIX.length()), value.trim());
      } else if (isUsed(key) && !OWN_KEYS.contains(key)) { // all kafkastore.*
        clients.put(key.substring(PREFIX.length()), value.trim());
      }
    });
    String protocol = clients.getOrDefault("security.protocol", "PLAINTEXT");
    String topic = text(properties, TOPIC, DEFAULT_TOPIC);
    // An operator may name the transactional id; by default instances of one registry cluster
    // (one group id) on one topic share it, so the newest one fences the others.
    String transactionalId = clients.remove("transactional.id");
    if (transactionalId == null || transactionalId.isBlank()) {
      transactionalId = "stele-" + groupId + "-" + topic;
    }
    return new KafkaStoreConfig(
        bootstrapServers(text(properties, BOOTSTRAP, ""), protocol),
        topic,
        positive(properties, REPLICATION, DEFAULT_REPLICATION),
        topicConfigs,
        bool(properties, SKIP_VALIDATION, false),
        Duration.ofMillis(positive(properties, TIMEOUT, (int) DEFAULT_TIMEOUT.toMillis())),
        Duration.ofMillis(positive(properties, INIT_TIMEOUT, (int) DEFAULT_INIT_TIMEOUT.toMillis())),
        Duration.ofMillis(positive(properties, APPLY_TIMEOUT, (int) DEFAULT_APPLY_TIMEOUT.toMillis())),
        transactionalId,
        clients,
        SnapshotSettings.fromProperties(properties, dataDir),
        text(properties, KEYS_TOPIC, DEFAULT_KEYS_TOPIC),
        Duration.ofMillis(notNegative(properties, BATCH_WAIT, (int) DEFAULT_BATCH_WAIT.toMillis())));
  }

  /**
   * {@code PLAINTEXT://h:9092,SASL_SSL://h:9093} → the endpoints of the configured security
   * protocol, as {@code h:9092}; plain {@code h:9092} entries are taken as they are.
   */
  static String bootstrapServers(String raw, String securityProtocol) {
    List<String> endpoints = new ArrayList<>();
    for (String item : raw.split(",")) {
      String endpoint = item.trim();
      int scheme = endpoint.indexOf("://");
      if (scheme < 0) {
        if (!endpoint.isEmpty()) {
          endpoints.add(endpoint);
        }
      } else if (endpoint.substring(0, scheme).equalsIgnoreCase(securityProtocol)) {
        endpoints.add(endpoint.substring(scheme + 3));
      }
    }
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException(raw.isBlank()
          ? BOOTSTRAP + " is empty; name the Kafka brokers, e.g. PLAINTEXT://localhost:9092"
          : BOOTSTRAP + "=" + raw + " has no endpoint for the security protocol "
              + securityProtocol + " (kafkastore.security.protocol)");
    }
    return String.join(",", endpoints);
  }

  private static String text(Map<String, String> properties, String key, String fallback) {
    String value = properties.get(key);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static int positive(Map<String, String> properties, String key, int fallback) {
    String value = text(properties, key, null);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + "=" + value + " must be a positive whole number");
  }

  private static int notNegative(Map<String, String> properties, String key, int fallback) {
    String value = text(properties, key, null);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + "=" + value + " must be a whole number, 0 or more");
  }

  private static boolean bool(Map<String, String> properties, String key, boolean fallback) {
    String value = text(properties, key, String.valueOf(fallback));
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(key + "=" + value + " is not true or false");
  }
}
