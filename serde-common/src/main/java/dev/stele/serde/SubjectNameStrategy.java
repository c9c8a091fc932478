package dev.stele.serde;

/**
 * Picks the subject a record's schema is registered under (API.md §5.2). Implementations need
 * a public no-argument constructor: they are named by class in {@code key.subject.name.strategy}
 * and {@code value.subject.name.strategy}.
 */
public interface SubjectNameStrategy {

  /**
   * @param recordName the schema's full name (Avro record, Protobuf message, JSON {@code title}),
   *     or null when the schema has none (an Avro primitive)
   */
  String subjectName(String topic, boolean isKey, String recordName);

  /**
   * This strategy for one serde, with its registry client and settings: a strategy that asks the
   * registry ({@link AssociatedNameStrategy}) returns a bound copy; the others are themselves.
   */
  default SubjectNameStrategy bind(dev.stele.client.SchemaRegistryClient client, java.util.Map<String, ?> configs) {
    return this;
  }

  /** Whether the subject depends only on the topic, so a serde may cache it per topic. */
  default boolean usesRecordName() {
    return true;
  }
}
