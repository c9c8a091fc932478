package dev.stele.cli;

import dev.stele.schema.CompatibilityLevel;
import picocli.CommandLine;

/** A level name in any case, as the registry accepts it; a wrong one lists the seven. */
final class Levels implements CommandLine.ITypeConverter<CompatibilityLevel> {
  @Override
  public CompatibilityLevel convert(String value) {
    return CompatibilityLevel.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
        "'" + value + "' is not a compatibility level; use NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD,"
            + " FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE"));
  }
}
