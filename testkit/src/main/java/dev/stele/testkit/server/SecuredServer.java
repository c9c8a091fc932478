package dev.stele.testkit.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Stele server in a child JVM on a properties file the test wrote or copied, for the security
 * tests (where {@link ServerProcess}'s readiness probe, an anonymous {@code GET /} over HTTP,
 * cannot work). Ready once the log says it listens; closed with SIGTERM.
 */
public final class SecuredServer implements AutoCloseable {
  private static final Duration START_DEADLINE = Duration.ofSeconds(90);
  private final Process process;
  private final Path log;

  private SecuredServer(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code dev.stele.server.Main properties} with {@code workDir} as its directory. */
  public static SecuredServer start(Path workDir, Path properties)
      throws IOException, InterruptedException {
    Path log = workDir.resolve("server.log");
    Process process = new ProcessBuilder(ChildJvm.mainCommand("256m", properties))
        .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
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
        throw new AssertionError("the server exited with status " + process.exitValue() + "\n"
            + logText());
      }
      Thread.sleep(100);
    }
    close();
    throw new AssertionError("the server did not start within " + START_DEADLINE.toSeconds()
        + " s\n" + logText());
  }

  public String logText() {
    return ChildJvm.read(log);
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
}
