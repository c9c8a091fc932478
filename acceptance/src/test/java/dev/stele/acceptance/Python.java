package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Python scripts the way a user would. Debian's python3-confluent-kafka installs into
 * /usr/lib/python3/dist-packages, which only Debian's own interpreter sees (a pyenv or venv
 * {@code python3} earlier on PATH does not), so /usr/bin/python3 is preferred. A missing
 * interpreter or package fails the test with the command that installs it: never a skip,
 * or the acceptance tests would pass by running nothing.
 */
final class Python {
  static final String INSTALL_HINT = "install them with .ci/install-deps (runs: apt-get install -y"
      + " python3-confluent-kafka python3-avro python3-requests python3-jsonschema"
      + " python3-protobuf; Debian's packages are seen by /usr/bin/python3, the default here, or"
      + " whatever STELE_PYTHON names)";
  /** A hang guard for a wedged script, not a speed requirement. */
  private static final long TIMEOUT_MINUTES = 10;

  private Python() {}

  record Result(int exitCode, String output) {
    /**
     * Asserts the script {@code name} exited 0 and printed "NAME: all checks passed"; a failure
     * shows the script's output and the server's log tail. Returns the output, to check lines in.
     */
    String assertPassed(String name, ServerProcess server) {
      return assertPassed(name, name, server);
    }

    /** The same where the failure names the run as {@code command}, not {@code name}. */
    String assertPassed(String command, String name, ServerProcess server) {
      assertThat(exitCode)
          .as("%s exit code; its output:%n%s%n%s", command, output, server.logTail())
          .isZero();
      assertThat(output).contains(name + ": all checks passed");
      return output;
    }
  }

  /** STELE_PYTHON if set, else Debian's /usr/bin/python3, else python3 from PATH. */
  static String interpreter() {
    String configured = System.getenv("STELE_PYTHON");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  /** Fails unless the interpreter runs and can import every module named. */
  static void requireModules(String... modules) {
    require(List.of(interpreter(), "-c", "import " + String.join(", ", modules)), null,
        "Python 3 is needed for the acceptance tests", "cannot import " + String.join(", ", modules),
        INSTALL_HINT);
  }

  /**
   * Fails unless {@code command} runs (else: "cannot run", {@code needed}, the hint) and exits 0
   * (else: the interpreter, {@code cannot}, the hint and its output). {@link Node} checks this way.
   */
  static void require(List<String> command, Path workDir, String needed, String cannot, String hint) {
    Result result;
    try {
      result = run(command, null, workDir);
    } catch (IOException e) {
      fail("cannot run " + command.get(0) + " (" + e.getMessage() + "): " + needed + "; " + hint);
      return;
    }
    if (result.exitCode() != 0) {
      fail(command.get(0) + " " + cannot + ": " + hint + "\n" + result.output());
    }
  }

  /** Runs a script from src/test/python with the given arguments; output is stdout+stderr. */
  static Result script(String name, String... args) throws IOException {
    Path script = Dirs.python().resolve(name);
    List<String> command = new ArrayList<>(List.of(interpreter(), script.toString()));
    command.addAll(List.of(args));
    return run(command, null);
  }

  /** Runs a command, its output going to {@code outputFile} (or a temp file) to be read back. */
  static Result run(List<String> command, Path outputFile) throws IOException {
    return run(command, outputFile, null);
  }

  /** The same in {@code workDir} (null: this process's); {@link Node} runs its scripts this way. */
  static Result run(List<String> command, Path outputFile, Path workDir) throws IOException {
    Path output = outputFile != null ? outputFile : Files.createTempFile("stele-python", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    if (workDir != null) {
      builder.directory(workDir.toFile());
    }
    // No __pycache__ beside the scripts in src/test/python.
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process process = builder.start();
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
        fail(String.join(" ", command) + " did not finish in " + TIMEOUT_MINUTES + " minutes\n"
            + Files.readString(output, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted", e);
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    if (outputFile == null) {
      Files.deleteIfExists(output);
    }
    return new Result(process.exitValue(), text);
  }
}
