package dev.stele.serde.avro;

import dev.stele.serde.avro.internal.DataModels;

/**
 * The Avro-only keys; the shared ones are in {@link dev.stele.serde.SerdeConfig} and the
 * registry connection keys in {@link dev.stele.client.ClientConfig}.
 */
public final class AvroSerdeConfig {
  /** Decode into the generated SpecificRecord class named by the writer schema (default false). */
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  /**
   * A reader schema (Avro JSON text) to resolve every writer schema against, for consumers that
   * want one shape whatever version was written. Stele's key: Confluent passes it in code.
   */
  public static final String READER_SCHEMA = "avro.reader.schema";

  /**
   * Deserializer: with {@code specific.avro.reader=true}, the SpecificRecord class values are read
   * into, whatever class the writer schema names.
   */
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
  /** The same for keys. */
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
  /** Logical types as Java types (Instant, LocalDate, BigDecimal, UUID...) in generic and reflected data. */
  public static final String USE_LOGICAL_TYPE_CONVERTERS = DataModels.LOGICAL_TYPE_CONVERTERS;
  /** Plain Java objects are written, and records read, through Avro's ReflectData (default false). */
  public static final String SCHEMA_REFLECTION = DataModels.SCHEMA_REFLECTION;
  /** With schema.reflection, every field of a reflected schema may be null (default false). */
  public static final String REFLECTION_ALLOW_NULL = DataModels.REFLECTION_ALLOW_NULL;
  /** Serializer: register schemas without their avro.java.string properties (default false). */
  public static final String REMOVE_JAVA_PROPERTIES = "avro.remove.java.properties";

  private AvroSerdeConfig() {}
}
