package dev.stele.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A compatibility level applied to a new schema and a history the caller holds (files, not a
 * registry's state), worded as the registry's verbose answer for a subject holding those versions:
 * newest first, the latest only unless transitive, stopping at the first failing version. Shared
 * by the tools that check without a server (the CLI's {@code stele check}, the Maven plugin's
 * {@code test-local-compatibility}); the core walks its own state's versions (decision 0012).
 */
public final class HistoryCheck {
  private HistoryCheck() {}

  /** The registry's {@code {"is_compatible", "messages"}}; messages are empty when compatible. */
  public record Verdict(boolean compatible, List<String> messages) {
    public Verdict {
      messages = List.copyOf(messages);
    }
  }

  /** @param previous the earlier versions, oldest first: version 1, 2, ... */
  public static Verdict check(SchemaFormat format, ParsedSchema candidate, List<ParsedSchema> previous,
      CompatibilityLevel level) {
    return check(format, candidate, previous, level, CompatibilityPolicy.STRICT);
  }

  /** {@link #check(SchemaFormat, ParsedSchema, List, CompatibilityLevel)} under a policy. */
  public static Verdict check(SchemaFormat format, ParsedSchema candidate, List<ParsedSchema> previous,
      CompatibilityLevel level, CompatibilityPolicy policy) {
    if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
      return new Verdict(true, List.of());
    }
    int from = level.transitive() ? 0 : previous.size() - 1;
    for (int i = previous.size() - 1; i >= from; i--) {
      ParsedSchema old = previous.get(i);
      CompatibilityResult pair = level.compare(format, candidate, old, policy);
      if (!pair.isCompatible()) {
        List<String> messages = new ArrayList<>();
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
