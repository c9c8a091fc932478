package dev.stele.store.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of the store's three Kafka clients: the operator's passthrough settings first,
 * then the ones the store's guarantees rest on, which always win (a writer that is not
 * transactional could not be fenced; a reader of uncommitted records would apply aborted writes).
 * Tuning the store merely prefers (timeouts, batching) yields to the operator's values.
 */
final class ClientSettings {
  private ClientSettings() {}

  static Map<String, Object> admin(KafkaStoreConfig config) {
    return common(config, "stele-admin-"); // its calls are bounded by the waits of TopicSetup

  }

  static Map<String, Object> producer(KafkaStoreConfig config) {
    Map<String, Object> p = common(config, "stele-writer-");
    // Every blocking producer call (init, send's metadata wait, commit, abort) gives up after
    // kafkastore.timeout.ms: a write fails fast while Kafka is away.
    p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.timeout().toMillis());
    // Group commit: records of one transaction leave in one produce request (commit flushes, so
    // the linger costs nothing).
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    // A writer that dies inside a transaction holds back every read_committed reader until the
    // transaction is aborted: by the next writer's init, or by the broker after this long.
    p.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
    return p;
  }

  static Map<String, Object> consumer(KafkaStoreConfig config) {
    Map<String, Object> p = common(config, "stele-reader-");
    // Fetches long-poll on the broker; a short wait bounds how late a committed write is seen
    // when the broker does not wake the fetch for it.
    p.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    p.remove(ConsumerConfig.GROUP_ID_CONFIG); // assign() and no commits: no group needed
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return p;
  }

  /**
   * The consumer that reads back the one record a snapshot names, to check it (decision 0016):
   * that record was committed when the snapshot was taken, so read_uncommitted finds it at once,
   * even behind a transaction still open (which read_committed would wait out).
   */
  static Map<String, Object> snapshotCheck(KafkaStoreConfig config) {
    Map<String, Object> p = consumer(config);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "stele-snapshot-check-" + config.topic());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
    return p;
  }

  /**
   * The election's consumer: a member of the registry group (classic protocol, for the custom
   * assignor), reading nothing and committing nothing.
   */
  static Map<String, Object> elector(KafkaStoreConfig config, String groupId,
      ElectionTiming timing) {
    Map<String, Object> p = common(config, "stele-elector-");
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) timing.session().toMillis());
    p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) timing.heartbeat().toMillis());
    // The classic protocol's rebalance timeout: an election waits this long for every member to
    // rejoin, then the broker drops the rest (a crashed leader the probe noticed). The poll loop
    // polls every 200 ms, so a live member never comes near it.
    p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) timing.rebalance().toMillis());
    p.remove(ConsumerConfig.ISOLATION_LEVEL_CONFIG);
    return p;
  }

  private static Map<String, Object> common(KafkaStoreConfig config, String clientIdPrefix) {
    Map<String, Object> p = new HashMap<>(config.clientProperties());
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, clientIdPrefix + config.topic());
    return p;
  }
}
