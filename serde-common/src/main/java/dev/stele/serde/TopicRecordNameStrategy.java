package dev.stele.serde;

/** {@code <topic>-<record full name>}: several record types in one topic, each with its history. */
public final class TopicRecordNameStrategy implements SubjectNameStrategy {
  private final RecordNameStrategy records = new RecordNameStrategy();

  @Override
  public String subjectName(String topic, boolean isKey, String recordName) {
    return topic + "-" + records.subjectName(topic, isKey, recordName);
  }
}
