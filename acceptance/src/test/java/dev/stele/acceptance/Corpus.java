package dev.stele.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The conformance corpus as Stele runs it: ../shared/conformance's recordings, with Stele's own
 * deliberate deviations (conformance-deviations.json, each with its reason) added to the
 * deviations the corpus already allows. shared/ is read-only, so the merged copy goes to a
 * work directory and the runner reads it with --data.
 */
final class Corpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Corpus() {}

  static Path withSteleDeviations(Path work) throws IOException {
    Path recorded = Dirs.shared().resolve("conformance");
    Path data = Files.createDirectories(work.resolve("corpus"));
    for (String file : new String[] {"scenarios.json", "golden.json"}) {
      Files.copy(recorded.resolve(file), data.resolve(file));
    }
    ArrayNode allowed = (ArrayNode) JSON.readTree(recorded.resolve("allowed.json").toFile());
    try (InputStream ours = Corpus.class.getResourceAsStream("/conformance-deviations.json")) {
      if (ours == null) {
        throw new IOException("conformance-deviations.json is not on the test class path");
      }
      for (JsonNode deviation : JSON.readTree(ours)) {
        allowed.add(deviation);
      }
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(data.resolve("allowed.json").toFile(), allowed);
    return data;
  }
}
