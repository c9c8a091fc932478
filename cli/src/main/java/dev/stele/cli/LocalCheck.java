package dev.stele.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.CompatibilityWording;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * A compatibility level applied to a new schema and earlier ones held in files, worded as the
 * registry's verbose compatibility answer for a subject holding those versions: the history walk
 * is the core's (newest first, latest only unless transitive, stop at the first failing version),
 * the pair rule and the words are schema-api's, shared with the server (decision 0012).
 */
final class LocalCheck {
  private LocalCheck() {}

  /** The registry's {@code {"is_compatible", "messages"}}. */
  record Verdict(@JsonProperty("is_compatible") boolean compatible, List<String> messages) {}

  /** @param previous the earlier versions, oldest first: version 1, 2, ... */
  static Verdict check(SchemaFormat format, ParsedSchema candidate, List<ParsedSchema> previous,
      CompatibilityLevel level) {
    if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
      return new Verdict(true, List.of());
    }
    int from = level.transitive() ? 0 : previous.size() - 1;
    List<String> messages = new ArrayList<>();
    for (int i = previous.size() - 1; i >= from; i--) {
      ParsedSchema old = previous.get(i);
      CompatibilityResult pair = level.compare(format, candidate, old);
      if (!pair.isCompatible()) {
        for (Incompatibility found : pair.incompatibilities()) {
          messages.add(found.message());
        }
        if (CompatibilityWording.quotesOld(level, pair)) {
          messages.add(CompatibilityWording.oldSchemaVersion(i + 1));
          messages.add(CompatibilityWording.oldSchema(old.canonical()));
        }
        messages.add(CompatibilityWording.configEcho(false, level));
        return new Verdict(false, messages);
      }
    }
    return new Verdict(true, List.of());
  }
}
