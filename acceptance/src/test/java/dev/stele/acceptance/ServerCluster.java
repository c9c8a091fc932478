package dev.stele.acceptance;

import dev.stele.testkit.kafka.KafkaBrokers;
import dev.stele.testkit.kafka.KafkaCluster;
import dev.stele.testkit.server.KafkaServers;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture of the cluster scenarios of issue 3: one testkit broker and three Stele server
 * processes on it, in {@code node-0 .. node-2} under a temporary directory, started before the
 * class's test and closed (servers first, then the broker) after it; a failed verification
 * carries their log tails (a cluster failure is read in the logs).
 *
 * <pre>{@code @RegisterExtension
 * static final ServerCluster CLUSTER = ServerCluster.onOneBroker(5000);}</pre>
 */
final class ServerCluster implements BeforeAllCallback, AfterAllCallback {
  /** Writer threads in a scenario's load: one per instance. */
  static final int WRITERS = 3;

  private final KafkaBrokers kafka = KafkaBrokers.of(1);
  private final long kafkaTimeoutMs;
  private volatile Path work;
  private volatile List<ServerProcess> servers;

  private ServerCluster(long kafkaTimeoutMs) {
    this.kafkaTimeoutMs = kafkaTimeoutMs;
  }

  /**
   * The scenarios' three servers at level NONE (every write is a new version), with
   * {@code kafkaTimeoutMs} as the bound on a blocking producer call.
   */
  static ServerCluster onOneBroker(long kafkaTimeoutMs) {
    return new ServerCluster(kafkaTimeoutMs);
  }

  /** Starts the broker, then the servers; if one fails to start, those started are closed. */
  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    kafka.beforeAll(context);
    work = Files.createTempDirectory("stele-cluster");
    Map<String, String> extra = Map.of("schema.compatibility.level", "none",
        "kafkastore.timeout.ms", Long.toString(kafkaTimeoutMs));
    List<ServerProcess> started = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        started.add(KafkaServers.start(work.resolve("node-" + i), kafka.bootstrapServers(), extra));
      }
    } catch (IOException | RuntimeException e) {
      started.forEach(ServerProcess::close);
      throw e;
    }
    servers = List.copyOf(started);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (servers != null) {
        servers.forEach(ServerProcess::close);
      }
    } finally {
      kafka.afterAll(context);
      deleteRecursively(work);
    }
  }

  /** The broker, to stop, kill and restart. */
  KafkaCluster broker() {
    return kafka.cluster();
  }

  List<ServerProcess> servers() {
    return servers;
  }

  /** Starts the scenarios' writers on every instance: see {@link ClusterWrites}. */
  ClusterWrites startWrites(String name, Duration requestTimeout) {
    ClusterWrites writes = new ClusterWrites(servers, name, requestTimeout);
    writes.start(WRITERS);
    return writes;
  }

  /** See {@link KafkaServers#awaitOneLeader}: the index of the one ready leader. */
  int awaitOneLeader() throws InterruptedException {
    return KafkaServers.awaitOneLeader(servers);
  }

  /** Every server's log tail, for a failure message. */
  String logs() {
    return KafkaServers.logs(servers);
  }

  /** {@link ClusterWrites#verify()}, failing with the servers' logs after the reason. */
  void verify(ClusterWrites writes) throws IOException {
    try {
      writes.verify();
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + logs(), e);
    }
  }

  private static void deleteRecursively(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is not worth failing a test for
    }
  }
}
