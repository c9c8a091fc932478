package dev.stele.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Stele server in a child JVM ({@code dev.stele.server.Main} on the test class path), so a
 * test can stop it with SIGTERM or kill it with SIGKILL and start it again on the same data.
 * Its output goes to {@code server.log} in the work directory and is quoted when it fails.
 */
public final class ServerProcess implements AutoCloseable {
  /** Start-up is a second or two; the deadline only keeps a broken build from hanging the run. */
  private static final Duration START_DEADLINE = Duration.ofSeconds(90);

  private final Path workDir;
  private final Path propertiesFile;
  private final Path logFile;
  private final String scheme;
  private final int port;
  private Process process;

  private ServerProcess(Path workDir, Path propertiesFile, String scheme, int port) {
    this.workDir = workDir;
    this.propertiesFile = propertiesFile;
    this.logFile = workDir.resolve("server.log");
    this.scheme = scheme;
    this.port = port;
  }

  /**
   * Writes a properties file with a loopback listener on a free port and a data directory under
   * {@code workDir}, plus {@code extra} (which may override either), and starts the server.
   */
  public static ServerProcess start(Path workDir, Map<String, String> extra) {
    int port = ChildJvm.freePort();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("listeners", "http://127.0.0.1:" + port);
    properties.put("stele.data.dir", workDir.resolve("data").toString());
    properties.putAll(extra);
    StringBuilder text = new StringBuilder("# written by the tests\n");
    properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    Path file = workDir.resolve("stele.properties");
    try {
      Files.writeString(file, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A test that sets its own listeners is answered on the port of the first of them.
    String listener = properties.get("listeners").split(",")[0].trim();
    ServerProcess server = new ServerProcess(workDir, file,
        listener.startsWith("https:") ? "https" : "http", portOf(listener));
    server.launch();
    return server;
  }

  /** The port of a listener, {@code scheme://host:port}. */
  private static int portOf(String first) {
    int colon = first.lastIndexOf(':');
    String port = first.substring(colon + 1).replaceAll("/.*$", "");
    try {
      return Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("no port in the listener '" + first + "'", e);
    }
  }

  public String url() {
    return scheme + "://127.0.0.1:" + port;
  }

  public Path dataDir() {
    return workDir.resolve("data");
  }

  /** SIGTERM, as systemd stops a service; the shutdown hook must end the process cleanly. */
  public void stop() {
    process.destroy();
    int status = waitForExit();
    // 143 = 128 + SIGTERM: the JVM's exit status after running its shutdown hooks.
    if (status != 0 && status != 143) {
      throw new AssertionError("the server exited with status " + status + " on SIGTERM\n"
          + logTail());
    }
  }

  /** SIGKILL: no shutdown hook, no flush; what survives is what was durable. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** Starts again on the same port, data directory and properties. */
  public void restart() {
    if (process.isAlive()) {
      throw new AssertionError("restart() of a running server");
    }
    launch();
  }

  public String log() {
    return ChildJvm.read(logFile);
  }

  /** The end of the log, headed by its path: for failure messages. */
  public String logTail() {
    String log = log();
    int from = Math.max(0, log.length() - 6000);
    return "--- " + logFile + (from > 0 ? " (last 6000 characters)" : "") + " ---\n"
        + log.substring(from);
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      waitForExit();
    }
  }

  private void launch() {
    try {
      Files.writeString(logFile, "=== starting Main " + propertiesFile + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      process = new ProcessBuilder(ChildJvm.mainCommand("512m", propertiesFile))
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the server's JVM", e);
    }
    awaitReady();
  }

  /** Polls {@code GET /} until it answers 200; fails at once if the process dies. */
  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the server exited with status " + process.exitValue()
            + " while starting\n" + logTail());
      }
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the server", e);
      }
      ChildJvm.sleep(100);
    }
    close();
    throw new AssertionError("the server did not answer GET / within "
        + START_DEADLINE.toSeconds() + " s\n" + logTail());
  }

  private int waitForExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
        throw new AssertionError("the server did not exit within 60 s\n" + logTail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the server to exit", e);
    }
  }
}
