package dev.stele.acceptance;

import dev.stele.testkit.kafka.KafkaCluster;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A registry server process on the embedded store beside a one-broker Kafka with the given
 * topics: what the serde interop tests run Python and Java clients against.
 */
record RegistryAndKafka(ServerProcess server, KafkaCluster kafka) implements AutoCloseable {

  static RegistryAndKafka start(Path dataDir, String... topics) throws IOException {
    ServerProcess server = ServerProcess.start(Files.createDirectories(dataDir), Map.of());
    KafkaCluster kafka = null;
    try {
      kafka = KafkaCluster.start(1);
      KafkaTopics.create(kafka.bootstrapServers(), topics);
      return new RegistryAndKafka(server, kafka);
    } catch (RuntimeException e) {
      if (kafka != null) {
        kafka.close();
      }
      server.stop();
      throw e;
    }
  }

  String url() {
    return server.url();
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /**
   * Runs the interop script {@code script}.py in {@code mode} against this registry and broker on
   * {@code topics} (its topic, or the prefix of its topics); its output once it passed.
   */
  String python(String script, String mode, String topics) throws IOException {
    return Python.script(script + ".py", mode, url(), bootstrapServers(), topics)
        .assertPassed(script + ".py " + mode, script + " " + mode, server);
  }

  @Override
  public void close() {
    kafka.close();
    server.stop();
  }
}
