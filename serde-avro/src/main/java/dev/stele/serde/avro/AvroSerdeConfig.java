package dev.stele.serde.avro;

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

  private AvroSerdeConfig() {}
}
