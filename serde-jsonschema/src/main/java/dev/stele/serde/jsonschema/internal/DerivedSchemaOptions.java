package dev.stele.serde.jsonschema.internal;

import dev.stele.client.internal.ConfigValues;
import java.util.Locale;
import java.util.Map;

/**
 * How a serializer derives a schema from a POJO, from Confluent's keys.
 *
 * @param metaSchema the {@code $schema} written, from {@code json.schema.spec.version}
 * @param oneOfForNullables {@code json.oneof.for.nullables}: a nullable property is
 *     {@code oneOf [null, S]} (Confluent's form), else S with {@code "null"} added to its type
 * @param closed {@code json.fail.unknown.properties}: objects say {@code additionalProperties: false}
 * @param datesAsIso {@code json.write.dates.iso8601}: dates are ISO-8601 strings, not epoch milliseconds
 */
public record DerivedSchemaOptions(String metaSchema, boolean oneOfForNullables, boolean closed,
    boolean datesAsIso) {
  public static final String SPEC_VERSION = "json.schema.spec.version";
  public static final String ONEOF_FOR_NULLABLES = "json.oneof.for.nullables";
  public static final String FAIL_UNKNOWN_PROPERTIES = "json.fail.unknown.properties";
  public static final String WRITE_DATES_AS_ISO8601 = "json.write.dates.iso8601";

  public static final DerivedSchemaOptions DEFAULTS = new DerivedSchemaOptions(metaSchema("draft_7"), true, true,
      false);

  public static DerivedSchemaOptions of(Map<String, ?> configs) {
    ConfigValues values = new ConfigValues(configs);
    return new DerivedSchemaOptions(metaSchema(values.string(SPEC_VERSION, "draft_7")),
        values.bool(ONEOF_FOR_NULLABLES, true), values.bool(FAIL_UNKNOWN_PROPERTIES, true),
        values.bool(WRITE_DATES_AS_ISO8601, false));
  }

  /**
   * The meta-schema URI of one of the versions Confluent's serializer documents. Others fail:
   * Confluent's writes draft-07 for a version it does not list, which would be a quiet surprise.
   */
  static String metaSchema(String version) {
    return switch (version.trim().toLowerCase(Locale.ROOT)) {
      case "draft_4" -> "http://json-schema.org/draft-04/schema#";
      case "draft_6" -> "http://json-schema.org/draft-06/schema#";
      case "draft_7" -> "http://json-schema.org/draft-07/schema#";
      case "draft_2019_09" -> "https://json-schema.org/draft/2019-09/schema";
      default -> throw new IllegalArgumentException(SPEC_VERSION + "=" + version + " is not supported: use draft_4,"
          + " draft_6, draft_7 or draft_2019_09");
    };
  }
}
