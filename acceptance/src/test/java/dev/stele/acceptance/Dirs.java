package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find their inputs; the pom passes the paths as system properties. */
final class Dirs {
  private Dirs() {}

  /**
   * ../shared beside the repository root, for the recorded conformance corpus. Only the
   * conformance profile's test reads it: a clone with nothing beside it runs every other test.
   */
  static Path shared() {
    Path dir = fromProperty("stele.shared.dir", "../../shared");
    if (!Files.isDirectory(dir.resolve("conformance"))) {
      fail("the conformance corpus is not at " + dir.resolve("conformance") + ": the conformance"
          + " profile expects ../shared beside the repository root (set -Dstele.shared.dir=...)");
    }
    return dir;
  }

  /** The repository's own samples (src/test/resources/samples): configs and schemas users bring. */
  static Path samples() {
    return fromProperty("stele.samples.dir", "src/test/resources/samples");
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
