package dev.stele.serde.jsonschema;

import dev.stele.serde.jsonschema.internal.DerivedSchemaOptions;

/**
 * The JSON Schema-only keys; the shared ones are in {@link dev.stele.serde.SerdeConfig} and the
 * registry connection keys in {@link dev.stele.client.ClientConfig}.
 */
public final class JsonSchemaSerdeConfig {
  /** Validate data against its schema on serialize and on deserialize; off by default, as in Confluent. */
  public static final String FAIL_INVALID_SCHEMA = "json.fail.invalid.schema";
  /** The schema (JSON text) to write with, instead of one derived from the value's class. Stele's key. */
  public static final String SCHEMA = "json.schema";
  /** The class values are read into (a POJO Jackson can bind); without it, a {@code JsonNode}. */
  public static final String VALUE_TYPE = "json.value.type";
  /** The same for keys. */
  public static final String KEY_TYPE = "json.key.type";

  /**
   * Reading into a class fails on a property the class lacks (default true); a derived schema
   * refuses properties the class lacks ({@code additionalProperties: false}).
   */
  public static final String FAIL_UNKNOWN_PROPERTIES = DerivedSchemaOptions.FAIL_UNKNOWN_PROPERTIES;
  /** Serializer: dates as ISO-8601 strings rather than epoch milliseconds (default false). */
  public static final String WRITE_DATES_AS_ISO8601 = DerivedSchemaOptions.WRITE_DATES_AS_ISO8601;
  /** Serializer: the draft of derived schemas: draft_4, draft_6, draft_7 (default) or draft_2019_09. */
  public static final String SCHEMA_SPEC_VERSION = DerivedSchemaOptions.SPEC_VERSION;
  /** Serializer: derived schemas allow null as {@code oneOf [null, S]} (default true), else by a type union. */
  public static final String ONEOF_FOR_NULLABLES = DerivedSchemaOptions.ONEOF_FOR_NULLABLES;

  private JsonSchemaSerdeConfig() {}
}
