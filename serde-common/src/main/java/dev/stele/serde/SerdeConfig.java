package dev.stele.serde;

import dev.stele.client.ClientConfig;
import dev.stele.client.internal.ConfigValues;
import dev.stele.serde.internal.Strategies;
import java.util.HashMap;
import java.util.Map;

/**
 * The serializer and deserializer settings every format shares, read from the same keys and
 * with the same defaults as Confluent's (API.md §5.2). Registry connection keys are read by
 * {@link ClientConfig}.
 */
public record SerdeConfig(boolean autoRegister, boolean useLatestVersion, boolean latestCompatibilityStrict,
    int useSchemaId, boolean normalize, SubjectNameStrategy keyStrategy, SubjectNameStrategy valueStrategy,
    boolean idCompatibilityStrict, Map<String, String> latestWithMetadata) {

  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
  public static final String USE_SCHEMA_ID = "use.schema.id";
  public static final String ID_COMPATIBILITY_STRICT = "id.compatibility.strict";
  public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
  public static final String USE_LATEST_WITH_METADATA = "use.latest.with.metadata";

  public SerdeConfig {
    latestWithMetadata = latestWithMetadata == null ? Map.of() : Map.copyOf(latestWithMetadata);
  }

  /** The settings without {@code use.latest.with.metadata}. */
  public SerdeConfig(boolean autoRegister, boolean useLatestVersion, boolean latestCompatibilityStrict,
      int useSchemaId, boolean normalize, SubjectNameStrategy keyStrategy, SubjectNameStrategy valueStrategy,
      boolean idCompatibilityStrict) {
    this(autoRegister, useLatestVersion, latestCompatibilityStrict, useSchemaId, normalize, keyStrategy,
        valueStrategy, idCompatibilityStrict, Map.of());
  }

  /** The settings before {@code id.compatibility.strict} was read: checked, as Confluent's default. */
  public SerdeConfig(boolean autoRegister, boolean useLatestVersion, boolean latestCompatibilityStrict,
      int useSchemaId, boolean normalize, SubjectNameStrategy keyStrategy, SubjectNameStrategy valueStrategy) {
    this(autoRegister, useLatestVersion, latestCompatibilityStrict, useSchemaId, normalize, keyStrategy,
        valueStrategy, true);
  }

  public static SerdeConfig fromMap(Map<String, ?> configs) {
    ConfigValues values = new ConfigValues(configs);
    return new SerdeConfig(
        values.bool(AUTO_REGISTER_SCHEMAS, true),
        values.bool(USE_LATEST_VERSION, false),
        values.bool(LATEST_COMPATIBILITY_STRICT, true),
        values.intValue(USE_SCHEMA_ID, -1),
        values.bool(NORMALIZE_SCHEMAS, false),
        Strategies.load(KEY_SUBJECT_NAME_STRATEGY, values.string(KEY_SUBJECT_NAME_STRATEGY, null)),
        Strategies.load(VALUE_SUBJECT_NAME_STRATEGY, values.string(VALUE_SUBJECT_NAME_STRATEGY, null)),
        values.bool(ID_COMPATIBILITY_STRICT, true),
        pairs(USE_LATEST_WITH_METADATA, values.string(USE_LATEST_WITH_METADATA, null)));
  }

  /** {@code k1=v1,k2=v2} as Confluent's map settings are written; an entry without '=' is refused. */
  static Map<String, String> pairs(String key, String text) {
    Map<String, String> pairs = new java.util.LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return pairs;
    }
    for (String entry : text.split(",")) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(key + " must be key=value pairs separated by commas, not '" + text + "'");
      }
      pairs.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
    }
    return pairs;
  }

  public SubjectNameStrategy strategy(boolean isKey) {
    return isKey ? keyStrategy : valueStrategy;
  }

  /**
   * The client settings for a serde: as given, except that the latest version is cached until
   * evicted unless asked otherwise ({@code latest.cache.ttl.sec} is -1 for serdes, §5.2).
   */
  public static ClientConfig clientConfig(Map<String, ?> configs) {
    Map<String, Object> copy = new HashMap<>(configs);
    copy.putIfAbsent(ClientConfig.LATEST_CACHE_TTL_SEC, -1);
    return ClientConfig.fromMap(copy);
  }
}
