package dev.stele.bench;

import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaFormat.Roles;
import dev.stele.schema.SchemaSource;
import java.util.ArrayList;
import java.util.List;

/**
 * What the compatibility benchmarks time, on one subject's history and a new version: the history
 * is parsed once, leniently as the server parses stored versions (its parsed-schema cache, warm);
 * the candidate strictly, as a registration parses the submitted schema.
 */
final class TransitiveCase {
  private final SchemaFormat format;
  private final List<String> historyTexts;
  private final List<ParsedSchema> history = new ArrayList<>();
  private final String candidateText;
  private final ParsedSchema candidate;

  TransitiveCase(SchemaFormat format, List<String> historyTexts, String candidateText)
      throws InvalidSchemaException {
    this.format = format;
    this.historyTexts = List.copyOf(historyTexts);
    this.candidateText = candidateText;
    for (String text : historyTexts) {
      history.add(format.parse(stored(text)));
    }
    this.candidate = parseCandidate();
  }

  /** Parsing and validating the submitted schema. */
  ParsedSchema parseCandidate() throws InvalidSchemaException {
    return format.parse(SchemaSource.of(candidateText));
  }

  /** FULL (not transitive): the candidate against the latest version, both ways. */
  CompatibilityResult latestBothWays() {
    ParsedSchema latest = history.get(history.size() - 1);
    return format.checkCanRead(candidate, latest, Roles.NEW_READS_OLD)
        .merge(format.checkCanRead(latest, candidate, Roles.OLD_READS_NEW));
  }

  /**
   * FULL_TRANSITIVE with the parsed history cached: newest version first, old reads new, then new
   * reads old, every result merged (no check stops early).
   */
  CompatibilityResult fullTransitive() {
    CompatibilityResult result = CompatibilityResult.COMPATIBLE;
    for (int i = history.size() - 1; i >= 0; i--) {
      ParsedSchema old = history.get(i);
      result = result.merge(format.checkCanRead(old, candidate, Roles.OLD_READS_NEW))
          .merge(format.checkCanRead(candidate, old, Roles.NEW_READS_OLD));
    }
    return result;
  }

  /** The cold-cache cost: parsing every stored version once; returns the canonical lengths' sum. */
  int parseHistory() throws InvalidSchemaException {
    int length = 0;
    for (String text : historyTexts) {
      length += format.parse(stored(text)).canonical().length();
    }
    return length;
  }

  private static SchemaSource stored(String text) {
    return new SchemaSource(text, List.<ResolvedReference>of(), false);
  }
}
