package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the recorded Confluent 7.9 corpus (../shared/conformance) against a fresh server. A
 * ratchet: every scenario listed in conformance-passing.txt must pass; the others are reported in
 * target/conformance-report.txt but do not fail the build until someone adds them to the list.
 */
class ConformanceAcceptanceTest {
  private static final Pattern SCENARIO_LINE = Pattern.compile("^(PASS|FAIL) (\\S+)\\s+(\\d+)/(\\d+)");
  private static final Pattern REQUESTS_LINE = Pattern.compile("^requests: (\\d+) of (\\d+) matched");

  @TempDir Path work;

  @Test
  void scenariosKnownToPassStillPass() throws IOException {
    Path runner = Dirs.shared().resolve("conformance/conformance.py");
    List<String> mustPass = ratchet();
    Python.requireModules("json", "http.client");
    Path report = Dirs.reports().resolve("conformance-report.txt");
    Files.createDirectories(report.getParent());

    Python.Result result;
    // The corpus records Confluent's defaults; Stele refuses invalid Avro field defaults unless
    // told to behave like Confluent, which is what this run measures (Stele's own default is
    // covered by the format and core tests).
    try (ServerProcess server = ServerProcess.start(work,
        Map.of("schema.providers.avro.validate.defaults", "false"))) {
      // The runner's own output goes to the report only: its closing "N passed, N failed" line
      // is about scenarios, and CI logs must show only test-runner summaries of that shape.
      Path data = Corpus.withSteleDeviations(work);
      // The runner wrapped so that fields Confluent 8.x added to answers (guid) are accepted.
      result = Python.run(List.of(Python.interpreter(), Dirs.python().resolve("conformance_85.py").toString(),
              runner.toString(), server.url(), "--wipe", "--data", data.toString()),
          report);
      server.stop();
    }

    Map<String, Boolean> outcomes = outcomes(result.output());
    Matcher requests = lastMatch(REQUESTS_LINE, result.output());
    assertThat(requests).as("the runner's summary in %s:%n%s", report, tail(result.output())).isNotNull();
    long passed = outcomes.values().stream().filter(p -> p).count();
    System.out.printf("conformance: %d of %d scenarios match Confluent 7.9, %s of %s requests"
        + " (details: %s)%n", passed, outcomes.size(), requests.group(1), requests.group(2), report);

    List<String> regressed = new ArrayList<>();
    for (String name : mustPass) {
      if (!Boolean.TRUE.equals(outcomes.get(name))) {
        regressed.add(name + (outcomes.containsKey(name) ? " fails" : " did not run (misspelt?)"));
      }
    }
    assertThat(regressed).as("scenarios listed in conformance-passing.txt; see %s", report).isEmpty();
  }

  /** Scenario name → passed, from lines like {@code PASS name  12/12}. */
  private static Map<String, Boolean> outcomes(String output) {
    Map<String, Boolean> outcomes = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      Matcher m = SCENARIO_LINE.matcher(line);
      if (m.find()) {
        outcomes.put(m.group(2), m.group(1).equals("PASS"));
      }
    }
    return outcomes;
  }

  private static Matcher lastMatch(Pattern pattern, String output) {
    Matcher found = null;
    for (String line : output.split("\n")) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        found = m;
      }
    }
    return found;
  }

  /** The scenario names in conformance-passing.txt: one per line, '#' starts a comment. */
  private static List<String> ratchet() throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = ConformanceAcceptanceTest.class.getResourceAsStream("/conformance-passing.txt")) {
      assertThat(in).as("conformance-passing.txt on the test class path").isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String name = line.replaceFirst("#.*", "").trim();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static String tail(String output) {
    return output.substring(Math.max(0, output.length() - 3000));
  }
}
