package dev.stele.http;

import dev.stele.registry.model.Results;
import dev.stele.registry.model.IncompatibleSchemaException;
import dev.stele.registry.model.Results.Compatibility;
import dev.stele.registry.model.Results.Problem;
import dev.stele.registry.model.Results.VersionConflict;
import dev.stele.schema.CompatibilityWording;
import dev.stele.schema.Incompatibility;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a compatibility outcome as the Confluent registry's list of messages: the problems,
 * then per failing version its incompatibilities, {@code {oldSchemaVersion: n}} and
 * {@code {oldSchema: '...'}}, then the config echo. Used by the compatibility endpoint and the
 * 409 answer of a registration: the core hands over the typed result, the words are made here
 * (the pieces the command-line tool speaks too are schema-api's {@link CompatibilityWording}).
 */
final class CompatibilityMessages {
  static final String DIFFERENT_TYPE = CompatibilityWording.DIFFERENT_TYPE;

  private CompatibilityMessages() {}

  /** The 409 message of a registration refused as incompatible. */
  static String incompatible(IncompatibleSchemaException e) {
    return e.getMessage() + ", details: [" + String.join(", ", render(e.result())) + "]";
  }

  static List<String> render(Compatibility result) {
    List<String> messages = new ArrayList<>();
    for (Problem problem : result.problems()) {
      // Java 17 has no pattern switch; the interface is sealed, so these are all the cases.
      messages.add(problem instanceof Problem.Unparsable unparsable ? ErrorMapper.wording(unparsable.error())
          : DIFFERENT_TYPE);
    }
    for (VersionConflict conflict : result.conflicts()) {
      for (Incompatibility incompatibility : conflict.incompatibilities()) {
        messages.add(incompatibility.message());
      }
      if (conflict.quotesOld()) {
        messages.add(CompatibilityWording.oldSchemaVersion(conflict.oldVersion()));
        messages.add(CompatibilityWording.oldSchema(conflict.oldSchema()));
      }
    }
    if (!result.isCompatible()) {
      messages.add(CompatibilityWording.configEcho(result.validateFields(), result.level()));
    }
    return messages;
  }
}
