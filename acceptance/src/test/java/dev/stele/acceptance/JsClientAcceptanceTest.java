package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * npm's @confluentinc/schemaregistry (the version locked in src/test/js/package-lock.json) JSON
 * and Protobuf serdes against a real server with the default settings. Its serdes ask
 * {@code /associations} for the subject first and use {@code <topic>-value} on a 404, register
 * Protobuf as base64 descriptors without references for google/protobuf imports, and read writer
 * schemas back with {@code format=serialized}.
 */
class JsClientAcceptanceTest {
  @TempDir static Path work;
  @AutoClose("stop") private static ServerProcess server;

  @BeforeAll
  static void startServer() throws IOException {
    Node.requirePackages("@confluentinc/schemaregistry", "@bufbuild/protobuf");
    server = ServerProcess.start(Files.createDirectories(work.resolve("js")), Map.of());
  }

  @Test
  void jsonSerdesWithTheSampleSchema() throws IOException {
    String output = Node.script("json_serdes.js", server.url(), Dirs.samples().toString())
        .assertPassed("json_serdes", server);
    assertThat(output).containsSubsequence(
        "ok useLatestVersion writes version 1's id: 1",
        "ok favorite_number 0 fails exclusiveMinimum on the client: [\"SerializationError\",true]",
        "ok JsonDeserializer reads it back: {\"name\":\"Peter\",\"favorite_number\":7,"
            + "\"favorite_color\":\"blue\"}",
        "ok useLatestVersion now writes version 2's id: 2",
        "ok auto-registration of the derived schema under js_auto-value: [\"JSON\",");
  }

  @Test
  void protobufSerdesWithAWellKnownImport() throws IOException {
    String output = Node.script("protobuf_serdes.js", server.url())
        .assertPassed("protobuf_serdes", server);
    assertThat(output).containsSubsequence(
        "ok js_orders-value version 1: [",
        "ok the format=serialized descriptor: [\"stele.acceptance.js\","
            + "[\"google/protobuf/timestamp.proto\"],[\"Order\",\"Refund\"]]",
        "ok ProtobufDeserializer reads the order back",
        "ok ProtobufDeserializer reads the refund back",
        "ok useLatestVersion gets the same id");
  }
}
