package dev.stele.registry.model;

import dev.stele.schema.CompatibilityPolicy;
import java.util.Locale;

/**
 * Confluent 8.5's {@code compatibilityPolicy} config field. STRICT is the check every format
 * makes; LENIENT widens what JSON Schema counts compatible and is STRICT for Avro and Protobuf,
 * as in Confluent. LOGICAL (the native check plus Confluent's Flink/Iceberg logical-type rules,
 * a module of its own with a grammar for those types) is not built, so a config asking for it is
 * refused rather than stored and silently checked as STRICT.
 */
public final class CompatibilityPolicies {
  public static final String STRICT = "STRICT";
  public static final String LENIENT = "LENIENT";
  public static final String LOGICAL = "LOGICAL";

  private CompatibilityPolicies() {}

  /**
   * The stored spelling (upper case), or null for null.
   *
   * @throws IllegalArgumentException saying why, for LOGICAL or a name that is no policy
   */
  public static String check(String name) {
    if (name == null) {
      return null;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    return switch (upper) {
      case STRICT, LENIENT -> upper;
      case LOGICAL -> throw new IllegalArgumentException("compatibilityPolicy LOGICAL is not"
          + " supported by Stele (STRICT and LENIENT are): its Flink/Iceberg logical-type checks"
          + " are not built, and a policy that is stored but not applied would let schemas"
          + " through that LOGICAL refuses");
      default -> throw new IllegalArgumentException("Invalid compatibilityPolicy '" + Excerpt.of(name) + "'"
          + ": one of STRICT, LENIENT, LOGICAL");
    };
  }

  /**
   * The policy a check applies for a config's stored value: LENIENT when it says so, else
   * STRICT (unset, or a value another registry wrote into a shared log, which Stele's own
   * config updates never store).
   */
  public static CompatibilityPolicy of(String stored) {
    return LENIENT.equalsIgnoreCase(stored) ? CompatibilityPolicy.LENIENT : CompatibilityPolicy.STRICT;
  }
}
