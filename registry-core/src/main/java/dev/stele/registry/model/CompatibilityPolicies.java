package dev.stele.registry.model;

import java.util.Locale;

/**
 * Confluent 8.5's {@code compatibilityPolicy} config field. STRICT is the check every format
 * makes. LENIENT (JSON Schema: properties added to an open content model pass) and LOGICAL (the
 * native check plus Flink/Iceberg logical-type rules) are not built, so a config asking for them
 * is refused rather than stored and silently ignored.
 */
public final class CompatibilityPolicies {
  public static final String STRICT = "STRICT";

  private CompatibilityPolicies() {}

  /**
   * The stored spelling (upper case), or null for null.
   *
   * @throws IllegalArgumentException saying why, for any name but STRICT
   */
  public static String check(String name) {
    if (name == null) {
      return null;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    return switch (upper) {
      case STRICT -> upper;
      case "LENIENT", "LOGICAL" -> throw new IllegalArgumentException("compatibilityPolicy "
          + upper + " is not supported by Stele (only STRICT is): its checks are not built, and a"
          + " policy that is stored but not applied would let incompatible schemas through");
      default -> throw new IllegalArgumentException("Invalid compatibilityPolicy '" + Excerpt.of(name) + "'"
          + ": one of STRICT, LENIENT, LOGICAL");
    };
  }
}
