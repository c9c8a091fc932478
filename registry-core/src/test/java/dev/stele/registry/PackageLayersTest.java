package dev.stele.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's packages form layers, read off the compiled classes by the JDK's {@code jdeps} (so
 * a reference in a comment does not count, a real one does). A package may use only the layers
 * below it; a new dependency that breaks this is a design change: update the table and
 * docs/architecture.md together.
 */
class PackageLayersTest {
  private static final String CORE = "dev.stele.registry";

  /** Each package and the core packages it may use. */
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "model", Set.of(),
      "cluster", Set.of(),
      "log", Set.of("model"),
      "state", Set.of("model", "log"),
      "parse", Set.of("model", "log", "state"),
      "read", Set.of("model", "log", "state", "parse"),
      "write", Set.of("model", "log", "state", "parse", "read"),
      "", Set.of("model", "log", "state", "parse", "read", "write", "cluster"));

  private static Map<String, Set<String>> uses;

  @BeforeAll
  static void readDependencies() {
    Path classes = Path.of("target/classes");
    assertThat(Files.isDirectory(classes)).as("compiled classes at %s", classes.toAbsolutePath()).isTrue();
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none",
        classes.toString());
    assertThat(exit).as(out.toString()).isZero();
    uses = new TreeMap<>();
    Matcher edge = Pattern.compile("^\\s+(dev\\.stele\\.registry[\\w.]*)\\s+->\\s+(dev\\.stele\\.registry[\\w.]*)\\s",
        Pattern.MULTILINE).matcher(out.toString());
    while (edge.find()) {
      String from = local(edge.group(1));
      String to = local(edge.group(2));
      uses.computeIfAbsent(from, k -> new TreeSet<>());
      if (!from.equals(to)) {
        uses.get(from).add(to);
      }
    }
  }

  @Test
  void jdepsSawTheCorePackages() {
    assertThat(uses.keySet()).containsAll(ALLOWED.keySet());
  }

  @Test
  void everyPackageUsesOnlyTheLayersBelowIt() {
    for (Map.Entry<String, Set<String>> entry : uses.entrySet()) {
      assertThat(ALLOWED).as("package '%s' has a place in the layer table", entry.getKey())
          .containsKey(entry.getKey());
      assertThat(ALLOWED.get(entry.getKey()))
          .as("what %s.%s may use", CORE, entry.getKey())
          .containsAll(entry.getValue());
    }
  }

  @Test
  void noPackageCycles() {
    for (String start : uses.keySet()) {
      assertThat(reachable(start, new TreeSet<>())).as("%s reaches itself", start).doesNotContain(start);
    }
  }

  private static Set<String> reachable(String from, Set<String> seen) {
    for (String next : uses.getOrDefault(from, Set.of())) {
      if (seen.add(next)) {
        reachable(next, seen);
      }
    }
    return seen;
  }

  private static String local(String pkg) {
    return pkg.equals(CORE) ? "" : pkg.substring(CORE.length() + 1);
  }
}
