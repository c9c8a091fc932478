package dev.stele.acceptance;

import dev.stele.testkit.server.KafkaServers;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stele server processes sharing one testkit broker, as the cluster scenarios of issue 3 run
 * them: started in {@code node-0 .. node-N} under one work directory, closed together, and with
 * their log tails attached to a failed verification (a cluster failure is read in the logs).
 */
final class ServerCluster implements AutoCloseable {
  private final List<ServerProcess> servers;

  private ServerCluster(List<ServerProcess> servers) {
    this.servers = servers;
  }

  /**
   * Starts the scenarios' three servers on {@code bootstrap}: level NONE (every write is a new
   * version) and {@code kafkaTimeoutMs} as the bound on a blocking producer call. If one fails to
   * start, those already started are closed before the failure is rethrown.
   */
  static ServerCluster start(Path work, String bootstrap, long kafkaTimeoutMs) throws IOException {
    Map<String, String> extra = Map.of("schema.compatibility.level", "none",
        "kafkastore.timeout.ms", Long.toString(kafkaTimeoutMs));
    List<ServerProcess> started = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        started.add(KafkaServers.start(work.resolve("node-" + i), bootstrap, extra));
      }
    } catch (IOException | RuntimeException e) {
      started.forEach(ServerProcess::close);
      throw e;
    }
    return new ServerCluster(List.copyOf(started));
  }

  List<ServerProcess> servers() {
    return servers;
  }

  ServerProcess get(int index) {
    return servers.get(index);
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

  @Override
  public void close() {
    servers.forEach(ServerProcess::close);
  }
}
