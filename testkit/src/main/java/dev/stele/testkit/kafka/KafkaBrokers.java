package dev.stele.testkit.kafka;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link KafkaCluster} for a test class, started before its first test (and before its own
 * {@code @BeforeAll} methods) and closed after its last:
 *
 * <pre>{@code @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);}</pre>
 */
public final class KafkaBrokers implements BeforeAllCallback, AfterAllCallback {
  private final int size;
  private volatile KafkaCluster cluster;

  private KafkaBrokers(int size) {
    this.size = size;
  }

  /** A cluster of {@code size} nodes for the class that registers it. */
  public static KafkaBrokers of(int size) {
    return new KafkaBrokers(size);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster = KafkaCluster.start(size);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    KafkaCluster started = cluster;
    cluster = null;
    if (started != null) {
      started.close();
    }
  }

  /** The running cluster; only between the class's first and last test. */
  public KafkaCluster cluster() {
    KafkaCluster started = cluster;
    if (started == null) {
      throw new IllegalStateException("the Kafka cluster runs only while its test class does");
    }
    return started;
  }

  public String bootstrapServers() {
    return cluster().bootstrapServers();
  }
}
