package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find their inputs; the pom passes the paths as system properties. */
final class Dirs {
  private Dirs() {}

  /** ../shared beside the repository root: samples and the conformance corpus. */
  static Path shared() {
    Path dir = fromProperty("stele.shared.dir", "../../shared");
    if (!Files.isDirectory(dir.resolve("samples")) || !Files.isDirectory(dir.resolve("conformance"))) {
      fail("the shared directory (samples/ and conformance/) is not at " + dir + ": the tests expect"
          + " it as ../shared beside the repository root (set -Dstele.shared.dir=... otherwise)");
    }
    return dir;
  }

  static Path samples() {
    return shared().resolve("samples");
  }

  static Path python() {
    return fromProperty("stele.python.dir", "src/test/python");
  }

  /** Where reports are written: the module's target/ directory. */
  static Path reports() {
    return fromProperty("stele.report.dir", "target");
  }

  private static Path fromProperty(String name, String fallback) {
    return Path.of(System.getProperty(name, fallback)).toAbsolutePath().normalize();
  }
}
