package dev.stele.schema;

import java.util.Locale;

/**
 * The Confluent registry's words around a compatibility verdict, beyond each incompatibility's own
 * message: the old version it quotes, the config echo that ends the list, the different-type
 * line. In schema-api rather than at the HTTP edge because two edges speak them: the server's
 * answers (registry-http) and the command-line tool's local {@code stele check}, which must read
 * exactly as the server would (docs/decisions/0012).
 */
public final class CompatibilityWording {
  public static final String DIFFERENT_TYPE = "Incompatible because of different schema type";
  /** The Confluent registry quotes at most this much of an old schema. */
  public static final int MAX_QUOTED_SCHEMA = 10 * 1024;

  private CompatibilityWording() {}

  /**
   * Whether the list quotes the old version after this pair's incompatibilities: after a one-way
   * check always, after a mutual one only when the new schema cannot read the old.
   */
  public static boolean quotesOld(CompatibilityLevel level, CompatibilityResult pair) {
    if (!level.newReadsOld()) {
      return true;
    }
    return pair.incompatibilities().stream().anyMatch(found -> found.roles() == SchemaFormat.Roles.NEW_READS_OLD);
  }

  public static String oldSchemaVersion(int version) {
    return "{oldSchemaVersion: " + version + "}";
  }

  public static String oldSchema(String old) {
    if (old.length() <= MAX_QUOTED_SCHEMA) {
      return "{oldSchema: '" + old + "'}";
    }
    return "{oldSchema: <truncated to " + MAX_QUOTED_SCHEMA + " characters> '"
        + old.substring(0, MAX_QUOTED_SCHEMA) + "'}";
  }

  /** The last message of an incompatible verdict. */
  public static String configEcho(boolean validateFields, CompatibilityLevel level) {
    return "{validateFields: '" + validateFields + "', compatibility: '"
        + level.name().toUpperCase(Locale.ROOT) + "'}";
  }
}
