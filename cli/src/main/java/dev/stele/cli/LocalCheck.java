package dev.stele.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.CompatibilityPolicy;
import dev.stele.schema.HistoryCheck;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaFormat;
import java.util.List;

/**
 * schema-api's {@link HistoryCheck} over schemas read from files, answered in the registry's JSON
 * field names for {@code --output json}.
 */
final class LocalCheck {
  private LocalCheck() {}

  /** The registry's {@code {"is_compatible", "messages"}}. */
  record Verdict(@JsonProperty("is_compatible") boolean compatible, List<String> messages) {}

  /** @param previous the earlier versions, oldest first: version 1, 2, ... */
  static Verdict check(SchemaFormat format, ParsedSchema candidate, List<ParsedSchema> previous,
      CompatibilityLevel level, CompatibilityPolicy policy) {
    HistoryCheck.Verdict verdict = HistoryCheck.check(format, candidate, previous, level, policy);
    return new Verdict(verdict.compatible(), verdict.messages());
  }
}
