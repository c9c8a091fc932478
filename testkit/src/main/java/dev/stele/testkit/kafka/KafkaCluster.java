package dev.stele.testkit.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/**
 * Real Apache Kafka for tests: {@code size} KRaft nodes, each a broker and a voter of the
 * controller quorum, running as child JVMs from the {@code kafka_2.13} jars on the class path,
 * bound to 127.0.0.1 on free ports, with data and logs under a temporary directory that
 * {@link #close()} deletes. A test can kill, stop and restart single nodes. Nodes are numbered
 * from 0; node {@code i} has Kafka node id {@code i + 1}.
 *
 * <p>Start one cluster per test class (a node takes a few seconds to start) and close it in
 * {@code @AfterAll}. Brokers never outlive the test JVM: see {@link ChildProcesses}.
 */
public final class KafkaCluster implements AutoCloseable {
  /** Generous: on a loaded 2-core machine a broker JVM can take many seconds to start. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final long STOP_TIMEOUT_SECONDS = 60;

  private final Path dir;
  private final List<KafkaNode> nodes;
  private boolean closed;

  private KafkaCluster(Path dir, List<KafkaNode> nodes) {
    this.dir = dir;
    this.nodes = nodes;
  }

  /**
   * Formats and starts {@code size} nodes and returns once every one answers as a broker.
   *
   * @throws IllegalStateException when a node does not start, with the end of its log
   */
  public static KafkaCluster start(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a cluster has at least one node");
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("stele-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the cluster", e);
    }
    int[] ports = freePorts(2 * size);
    List<KafkaNode> nodes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      nodes.add(new KafkaNode(i, ports[2 * i], ports[2 * i + 1], dir));
    }
    String voters = nodes.stream().map(n -> n.nodeId + "@127.0.0.1:" + n.controllerPort)
        .collect(Collectors.joining(","));
    KafkaCluster cluster = new KafkaCluster(dir, List.copyOf(nodes));
    try {
      nodes.forEach(n -> n.writeConfig(voters, size));
      cluster.format(Uuid.randomUuid().toString());
      nodes.forEach(KafkaNode::start);
      Readiness readiness = new Readiness(START_TIMEOUT);
      for (KafkaNode node : nodes) {
        readiness.awaitNode(node);
      }
      readiness.awaitClusterOf(cluster.bootstrapServers(), size, nodes.get(0));
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** The storage tool runs once per node, all at once: each is a short-lived JVM. */
  private void format(String clusterId) {
    List<Process> formats = nodes.stream().map(n -> n.startFormat(clusterId)).toList();
    for (int i = 0; i < formats.size(); i++) {
      Process format = formats.get(i);
      try {
        if (!format.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          ChildProcesses.kill(format);
          throw failure(nodes.get(i), "formatting its storage did not finish");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while formatting Kafka storage", e);
      }
      if (format.exitValue() != 0) {
        throw failure(nodes.get(i), "formatting its storage failed (exit " + format.exitValue() + ")");
      }
    }
  }

  /** {@code host:port} of every node, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return nodes.stream().map(KafkaNode::address).collect(Collectors.joining(","));
  }

  /** {@code host:port} of node {@code i} alone. */
  public String address(int i) {
    return node(i).address();
  }

  public int size() {
    return nodes.size();
  }

  public boolean isRunning(int i) {
    return node(i).alive();
  }

  /** SIGKILL node {@code i} (a crash) and wait until the process is gone. */
  public void kill(int i) {
    node(i).kill();
  }

  /** Stops node {@code i} with SIGTERM (a controlled shutdown) and waits until it has exited. */
  public void stop(int i) {
    node(i).stop(STOP_TIMEOUT_SECONDS);
  }

  /**
   * Freezes node {@code i} (SIGSTOP): its sockets stay open but nothing answers, like a broker in
   * a long pause. {@link #thaw} resumes it; {@link #close()} kills it frozen or not.
   */
  public void freeze(int i) {
    node(i).signal("STOP");
  }

  /** Resumes a frozen node (SIGCONT). */
  public void thaw(int i) {
    node(i).signal("CONT");
  }

  /** Starts node {@code i} again on its data and ports (stopping it first if it runs). */
  public void restart(int i) {
    KafkaNode node = node(i);
    if (node.alive()) {
      node.stop(STOP_TIMEOUT_SECONDS);
    }
    node.start();
    new Readiness(START_TIMEOUT).awaitNode(node);
  }

  /** The end of node {@code i}'s log, for a failure message. */
  public String logTail(int i) {
    return node(i).logTail(60);
  }

  private KafkaNode node(int i) {
    if (closed) {
      throw new IllegalStateException("the cluster is closed");
    }
    return nodes.get(i);
  }

  /** Kills every node (no graceful shutdown: the data is thrown away) and deletes the directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    nodes.forEach(KafkaNode::kill);
    deleteRecursively(dir);
  }

  static IllegalStateException failure(KafkaNode node, String what) {
    return new IllegalStateException("Kafka node " + node.index + " (" + node.address() + "): "
        + what + ". The end of its log:\n" + node.logTail(60));
  }

  private static int[] freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      // All held open together, so the ports are distinct; another process could still take one
      // before the broker binds it, which shows as a start failure naming the address.
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find free ports", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // the port is free again either way
        }
      }
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is not worth failing a test for
    }
  }
}
