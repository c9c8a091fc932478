package dev.stele.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The JDK's own keytool, which the TLS tests make their certificates and key stores with. */
public final class Keytool {
  private Keytool() {}

  /**
   * Runs {@code keytool args} in {@code dir} (relative file names are in it) and waits for it.
   *
   * @throws AssertionError naming the command and its output, if it fails or takes a minute
   */
  public static void run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after 60 s: " + String.join(" ", command));
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("exit code " + process.exitValue() + ": "
          + String.join(" ", command) + "\n" + output);
    }
  }
}
