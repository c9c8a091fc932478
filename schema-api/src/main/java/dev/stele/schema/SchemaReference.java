package dev.stele.schema;

/**
 * A reference from one schema to a version of another subject: {@code name} is what the
 * referring schema calls it (an Avro full name, a Protobuf import path, a JSON {@code $ref} URL).
 * Name and subject may be null as a client sent them; the registry refuses such references with
 * a clear message rather than failing to read the request. Version -1 means the latest.
 */
public record SchemaReference(String name, String subject, int version) {
  /**
   * The Confluent registry's Java {@code toString} of a reference, which its error messages quote
   * and clients see: {@code {name='n', subject='s', version=1}}.
   */
  @Override
  public String toString() {
    return "{name='" + name + "', subject='" + subject + "', version=" + version + "}";
  }
}
