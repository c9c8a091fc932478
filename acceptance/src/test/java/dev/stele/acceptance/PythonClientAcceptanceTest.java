package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's python3-confluent-kafka 1.7 (a real third-party client) against a real server started
 * from an operator's Confluent config (samples/schema-registry.properties without its
 * kafkastore lines): samples items 2 and 3 without a broker, and the client's registry API.
 */
class PythonClientAcceptanceTest {
  @TempDir static Path work;
  @AutoClose("stop") private static ServerProcess sampleServer;

  @BeforeAll
  static void startServerFromTheSampleConfig() throws IOException {
    Python.requireModules("confluent_kafka", "confluent_kafka.avro", "avro", "requests");
    Map<String, String> sample = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Dirs.samples().resolve("schema-registry.properties"))) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("kafkastore.")) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      sample.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
    }
    // The sample's port may be taken on this machine; everything else is used as shipped.
    sample.remove("listeners");
    assertThat(sample).containsEntry("schema.compatibility.level", "full");
    Path dir = Files.createDirectories(work.resolve("sample"));
    sampleServer = ServerProcess.start(dir, sample);
  }

  @Test
  void schemaRegistryClientApi() throws IOException {
    assertThat(onSamples("schema_registry_client", sampleServer)).contains(
        "ok registering an incompatible schema: (409, 409)",
        "ok get_compatibility of the subject: 'NONE'", "ok get_versions: [1, 2]");
  }

  @Test
  void avroProducerAndConsumerWithEvolution() throws IOException {
    // The lines samples/README.md item 2 says the consumers print, in this order.
    assertThat(onSamples("avro_evolution", sampleServer)).containsSubsequence(
        "v1 consumer: {'name': 'Peter', 'class': 1}",
        "ok versions after the v2 producer: [1, 2]",
        "v2 consumer: {'first_name': None, 'last_name': None, 'class': 1}",
        "v2 consumer: {'first_name': 'Peter', 'last_name': 'Parker', 'class': 1}");
  }

  @Test
  void backwardCompatibilityWalkThrough() throws IOException {
    Path dir = Files.createDirectories(work.resolve("backward"));
    try (ServerProcess backward = ServerProcess.start(dir,
        Map.of("schema.compatibility.level", "backward"))) {
      assertThat(onSamples("backward_walkthrough", backward)).containsSubsequence(
          "v2 consumer: {'name': 'Peter', 'class': 1, 'age': 1}",
          "v2 consumer: {'name': 'Peter', 'class': 1, 'age': 20}",
          "ok adding a field without default under BACKWARD is refused with 409: True",
          "ok removing a field without default under FORWARD is refused with 409: True",
          "ok removing a field without default under BACKWARD is accepted: True");
      backward.stop();
    }
  }

  /** Runs {@code script}.py on the server's url and the samples; its output once it passed. */
  private static String onSamples(String script, ServerProcess server) throws IOException {
    return Python.script(script + ".py", server.url(), Dirs.samples().toString())
        .assertPassed(script, server);
  }
}
