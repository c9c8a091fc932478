package dev.stele.store.kafka;

import dev.stele.registry.log.LogException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the schema topic, or the DEK registry's key topic, or checks the one that exists
 * (../shared/API.md §3.1). The log needs one partition, because only one partition keeps every
 * record in the order it was written, and compaction, because deletion by retention would drop
 * old schemas (or keys) that are still in use. Both topics take the replication factor and topic
 * configs of {@code kafkastore.topic.*}, as Confluent's key cache does.
 *
 * @param topic the topic to create or check
 * @param what how messages name it ("schema topic", "key topic")
 * @param topicKey the setting that names it, for messages that tell the operator what to change
 */
record TopicSetup(Admin admin, KafkaStoreConfig config, String topic, String what, String topicKey,
    long timeoutMillis) {
  private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

  /** The schema topic's. */
  TopicSetup(Admin admin, KafkaStoreConfig config, Duration timeout) {
    this(admin, config, config.topic(), "schema topic", KafkaStoreConfig.TOPIC,
        Math.max(1, timeout.toMillis()));
  }

  /** The DEK registry's key topic's. */
  static TopicSetup keys(Admin admin, KafkaStoreConfig config, Duration timeout) {
    return new TopicSetup(admin, config, config.keysTopic(), "key topic",
        KafkaStoreConfig.KEYS_TOPIC, Math.max(1, timeout.toMillis()));
  }

  /** @throws LogException when the topic cannot be created, or exists in a shape we cannot use */
  void ensure() {
    ensure(true);
  }

  /**
   * Creates the topic when it is missing, and uses one that exists as it is: the key topic under
   * {@code kafkastore.topic.skip.validation}, which an operator who made the schema topic by hand
   * has not made yet (Stele keeps keys on Kafka since issue 14).
   */
  void createIfMissing() {
    ensure(false);
  }

  private void ensure(boolean verify) {
    try {
      TopicDescription description = describe();
      if (description == null) {
        if (create()) {
          // Kafka confirms a creation before every broker knows the partition: a listOffsets or
          // a fetch right after it was answered UnknownTopicOrPartition (a failed start).
          awaitPartitionLeader();
          return;
        }
        description = describeCreatedElsewhere(); // another node created it meanwhile: check theirs
      }
      if (verify) {
        verify(description);
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new LogException("cannot create or check the " + what + " '" + topic + "' on "
          + config.bootstrapServers() + ": " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new LogException("cannot create or check the " + what + " '" + topic + "': no answer"
          + " from Kafka at " + config.bootstrapServers() + " within " + timeoutMillis + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogException("interrupted while checking the " + what + " '" + topic + "'", e);
    }
  }

  private TopicDescription describe()
      throws ExecutionException, TimeoutException, InterruptedException {
    try {
      return admin.describeTopics(List.of(topic)).allTopicNames()
          .get(timeoutMillis, TimeUnit.MILLISECONDS).get(topic);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return null;
      }
      throw e;
    }
  }

  /**
   * The topic another node has just created. Brokers learn of a new topic a moment after its
   * creation is confirmed, so one may still answer that it does not exist (seen when several
   * nodes start at once on a loaded machine): ask again until it is known, within the timeout.
   */
  private TopicDescription describeCreatedElsewhere()
      throws ExecutionException, TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    TopicDescription description = describe();
    while (description == null) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("the topic exists but no broker describes it yet");
      }
      Thread.sleep(50);
      description = describe();
    }
    return description;
  }

  /**
   * Waits, within the timeout, until a broker describes the topic just created with a leader for
   * its partition, so that the reads that follow find it.
   */
  private void awaitPartitionLeader()
      throws ExecutionException, TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      TopicDescription description = describe();
      if (description != null && !description.partitions().isEmpty()
          && description.partitions().get(0).leader() != null) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("the topic was created but no broker names its partition's"
            + " leader yet");
      }
      Thread.sleep(50);
    }
  }

  /** @return false when the topic turned out to exist already */
  private boolean create() throws ExecutionException, TimeoutException, InterruptedException {
    int brokers = admin.describeCluster().nodes().get(timeoutMillis, TimeUnit.MILLISECONDS).size();
    int replicas = Math.min(brokers, config.replicationFactor());
    if (replicas < config.replicationFactor()) {
      LOG.warn("Creating the {} '{}' with replication factor {}: only {} broker(s) are"
          + " up, fewer than {} ({})", what, topic, replicas, brokers,
          config.replicationFactor(), KafkaStoreConfig.REPLICATION);
    }
    Map<String, String> configs = new HashMap<>(config.topicConfigs());
    String policy = configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    if (policy != null && !policy.equals(TopicConfig.CLEANUP_POLICY_COMPACT)) {
      LOG.warn("Ignoring {}cleanup.policy={}: the {} must be compacted",
          KafkaStoreConfig.TOPIC_CONFIG_PREFIX, policy, what);
    }
    NewTopic created = new NewTopic(topic, 1, (short) replicas).configs(configs);
    try {
      admin.createTopics(Set.of(created)).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false;
      }
      throw e;
    }
    LOG.info("Created the {} '{}' (1 partition, replication factor {}, compacted)", what, topic,
        replicas);
    return true;
  }

  private void verify(TopicDescription description)
      throws ExecutionException, TimeoutException, InterruptedException {
    int partitions = description.partitions().size();
    if (partitions != 1) {
      throw new LogException("the " + what + " '" + topic + "' has " + partitions
          + " partitions; it must have exactly 1, since only one partition keeps the records in"
          + " the order they were written. Point " + topicKey + " at another topic"
          + " (Stele creates it) or recreate this one with one partition");
    }
    int replicas = description.partitions().get(0).replicas().size();
    if (replicas < config.replicationFactor()) {
      LOG.warn("The {} '{}' has replication factor {}, less than {} ({})", what, topic,
          replicas, config.replicationFactor(), KafkaStoreConfig.REPLICATION);
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config topicConfig = admin.describeConfigs(List.of(resource)).all()
        .get(timeoutMillis, TimeUnit.MILLISECONDS).get(resource);
    ConfigEntry policy = topicConfig == null ? null
        : topicConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG);
    String value = policy == null ? "(unknown)" : policy.value();
    if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(value)) {
      throw new LogException("the " + what + " '" + topic + "' has cleanup.policy=" + value
          + "; it must be compact, or Kafka deletes old records that are still in use. Change it"
          + " with: kafka-configs --alter --entity-type topics --entity-name " + topic
          + " --add-config cleanup.policy=compact");
    }
  }

  /** {@link #committedEnd(Admin, String, Duration)} through an admin client of its own. */
  static long committedEnd(KafkaStoreConfig config, String topic) {
    Admin admin = Admin.create(ClientSettings.admin(config));
    try {
      return committedEnd(admin, topic, config.initTimeout());
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  /**
   * The end of the topic's committed records (the last stable offset): what a read_committed
   * reader has read everything of once its position reaches it. A broker that does not know the
   * partition yet (a topic created a moment ago, by this node or another) is asked again within
   * the timeout rather than failing the start.
   */
  static long committedEnd(Admin admin, String topic, Duration timeout) {
    TopicPartition partition = new TopicPartition(topic, 0);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      try {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .partitionResult(partition).get(left, TimeUnit.MILLISECONDS).offset();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw new LogException("cannot find the end of the topic '" + topic + "': "
              + Failures.reasons(e), e);
        }
      } catch (TimeoutException e) {
        throw new LogException("cannot find the end of the topic '" + topic + "': "
            + Failures.reasons(e), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LogException("interrupted while finding the end of the topic '" + topic + "'", e);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LogException("interrupted while finding the end of the topic '" + topic + "'", e);
      }
    }
  }
}
