package dev.stele.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.ClientConfig;
import dev.stele.client.CompatibilityCheck;
import dev.stele.client.RegisteredSchema;
import dev.stele.client.RestClientException;
import dev.stele.client.SchemaDefinition;
import dev.stele.schema.SchemaReference;
import dev.stele.testkit.server.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each goal in a real {@code mvn} build of a sample project (src/it) against a real Stele server
 * process, the way a user's pom runs it: {@code mvn schema-registry:<goal>}.
 */
class PluginIT {
  static final String USER_V1 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";

  @TempDir
  static Path work;

  static ServerProcess server;
  static CachedSchemaRegistryClient client;

  @BeforeAll
  static void start() {
    server = ServerProcess.start(work, Map.of());
    client = new CachedSchemaRegistryClient(ClientConfig.forUrls(server.url()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, String> registry() {
    return Map.of("stele.url", server.url());
  }

  @Test
  void registerTakesSchemaTypesAndRegistersReferencedSubjectsFirst() throws Exception {
    SampleBuild.Result build = SampleBuild.run("register", "schema-registry:register", registry());
    assertThat(build.succeeded()).as(build::toString).isTrue();
    assertThat(build.log()).contains("Registered subject(payments/card-value) with id");
    assertThat(build.log().indexOf("Registered subject(common-value)"))
        .isLessThan(build.log().indexOf("Registered subject(order-value)"));

    RegisteredSchema order = client.getLatest("order-value");
    assertThat(order.schema().type()).isEqualTo("PROTOBUF");
    assertThat(order.schema().references()).containsExactly(new SchemaReference("common.proto", "common-value", 1));
    assertThat(client.getLatest("payments/card-value").schema().type()).isEqualTo("JSON");
    assertThat(client.getLatest("user-value").schema().type()).isEqualTo("AVRO");
    String user = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(server.url() + "/subjects/user-value/versions/latest")).build(), BodyHandlers.ofString()).body();
    assertThat(user).contains("\"owner\":\"team-a\"", "\"positive-id\"", "\"message.id > 0\"");

    SampleBuild.Result again = SampleBuild.run("register", "schema-registry:register", registry());
    assertThat(again.succeeded()).as(again::toString).isTrue();
    assertThat(again.log()).contains("Registered subject(order-value) with id " + order.id() + " version 1");
  }

  @Test
  void registerCarriesTheLatestVersionsTagsWithPropagateSchemaTags() throws Exception {
    client.register("tags-value", SchemaDefinition.avro("{\"type\":\"record\",\"name\":\"User\",\"fields\":"
        + "[{\"name\":\"name\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]}]}"));
    SampleBuild.Result build = SampleBuild.run("register-tags", "schema-registry:register", registry());
    assertThat(build.succeeded()).as(build::toString).isTrue();
    RegisteredSchema latest = client.getLatest("tags-value");
    assertThat(latest.version()).isEqualTo(2);
    assertThat(latest.schema().text()).contains("\"email\"")
        .contains("{\"name\":\"name\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]}");
  }

  @Test
  void testCompatibilityFailsInTheRegistrysWordsAndPassesASubjectThatIsNew() throws Exception {
    client.register("users-value", SchemaDefinition.avro(USER_V1));
    SampleBuild.Result build = SampleBuild.run("test-compatibility", "schema-registry:test-compatibility", registry());
    assertThat(build.exitCode()).as(build::toString).isNotZero();

    String candidate = Files.readString(build.project().resolve("schemas/user-with-email.avsc"));
    CompatibilityCheck answer = client.testCompatibility("users-value", null, SchemaDefinition.avro(candidate), true);
    assertThat(answer.compatible()).isFalse();
    assertThat(build.log())
        .contains("user-with-email.avsc is not compatible with subject(users-value) with error " + answer.messages())
        .contains("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'email' at path"
            + " '/fields/1' in the new schema has no default value and is missing in the old schema'")
        .contains("brand-new.avsc is compatible with subject(brand-new-value): the subject is not registered yet")
        .contains("customer.avsc is compatible with subject(new-customer-value): the subject is not registered"
            + " yet, nor are the subjects it references [new-address-value]")
        .contains("One or more schemas found to be incompatible with the current version: [users-value]");
    assertThat(client.getSubjects()).doesNotContain("brand-new-value", "new-address-value", "new-customer-value");
  }

  @Test
  void testLocalCompatibilityChecksFilesWithNoRegistry() {
    String goal = "schema-registry:test-local-compatibility";
    SampleBuild.Result passing = SampleBuild.run("test-local-compatibility", goal, Map.of("users.level", "FORWARD_TRANSITIVE"));
    assertThat(passing.succeeded()).as(passing::toString).isTrue();
    assertThat(passing.log()).contains("is forward_transitive compatible with 2 previous schemas (users)",
        "is full_transitive compatible with 1 previous schema (orders)");

    SampleBuild.Result failing = SampleBuild.run("test-local-compatibility", goal, Map.of("users.level", "BACKWARD_TRANSITIVE"));
    assertThat(failing.exitCode()).as(failing::toString).isNotZero();
    assertThat(failing.log()).contains("is not backward_transitive compatible with previous schemas (users)",
        "READER_FIELD_MISSING_DEFAULT_VALUE", "{oldSchemaVersion: 1}",
        "{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}");

    SampleBuild.Result ambiguous = SampleBuild.run("test-local-compatibility", goal, Map.of("users.level", "BACKWARD"));
    assertThat(ambiguous.exitCode()).as(ambiguous::toString).isNotZero();
    assertThat(ambiguous.log()).contains("BACKWARD compares with the latest schema only");
  }

  @Test
  void validateFailsOnABadSchemaAndReadsReferencesFromTheRunsFiles() {
    SampleBuild.Result build = SampleBuild.run("validate", "schema-registry:validate", Map.of());
    assertThat(build.exitCode()).as(build::toString).isNotZero();
    assertThat(build.log()).contains("customer.avsc of subject(customer-value) is a valid AVRO schema",
        "broken.avsc of subject(broken-value): Invalid schema of type AVRO, details:", "invalid schemas: [broken-value]");
  }

  @Test
  void downloadWritesOneFilePerMatchingSubject() throws Exception {
    String withEmail = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
        + "{\"name\":\"email\",\"type\":\"string\",\"default\":\"\"}]}";
    client.register("dl-users-value", SchemaDefinition.avro(USER_V1));
    client.register("dl-users-value", SchemaDefinition.avro(withEmail));
    client.register("dl-pinned", SchemaDefinition.avro(USER_V1));
    client.register("dl-pinned", SchemaDefinition.avro(withEmail));
    client.register("dl-card-value", SchemaDefinition.of("JSON", "{\"type\":\"object\"}"));
    client.register("not-downloaded", SchemaDefinition.avro(USER_V1));

    SampleBuild.Result build = SampleBuild.run("download", "schema-registry:download", registry());
    assertThat(build.succeeded()).as(build::toString).isTrue();
    Path out = build.project().resolve("target/schemas");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrder("dl-users-value.avsc", "dl-pinned.avsc", "dl-card-value.schema.json");
    }
    assertThat(Files.readString(out.resolve("dl-users-value.avsc"))).isEqualTo(client.getLatest("dl-users-value").schema().text());
    assertThat(Files.readString(out.resolve("dl-pinned.avsc"))).isEqualTo(client.getVersion("dl-pinned", 1).schema().text());
  }

  @Test
  void setCompatibilitySetsAndRemovesLevels() throws Exception {
    client.register("cfg-full", SchemaDefinition.avro(USER_V1));
    client.register("cfg-cleared", SchemaDefinition.avro(USER_V1));
    client.setCompatibility("cfg-cleared", "FORWARD");

    SampleBuild.Result build = SampleBuild.run("set-compatibility", "schema-registry:set-compatibility", registry());
    assertThat(build.succeeded()).as(build::toString).isTrue();
    assertThat(client.getCompatibility("cfg-full")).isEqualTo("FULL");
    assertThat(client.getCompatibility("cfg-unregistered")).isEqualTo("FORWARD_TRANSITIVE");
    assertThatThrownBy(() -> client.getCompatibility("cfg-cleared"))
        .isInstanceOfSatisfying(RestClientException.class, e -> assertThat(e.errorCode()).isEqualTo(40408));
    assertThat(build.log()).contains("Compatibility of cfg-unregistered set to FORWARD_TRANSITIVE (the subject has"
        + " no versions yet");
  }
}
