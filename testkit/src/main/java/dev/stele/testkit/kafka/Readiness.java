package dev.stele.testkit.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Waits until brokers answer, by asking them to describe the cluster a few times a second. A
 * broker opens its client listener only once it has joined the cluster and caught up with the
 * metadata, so an answer that lists the node means it serves clients. Gives up at the deadline or
 * as soon as the process has exited, with the end of its log.
 */
final class Readiness {
  private static final long POLL_MILLIS = 250;

  private final long deadline;

  Readiness(Duration timeout) {
    this.deadline = System.nanoTime() + timeout.toNanos();
  }

  /** Returns once {@code node} answers and lists itself. */
  void awaitNode(KafkaNode node) {
    try (Admin admin = admin(node.address())) {
      while (true) {
        if (!node.alive()) {
          throw KafkaCluster.failure(node, "the process exited before the broker answered");
        }
        if (nodes(admin).stream().anyMatch(n -> n.id() == node.nodeId)) {
          return;
        }
        pause(node, "no answer from the broker in time");
      }
    }
  }

  /** Returns once a broker of {@code bootstrap} lists {@code size} brokers. */
  void awaitClusterOf(String bootstrap, int size, KafkaNode reportOn) {
    try (Admin admin = admin(bootstrap)) {
      while (nodes(admin).size() < size) {
        pause(reportOn, "the brokers did not all register with the controller in time");
      }
    }
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500,
        AdminClientConfig.CLIENT_ID_CONFIG, "kafka-cluster-readiness"));
  }

  /** The brokers the cluster lists, or none while it does not answer. */
  private static Collection<Node> nodes(Admin admin) {
    try {
      return admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
          .nodes().get(4, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    }
  }

  private void pause(KafkaNode node, String timeoutMessage) {
    if (System.nanoTime() > deadline) {
      throw KafkaCluster.failure(node, timeoutMessage);
    }
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    }
  }
}
