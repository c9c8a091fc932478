package dev.stele.server;

import java.util.List;
import java.util.Set;

/**
 * Which property keys Stele knows. Exact names where a typo would matter (a misspelt
 * {@code schema.compatibility.level} must be reported, not swallowed by a {@code schema.} prefix);
 * prefixes only for whole families that Stele does not act on yet.
 */
final class ConfigKeys {
  static final String LISTENERS = "listeners";
  static final String PORT = "port";
  static final String HOST_NAME = "host.name";
  static final String COMPATIBILITY = "schema.compatibility.level";
  static final String COMPATIBILITY_OLD = "avro.compatibility.level";
  static final String GROUP_ID = "schema.registry.group.id";
  static final String KAFKA_BOOTSTRAP = "kafkastore.bootstrap.servers"; // more: KafkaStoreConfig
  static final String DATA_DIR = "stele.data.dir";
  static final String MAX_REQUEST_BYTES = "stele.max.request.bytes";
  static final String SHUTDOWN_TIMEOUT_MS = "stele.shutdown.timeout.ms";
  static final String SHUTDOWN_DRAIN_MS = "stele.shutdown.drain.ms";
  static final String IDLE_TIMEOUT_MS = "idle.timeout.ms";
  static final String AVRO_VALIDATE_DEFAULTS = "schema.providers.avro.validate.defaults";
  static final String VALIDATE_NEW_SCHEMAS = "schema.validate.new.schemas";
  static final String VALIDATE_FIELDS = "schema.validate.fields";
  static final String ASSOCIATIONS_ENABLE = "associations.enable";
  static final String HEAP_REFUSE_PERCENT = dev.stele.http.HeapGuard.SETTING;
  static final String COMPATIBILITY_CHECK_TIMEOUT_MS = dev.stele.registry.write.CheckRunner.SETTING;
  static final String COMPATIBILITY_MAX_COMPARISONS = dev.stele.schema.SchemaFormat.MAX_COMPARISONS_SETTING;

  static final String UI_ENABLED = "stele.ui.enabled";
  // The DEK registry's (Confluent's DekRegistryConfig): see DekSettings.
  static final String DEK_TOPIC = "dek.registry.topic";
  static final String DEK_MAX_KEYS = "dek.registry.max.keys";
  static final String DEK_UPDATE_HANDLERS = "dek.registry.update.handlers";

  static final String STELE_PREFIX = "stele.";

  /** Keys Stele reads. */
  static final Set<String> USED = Set.of(LISTENERS, PORT, HOST_NAME, COMPATIBILITY,
      COMPATIBILITY_OLD, GROUP_ID, KAFKA_BOOTSTRAP, DATA_DIR, MAX_REQUEST_BYTES, IDLE_TIMEOUT_MS,
      AVRO_VALIDATE_DEFAULTS, VALIDATE_NEW_SCHEMAS, SHUTDOWN_TIMEOUT_MS, SHUTDOWN_DRAIN_MS, HEAP_REFUSE_PERCENT, COMPATIBILITY_CHECK_TIMEOUT_MS,
      COMPATIBILITY_MAX_COMPARISONS, UI_ENABLED, DEK_TOPIC, DEK_MAX_KEYS, DEK_UPDATE_HANDLERS,
      VALIDATE_FIELDS, ASSOCIATIONS_ENABLE);

  /**
   * Confluent Schema Registry keys (../shared/API.md §6) that Stele accepts without acting on
   * them: they tune Jetty, security or features that are not built yet, or that Stele does not
   * need ({@code kafkastore.*} keys too, on the embedded store; the Kafka store uses most). A
   * Confluent config must start unchanged, so these are logged, not fatal.
   */
  static final Set<String> CONFLUENT_EXACT = Set.of(
      "host.port", "debug", "leader.eligibility", "master.eligibility",
      // Read on the Kafka store (ClusterSettings); listed here for the embedded store, where a
      // Confluent config carrying it must still start.
      "leader.election.sticky", "leader.election.delay", "leader.connect.timeout.ms", "leader.read.timeout.ms",
      "schema.registry.inter.instance.protocol",
      "schema.reject.empty.subject", "schema.providers",
      "schema.canonicalize.on.consume", "schema.cache.size", "schema.cache.expiry.secs",
      "mode.mutability", "enable.store.health.check",
      "resource.extension.class", "init.resource.extension.class", "resource.static.locations",
      "request.timeout.ms", "request.timeout.interrupt.enable", "request.queue.capacity",
      "enable.fips", "enable.fips.mode", "shutdown.graceful.ms",
      "kafkastore.connection.url", "response.mediatype.default",
      "response.mediatype.preferred",
      // Preflights are always answered before authentication, as with its default (true).
      "access.control.skip.options");

  private static final List<String> CONFLUENT_PREFIXES = List.of(
      "kafkastore.", "kafkagroup.", "inter.instance.", "schema.providers.", "schema.search.",
      "subject.search.", "subject.version.search.", "context.search.", "metadata.encoder.",
      "size.limit.filter.", "authentication.", "ssl.", "thread.pool.",
      "metrics.", "listener.name.", "confluent.");

  private ConfigKeys() {}

  static boolean isConfluentKeyNotActedOn(String key) {
    return CONFLUENT_EXACT.contains(key) || CONFLUENT_PREFIXES.stream().anyMatch(key::startsWith);
  }
}
