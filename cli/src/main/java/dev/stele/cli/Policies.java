package dev.stele.cli;

import dev.stele.schema.CompatibilityPolicy;
import java.util.Locale;
import picocli.CommandLine;

/** A compatibility policy name in any case, as the registry's config accepts it. */
final class Policies implements CommandLine.ITypeConverter<CompatibilityPolicy> {
  @Override
  public CompatibilityPolicy convert(String value) {
    try {
      return CompatibilityPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      // LOGICAL is named apart: the registry refuses it too (its logical-type checks are not built).
      throw new CommandLine.TypeConversionException("'" + value + "' is not a supported compatibility"
          + " policy; use STRICT or LENIENT (LOGICAL's logical-type checks are not built)");
    }
  }
}
