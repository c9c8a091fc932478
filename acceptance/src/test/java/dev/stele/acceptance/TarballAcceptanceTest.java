package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.testkit.server.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball dist builds (dist/target/stele-VERSION.tar.gz), unpacked into a temporary
 * directory and run from there with settings from the environment only: {@code bin/stele-start}
 * without a file, and the container's entrypoint and health check (dist/src/main/docker) with
 * STELE_HOME at the unpacked copy, as the Dockerfile runs them. No container engine needed.
 */
class TarballAcceptanceTest {
  private static final Path DOCKER = Path.of(System.getProperty("stele.dist.tarball", ""))
      .toAbsolutePath().getParent().getParent().resolve("src/main/docker");

  @TempDir static Path unpacked;
  @TempDir Path workDir;
  private static Path home;

  @BeforeAll
  static void unpack() throws Exception {
    Path tarball = Path.of(System.getProperty("stele.dist.tarball", "")).toAbsolutePath();
    assertThat(tarball).as("the tarball; build it with mvn -B -DskipTests package").exists();
    Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", unpacked.toString())
        .redirectErrorStream(true).start();
    String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor()).as(output).isZero();
    home = unpacked.resolve(tarball.getFileName().toString().replace(".tar.gz", ""));
  }

  @Test
  void theTarballHoldsWhatAnInstallNeeds() {
    for (String script : List.of("bin/stele-start", "bin/stele-passwd", "bin/stele")) {
      assertThat(home.resolve(script)).isRegularFile().isExecutable();
    }
    for (String file : List.of("lib/stele-server.jar", "lib/stele-cli.jar", "config/stele.properties",
        "config/stele.service", "config/examples/secure/stele.properties",
        "config/examples/secure/users.conf", "LICENSE", "NOTICE", "README.md", "lib/ext/README",
        "lib/kms/aws/stele-kms-aws-0.1.0-SNAPSHOT.jar", "lib/kms/aws/kms-2.59.1.jar",
        "lib/kms/azure/stele-kms-azure-0.1.0-SNAPSHOT.jar", "lib/kms/azure/azure-security-keyvault-keys-4.11.1.jar")) {
      assertThat(home.resolve(file)).isRegularFile();
    }
  }

  /**
   * hcvault is in the server jar; aws-kms, azure-kms and gcp-kms, with their libraries, ship in
   * lib/kms/aws/, lib/kms/azure/ and lib/kms/gcp/ and join the class path once linked into
   * lib/ext/: then the registry takes shared KEKs of those kinds (without a driver it answers
   * 42271, KeyRoutesTest). A DEK under the gcp-kms KEK runs the driver and Google's auth library as
   * shipped (it signs the service account's assertion and fails to reach the token endpoint, named
   * by GCP_OAUTH2_TOKEN_URI, where nothing listens).
   */
  @Test
  void aKmsDriverTheTarballShipsIsEnabledByLinkingItIntoLibExt() throws Exception {
    List<Path> links = List.of(home.resolve("lib/ext/aws"), home.resolve("lib/ext/azure"),
        home.resolve("lib/ext/gcp"));
    Files.createSymbolicLink(links.get(0), Path.of("../kms/aws"));
    Files.createSymbolicLink(links.get(1), Path.of("../kms/azure"));
    Files.createSymbolicLink(links.get(2), Path.of("../kms/gcp"));
    int port = ChildJvm.freePort();
    String tokenUri = "http://127.0.0.1:" + ChildJvm.freePort() + "/token";
    Path log = workDir.resolve("server.log");
    Process process = start(List.of("bash", home.resolve("bin/stele-start").toString()), Map.of(
        "SCHEMA_REGISTRY_LISTENERS", "http://127.0.0.1:" + port, "STELE_DATA_DIR", workDir.resolve("data").toString(),
        "GCP_OAUTH2_TOKEN_URI", tokenUri), log);
    try {
      ChildJvm.awaitListening(process, log);
      Http http = new Http("http://127.0.0.1:" + port);
      String arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
      assertThat(http.ok("POST", "/dek-registry/v1/keks", Map.of("name", "aws", "kmsType", "aws-kms",
          "kmsKeyId", arn, "shared", true)).path("kmsType").asText()).isEqualTo("aws-kms");
      assertThat(http.ok("POST", "/dek-registry/v1/keks", Map.of("name", "vault", "kmsType", "hcvault",
          "kmsKeyId", "https://vault:8200/transit/keys/k", "shared", true)).path("kmsType").asText())
          .isEqualTo("hcvault");
      assertThat(http.ok("POST", "/dek-registry/v1/keks", Map.of("name", "azure", "kmsType", "azure-kms",
          "kmsKeyId", "https://stele.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef", "shared", true))
          .path("kmsType").asText()).isEqualTo("azure-kms");
      assertThat(http.ok("POST", "/dek-registry/v1/keks", Map.of("name", "gcp", "kmsType", "gcp-kms",
          "kmsKeyId", "projects/p/locations/l/keyRings/r/cryptoKeys/k", "shared", true, "kmsProps",
          serviceAccountKey())).path("kmsType").asText()).isEqualTo("gcp-kms");
      Http.Response gcpDek = http.post("/dek-registry/v1/keks/gcp/deks", Map.of("subject", "orders-value"));
      assertThat(gcpDek.text()).contains("could not get a Google access token for the service account"
          + " registry@p.iam.gserviceaccount.com").contains(tokenUri).doesNotContain("PRIVATE KEY");
    } finally {
      process.destroy();
      process.waitFor(60, TimeUnit.SECONDS);
      for (Path link : links) {
        Files.delete(link);
      }
    }
  }

  /** Confluent's gcp-kms properties of a service account with a freshly made RSA key. */
  private static Map<String, String> serviceAccountKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    return Map.of("client.id", "1234567890", "client.email", "registry@p.iam.gserviceaccount.com",
        "private.key.id", "k1", "private.key", pem);
  }

  @Test
  void startScriptRunsFromTheEnvironmentAlone() throws Exception {
    runRegisterAndStop(List.of("bash", home.resolve("bin/stele-start").toString()), Map.of());
  }

  @Test
  void containerEntrypointRunsFromTheEnvironmentAndItsHealthCheckPasses() throws Exception {
    runRegisterAndStop(List.of("bash", DOCKER.resolve("entrypoint.sh").toString()),
        Map.of("STELE_HOME", home.toString()));
  }

  @Test
  void aMisspeltVariableStopsTheStartNamingIt() throws Exception {
    Path log = workDir.resolve("server.log");
    Process process = start(List.of("bash", DOCKER.resolve("entrypoint.sh").toString()),
        Map.of("STELE_HOME", home.toString(), "STELE_DATA_DRI", workDir.toString()), log);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(Files.readString(log)).contains("unknown setting stele.data.dri (did you mean"
        + " stele.data.dir?)", "stele.data.dri is the environment variable STELE_DATA_DRI");
  }

  @Test
  void entrypointRunsTheInstallsOtherCommands() throws Exception {
    Path log = workDir.resolve("passwd.out");
    ProcessBuilder builder = new ProcessBuilder("bash", DOCKER.resolve("entrypoint.sh").toString(),
        "stele-passwd").redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("STELE_HOME", home.toString());
    Process process = builder.start();
    process.getOutputStream().write("a-password\n".getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(Files.readString(log)).startsWith("$pbkdf2-sha256$");
  }

  /**
   * Starts {@code command} with listeners and data directory from the environment, checks
   * readiness (through the health-check script too), registers and reads a schema, then stops the
   * server with SIGTERM: it must exit cleanly and leave its database in the data directory.
   */
  private void runRegisterAndStop(List<String> command, Map<String, String> extra)
      throws Exception {
    int port = ChildJvm.freePort();
    Path data = workDir.resolve("data");
    Map<String, String> env = new HashMap<>(extra);
    env.put("SCHEMA_REGISTRY_LISTENERS", "http://127.0.0.1:" + port);
    env.put("STELE_DATA_DIR", data.toString());
    env.put("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "full");
    Path log = workDir.resolve("server.log");
    Process process = start(command, env, log);
    try {
      ChildJvm.awaitListening(process, log);
      Http http = new Http("http://127.0.0.1:" + port);
      assertThat(http.get("/health/ready").status()).isEqualTo(200);
      // As in the image: the listener serves every interface, the check asks 127.0.0.1.
      assertThat(healthCheck("http://0.0.0.0:" + port)).as("the container's health check").isZero();
      JsonNode registered = http.ok("POST", "/subjects/tarball-value/versions",
          Map.of("schema", "{\"type\":\"record\",\"name\":\"T\",\"fields\":[]}"));
      int id = registered.path("id").asInt();
      assertThat(http.ok("GET", "/schemas/ids/" + id, null).path("schema").asText())
          .isEqualTo("{\"type\":\"record\",\"name\":\"T\",\"fields\":[]}");
      assertThat(http.ok("GET", "/config", null).path("compatibilityLevel").asText())
          .isEqualTo("FULL");
    } finally {
      process.destroy(); // SIGTERM: the scripts exec java
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        fail("the server did not stop within 60 s\n" + Files.readString(log));
      }
    }
    assertThat(healthCheck("http://127.0.0.1:" + port)).as("the health check of a stopped server")
        .isNotZero();
    String text = Files.readString(log);
    assertThat(text).contains("Settings from the environment: SCHEMA_REGISTRY_LISTENERS,"
        + " SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL, STELE_DATA_DIR", "Stele stopped");
    assertThat(process.exitValue()).as(text).isIn(0, 143);
    assertThat(data.resolve("stele.db")).isRegularFile();
  }

  private int healthCheck(String listeners) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", DOCKER.resolve("healthcheck.sh").toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("SCHEMA_REGISTRY_LISTENERS", listeners);
    return builder.start().waitFor();
  }

  /**
   * The command in {@link #workDir} with {@code env} as its only Stele settings: variables the
   * test JVM inherited with either prefix are removed, so nothing but {@code env} configures it.
   */
  private Process start(List<String> command, Map<String, String> env, Path log)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
        .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("STELE_")
        || name.startsWith("SCHEMA_REGISTRY_") || name.equals("JAVA_OPTS"));
    builder.environment().put("STELE_JAVA_OPTS", "-XX:+UseSerialGC -Xmx256m");
    builder.environment().putAll(env);
    return builder.start();
  }

}
