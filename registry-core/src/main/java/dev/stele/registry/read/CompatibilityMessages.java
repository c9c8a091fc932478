package dev.stele.registry.read;

import dev.stele.registry.model.Results.Compatibility;
import dev.stele.registry.model.Results.VersionConflict;
import dev.stele.registry.model.Results;
import dev.stele.schema.Incompatibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a compatibility outcome as the Confluent registry's list of messages: the problems,
 * then per failing version its incompatibilities, {@code {oldSchemaVersion: n}} and
 * {@code {oldSchema: '...'}}, then the config echo. Used by the compatibility endpoint and the
 * 409 answer of a registration.
 */
public final class CompatibilityMessages {
  /** The Confluent registry quotes at most this much of an old schema. */
  private static final int MAX_QUOTED_SCHEMA = 10 * 1024;

  private CompatibilityMessages() {}

  public static List<String> render(Compatibility result) {
    List<String> messages = new ArrayList<>(result.problems());
    for (VersionConflict conflict : result.conflicts()) {
      for (Incompatibility incompatibility : conflict.incompatibilities()) {
        messages.add(incompatibility.message());
      }
      if (conflict.quotesOld()) {
        messages.add("{oldSchemaVersion: " + conflict.oldVersion() + "}");
        messages.add(quote(conflict.oldSchema()));
      }
    }
    if (!result.isCompatible()) {
      messages.add("{validateFields: '" + result.validateFields() + "', compatibility: '"
          + result.level().name().toUpperCase(Locale.ROOT) + "'}");
    }
    return messages;
  }

  private static String quote(String old) {
    if (old.length() <= MAX_QUOTED_SCHEMA) {
      return "{oldSchema: '" + old + "'}";
    }
    return "{oldSchema: <truncated to " + MAX_QUOTED_SCHEMA + " characters> '"
        + old.substring(0, MAX_QUOTED_SCHEMA) + "'}";
  }
}
