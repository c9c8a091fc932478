package dev.stele.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the server fixtures share: the command that runs {@code Main}, free ports, log files. */
public final class ChildJvm {
  private ChildJvm() {}

  /** A loopback port nobody listens on right now (a server started next may take it). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /**
   * {@code java -Xmx<heap> -cp <test class path> dev.stele.server.Main <properties>}. The server's
   * classes are on the caller's test class path: the fixture needs no dependency on them.
   */
  public static List<String> mainCommand(String heap, Path properties) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", testClassPath(),
        "dev.stele.server.Main", properties.toString()));
  }

  /**
   * Surefire and Failsafe run tests from a manifest-only jar but publish the real class path in
   * {@code surefire.test.class.path}; {@code java.class.path} is the fallback for IDE runs.
   */
  static String testClassPath() {
    String path = System.getProperty("surefire.test.class.path");
    return path == null || path.isBlank() ? System.getProperty("java.class.path") : path;
  }

  /**
   * Waits (at most 90 s) until the server {@code process} writing {@code log} says it listens; an
   * exit or the deadline fails with the log.
   */
  public static void awaitListening(Process process, Path log) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String text = read(log);
      if (text.contains(" listening on ")) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the server exited with status " + process.exitValue() + "\n" + text);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not start within 90 s\n" + read(log));
  }

  /** The file's text, empty while it does not exist: a log the child has not written yet. */
  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
