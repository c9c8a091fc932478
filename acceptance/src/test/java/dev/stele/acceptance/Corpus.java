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
 * work directory and the runner reads it with --data. A deviation naming a {@code step} goes to
 * allowed.json; one naming a {@code field} (one Confluent 8.x added to its answers) goes to
 * extra-fields.json, which conformance_85.py applies around the runner.
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
    ArrayNode extraFields = JSON.createArrayNode();
    try (InputStream ours = Corpus.class.getResourceAsStream("/conformance-deviations.json")) {
      if (ours == null) {
        throw new IOException("conformance-deviations.json is not on the test class path");
      }
      for (JsonNode deviation : JSON.readTree(ours)) {
        (deviation.has("field") ? extraFields : allowed).add(deviation);
      }
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(data.resolve("allowed.json").toFile(), allowed);
    JSON.writerWithDefaultPrettyPrinter().writeValue(data.resolve("extra-fields.json").toFile(), extraFields);
    return data;
  }
}
