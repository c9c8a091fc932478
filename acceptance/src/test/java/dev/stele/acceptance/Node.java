package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the JS scripts of src/test/js with Node.js, against the npm packages that
 * .ci/install-deps installs there from the lockfile ({@code npm ci}). As with {@link Python}, a
 * missing node or package fails the test with what to run: never a skip.
 */
final class Node {
  static final String INSTALL_HINT = "install them with .ci/install-deps (runs npm ci in"
      + " acceptance/src/test/js, from its package-lock.json; Node.js is node on PATH or whatever"
      + " STELE_NODE names)";

  private Node() {}

  /** src/test/js, beside src/test/python. */
  static Path dir() {
    return Dirs.python().resolveSibling("js");
  }

  /** STELE_NODE if set, else node from PATH. */
  static String interpreter() {
    String configured = System.getenv("STELE_NODE");
    return configured != null && !configured.isBlank() ? configured : "node";
  }

  /** Fails unless node runs and can load every package named from src/test/js/node_modules. */
  static void requirePackages(String... packages) {
    for (String name : packages) {
      if (!Files.isDirectory(dir().resolve("node_modules").resolve(name))) {
        fail(name + " is not installed in " + dir().resolve("node_modules") + ": " + INSTALL_HINT);
      }
    }
    StringBuilder load = new StringBuilder();
    for (String name : packages) {
      load.append("require('").append(name).append("');");
    }
    Python.require(List.of(interpreter(), "-e", load.toString()), dir(),
        "Node.js is needed for the JS acceptance tests", "cannot load " + String.join(", ", packages),
        INSTALL_HINT);
  }

  /** Runs a script from src/test/js with the given arguments; output is stdout+stderr. */
  static Python.Result script(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(interpreter(), dir().resolve(name).toString()));
    command.addAll(List.of(args));
    return Python.run(command, null, dir());
  }
}
