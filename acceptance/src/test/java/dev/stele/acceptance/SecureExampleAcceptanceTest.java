package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.stele.testkit.server.ChildJvm;
import dev.stele.testkit.server.SecuredServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/secure as an operator uses it: the directory copied as shipped, a listener and a data
 * directory appended to its properties file (the last line wins), the server started on it in a
 * child JVM, then driven by Debian's python3-confluent-kafka SchemaRegistryClient with
 * {@code basic.auth.user.info}, and the users file changed while it runs.
 */
class SecureExampleAcceptanceTest {
  /** From appending a user to the users file to that user's first accepted request. */
  private static final Ceiling RELOAD = Ceiling.of("users-file.reload", Duration.ofSeconds(30));
  @TempDir static Path work;
  @AutoClose private static SecuredServer server;
  private static String url;
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startTheExample() throws Exception {
    Python.requireModules("confluent_kafka.schema_registry");
    Path example = Path.of(System.getProperty("stele.examples.dir", "../examples"))
        .toAbsolutePath().normalize().resolve("secure");
    Path dir = Files.createDirectories(work.resolve("secure"));
    for (String name : List.of("stele.properties", "users.conf")) {
      Files.copy(example.resolve(name), dir.resolve(name));
    }
    url = "http://127.0.0.1:" + ChildJvm.freePort();
    Path properties = dir.resolve("stele.properties");
    Files.writeString(properties, "\nlisteners=" + url + "\nstele.data.dir="
        + work.resolve("data") + "\n", StandardOpenOption.APPEND);
    // Started from another directory than the example's: users.conf must still be found.
    server = SecuredServer.start(work, properties);
  }

  @Test
  void anonymousCallersGetTheBasicChallenge() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/"))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Stele\"");
    assertThat(response.body()).contains("\"error_code\":401");
  }

  @Test
  void pythonClientWithRightAndWrongCredentials() throws IOException {
    Python.Result result = Python.script("secure_client.py", url);
    assertThat(result.exitCode()).as("secure_client.py output:%n%s%n%s", result.output(), logText())
        .isZero();
    assertThat(result.output()).contains("secure_client: all checks passed",
        "ok a wrong password: (401, 401)",
        "ok alice registering under bob's subject: (403, 403)",
        "ok alice reading bob's subject: (404, 40401)",
        "ok alice lists her subjects only: ['alice-orders-value']");
    assertThat(logText()).contains("Basic authentication, users from "
        + work.resolve("secure").resolve("users.conf"));
  }

  @Test
  void theUsersFileIsReadAgainWhenItChanges() throws Exception {
    assertThat(status("/health/live", null)).as("open path").isEqualTo(200);
    assertThat(status("/subjects", "carol:carol-secret")).isEqualTo(401);
    // The example's reader hash, reused for a new user with the same password.
    Path users = work.resolve("secure").resolve("users.conf");
    String readerHash = Files.readAllLines(users).stream().filter(l -> l.startsWith("user reader "))
        .findFirst().orElseThrow().split(" ")[2];
    Files.writeString(users, "\nuser carol " + readerHash + " readers\n", StandardOpenOption.APPEND);
    long changed = System.nanoTime();
    long deadline = changed + RELOAD.limit().toNanos();
    while (status("/subjects", "carol:reader-secret") != 200) {
      if (System.nanoTime() > deadline) {
        fail("the new user was not accepted within " + RELOAD.millis() + " ms\n" + logText());
      }
      Thread.sleep(200);
    }
    System.out.println("A user added to the users file was accepted, "
        + RELOAD.report(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changed)));
    assertThat(logText()).contains("Reloaded the users file");
  }

  private static int status(String path, String userInfo) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
        .timeout(Duration.ofSeconds(30));
    if (userInfo != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          userInfo.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String logText() {
    return "--- server log ---\n" + server.logText();
  }
}
