package dev.stele.server;

import static org.assertj.core.api.Assertions.fail;

import dev.stele.testkit.server.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code Main} in a child JVM on the module's class path (logback and logback.xml as in the
 * shaded jar), for the tests that watch the process itself: its stdout and stderr go to
 * {@link #output}, it listens on a free loopback port with its data in the test's directory, and
 * {@link #close} kills it if it still runs.
 */
final class MainProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

  final Process process;
  final Path output;
  final int port;

  private MainProcess(Process process, Path output, int port) {
    this.process = process;
    this.output = output;
    this.port = port;
  }

  /**
   * Starts {@code java <jvmFlags> -Xmx<heap> Main} on a properties file in {@code dir} with
   * {@code extraProperties} (lines) after the listener and data directory, in an environment
   * without the caller's {@link LogFormat#ENV} but with {@code environment}. Does not wait.
   */
  static MainProcess launch(Path dir, String heap, List<String> jvmFlags, String extraProperties,
      Map<String, String> environment) throws IOException {
    int port = ChildJvm.freePort();
    Path properties = dir.resolve("stele.properties");
    Files.writeString(properties, "listeners=http://127.0.0.1:" + port + "\n"
        + "stele.data.dir=" + dir.resolve("data") + "\n" + extraProperties);
    // A file of its own per launch: a test that starts twice reads each run's output apart.
    Path output = dir.resolve("server-" + System.nanoTime() + ".log");
    List<String> command = ChildJvm.mainCommand(heap, properties);
    command.addAll(1, jvmFlags);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().remove(LogFormat.ENV);
    builder.environment().putAll(environment);
    return new MainProcess(builder.start(), output, port);
  }

  /** {@link #launch}, then waits (90 s at most) until {@code GET /} answers 200. */
  static MainProcess start(Path dir, String heap, List<String> jvmFlags, String extraProperties,
      Map<String, String> environment) throws Exception {
    MainProcess server = launch(dir, heap, jvmFlags, extraProperties, environment);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!server.process.isAlive()) {
        fail("the server exited with " + server.process.exitValue() + ":\n" + server.log());
      }
      try {
        if (server.get("/").statusCode() == 200) {
          return server;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    server.close();
    fail("the server did not answer within 90 s:\n" + server.log());
    return server;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs {@code body} as the registry's JSON. */
  HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return HTTP.send(request(path).header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30));
  }

  /** The end of the output (4,000 characters at most), for a failure message. */
  String log() {
    try {
      String text = Files.readString(output);
      return text.substring(Math.max(0, text.length() - 4000));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** SIGTERM: the shutdown hook logs "Stele stopped"; every line is written once it returns. */
  boolean stopGracefully() throws InterruptedException {
    process.destroy();
    return process.waitFor(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
