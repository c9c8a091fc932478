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
 * The JSON Schema and Protobuf serdes of Debian's python3-confluent-kafka 1.7 against a real
 * server with the default settings (BACKWARD): samples item 4 without a broker, and a Protobuf
 * message that imports google/protobuf/timestamp.proto. The scripts check the client's requests
 * and the registry's state themselves; this class checks they ran to the end and said the lines
 * that matter.
 */
class PythonSerdesAcceptanceTest {
  @TempDir static Path work;
  @AutoClose("stop") private static ServerProcess server;

  @BeforeAll
  static void startServer() throws IOException {
    Python.requireModules("confluent_kafka", "confluent_kafka.schema_registry.json_schema",
        "confluent_kafka.schema_registry.protobuf", "jsonschema", "google.protobuf", "requests");
    server = ServerProcess.start(Files.createDirectories(work.resolve("serdes")), Map.of());
  }

  @Test
  void jsonSerializerOfTheSampleAutoRegistersValidatesAndReadsBack() throws IOException {
    String output = Python.script("json_schema_serdes.py", server.url(),
        Dirs.samples().toString())
        .assertPassed("json_schema_serdes", server);
    assertThat(output).containsSubsequence(
        "ok the client sends key:secret as basic auth: 'Basic a2V5OnNlY3JldA=='",
        "ok schemaType of my_topic-value version 1: 'JSON'",
        "ok favorite_number 0 fails exclusiveMinimum on the client:"
            + " '0 is less than or equal to the minimum of 0'",
        "ok JSONDeserializer reads back the value: {'name': 'Peter', 'favorite_number': 7,"
            + " 'favorite_color': 'blue'}",
        "ok 1.7 refuses use.latest.version:"
            + " ('ValueError', 'Unrecognized properties: use.latest.version')",
        "ok serializing with the latest version's schema writes its id: 2",
        "ok registering it is refused: (409, 409)");
  }

  @Test
  void protobufSerializerRegistersTheWellKnownImportAsAReference() throws IOException {
    String output = Python.script("protobuf_serdes.py", server.url())
        .assertPassed("protobuf_serdes", server);
    assertThat(output).containsSubsequence(
        "ok the reference is sent as timestamp.proto's base64 FileDescriptorProto",
        "ok the main schema's references: [{'name': 'google/protobuf/timestamp.proto',"
            + " 'subject': 'google/protobuf/timestamp.proto', 'version': 1}]",
        "ok subjects: ['google/protobuf/timestamp.proto', 'orders-value']",
        "ok looking up the registered .proto text: ",
        "ok the served descriptor decodes the payload to the same message",
        "ok ProtobufDeserializer reads it back",
        "ok without auto-registration the lookup finds the same id",
        "ok deleting the referenced version: (422, 42206)");
  }
}
