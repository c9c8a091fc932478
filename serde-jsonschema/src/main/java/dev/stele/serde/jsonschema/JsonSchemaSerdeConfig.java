package dev.stele.serde.jsonschema;

/**
 * The JSON Schema-only keys; the shared ones are in {@link dev.stele.serde.SerdeConfig} and the
 * registry connection keys in {@link dev.stele.client.ClientConfig}.
 */
public final class JsonSchemaSerdeConfig {
  /**
   * Validate data against its schema: on serialize (default true: data that breaks the schema
   * never reaches the topic) and on deserialize (default false: readers trust writers).
   * Confluent's serializer defaults this to false; set it so to match.
   */
  public static final String FAIL_INVALID_SCHEMA = "json.fail.invalid.schema";
  /** The schema (JSON text) to write with, instead of one derived from the value's class. Stele's key. */
  public static final String SCHEMA = "json.schema";
  /** The class values are read into (a POJO Jackson can bind); without it, a {@code JsonNode}. */
  public static final String VALUE_TYPE = "json.value.type";
  /** The same for keys. */
  public static final String KEY_TYPE = "json.key.type";

  private JsonSchemaSerdeConfig() {}
}
