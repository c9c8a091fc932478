package dev.stele.testkit.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One Kafka node of a {@link KafkaCluster}: broker and KRaft controller in one child JVM, its
 * config, data and log file in its own directory. Ports are fixed for the node's life so a
 * restarted node is found where it was. Not thread-safe: the cluster calls it from one thread.
 */
final class KafkaNode {
  /** Small and quick to start: a test broker holds a few topics of a few records. */
  private static final List<String> JVM_OPTIONS = List.of(
      "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
      "-Djava.net.preferIPv4Stack=true", "-Djava.awt.headless=true",
      // Test class paths quiet Kafka's loggers for the test JVM; the broker's log keeps info.
      "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
      "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
      "-Dorg.slf4j.simpleLogger.log.kafka=info",
      "-Dorg.slf4j.simpleLogger.showDateTime=true",
      "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
  private static final String STORAGE_TOOL = "kafka.tools.StorageTool";

  final int index;
  final int nodeId;
  final int port;
  final int controllerPort;
  private final Path dir;
  private final Path config;
  private final Path log;
  private Process process;

  KafkaNode(int index, int port, int controllerPort, Path clusterDir) {
    this.index = index;
    this.nodeId = index + 1;
    this.port = port;
    this.controllerPort = controllerPort;
    this.dir = clusterDir.resolve("node-" + nodeId);
    this.config = dir.resolve("server.properties");
    this.log = dir.resolve("broker.log");
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  /**
   * Writes {@code server.properties}: a combined node on loopback, with settings for quick tests
   * (one partition for the internal topics, no rebalance delay, a small log cleaner buffer that
   * fits the small heap) and replication of internal topics as wide as the cluster allows.
   */
  void writeConfig(String voters, int clusterSize) {
    int replicas = Math.min(clusterSize, 3);
    int minIsr = Math.min(replicas, 2);
    Map<String, String> p = new TreeMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(nodeId));
    p.put("controller.quorum.voters", voters);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", dir.resolve("data").toString());
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "1");
    p.put("offsets.topic.replication.factor", Integer.toString(replicas));
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", Integer.toString(replicas));
    p.put("transaction.state.log.min.isr", Integer.toString(minIsr));
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
    p.put("share.coordinator.state.topic.min.isr", Integer.toString(minIsr));
    p.put("group.initial.rebalance.delay.ms", "0");
    // A killed broker is fenced and its partitions move after 3 s instead of 9 s.
    p.put("broker.heartbeat.interval.ms", "500");
    p.put("broker.session.timeout.ms", "3000");
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
    p.put("log.cleaner.threads", "1");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("background.threads", "2");
    Properties properties = new Properties();
    properties.putAll(p);
    try {
      Files.createDirectories(dir);
      try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
        properties.store(out, "KafkaCluster node " + nodeId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + config, e);
    }
  }

  /**
   * Starts the storage tool that formats this node's data directory (its output goes to the
   * broker's log, where a failure report shows it); the caller waits for it.
   */
  Process startFormat(String clusterId) {
    return launch(List.of(STORAGE_TOOL, "format", "-t", clusterId, "-c", config.toString()), log);
  }

  /** Starts the broker; returns at once (the cluster waits until it answers). */
  void start() {
    if (alive()) {
      throw new IllegalStateException("node " + index + " is running");
    }
    process = launch(List.of(BrokerMain.class.getName(), config.toString()), log);
  }

  private static Process launch(List<String> mainAndArgs, Path output) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    // This JVM's class path holds the kafka_2.13 jars that testkit depends on (and BrokerMain).
    command.add(System.getProperty("java.class.path"));
    command.addAll(mainAndArgs);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    // stdin stays a pipe held by this JVM: BrokerMain exits when it closes.
    try {
      Process started = builder.start();
      ChildProcesses.register(started);
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: no controlled shutdown, unflushed data stays in the page cache as after a crash. */
  void kill() {
    if (process != null) {
      ChildProcesses.kill(process);
    }
  }

  /** SIGTERM, a controlled shutdown; SIGKILL if it has not ended within the timeout. */
  void stop(long timeoutSeconds) {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        ChildProcesses.kill(process);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ChildProcesses.kill(process);
    }
  }

  /**
   * Sends SIGSTOP ({@code pause}) or SIGCONT: a stopped broker keeps its connections open but
   * answers nothing, which is how a broker in a long GC pause or on a stuck disk looks.
   */
  void signal(String name) {
    if (!alive()) {
      throw new IllegalStateException("node " + index + " is not running");
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
          .redirectErrorStream(true).start();
      if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run kill", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling node " + index, e);
    }
  }

  /** The last lines of the broker's output, to explain a failure. */
  String logTail(int lines) {
    try {
      if (!Files.exists(log)) {
        return "(no output yet at " + log + ")";
      }
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }
}
