package dev.stele.registry.model;

/**
 * One version of a subject.
 *
 * @param timestamp epoch millis of the record that wrote it
 */
public record SchemaVersion(
    String subject, int version, StoredSchema schema, boolean deleted, long timestamp) {

  public int id() {
    return schema.id();
  }
}
