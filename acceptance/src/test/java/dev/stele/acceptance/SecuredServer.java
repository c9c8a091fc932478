package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Stele server in a child JVM on a properties file the test wrote or copied, for the security
 * tests (where {@link ServerProcess}'s readiness probe, an anonymous {@code GET /} over HTTP,
 * cannot work). Ready once the log says it listens.
 */
final class SecuredServer implements AutoCloseable {
  private static final Duration START_DEADLINE = Duration.ofSeconds(90);
  private final Process process;
  private final Path log;

  private SecuredServer(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code dev.stele.server.Main properties} with {@code workDir} as its directory. */
  static SecuredServer start(Path workDir, Path properties) throws IOException, InterruptedException {
    Path log = workDir.resolve("server.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", classPath,
        "dev.stele.server.Main", properties.toString()).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    SecuredServer server = new SecuredServer(process, log);
    server.awaitListening();
    return server;
  }

  private void awaitListening() throws InterruptedException {
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      if (logText().contains(" listening on ")) {
        return;
      }
      if (!process.isAlive()) {
        fail("the server exited with status " + process.exitValue() + "\n" + logText());
      }
      Thread.sleep(100);
    }
    close();
    fail("the server did not start within " + START_DEADLINE.toSeconds() + " s\n" + logText());
  }

  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
