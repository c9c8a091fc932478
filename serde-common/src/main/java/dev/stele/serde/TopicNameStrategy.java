package dev.stele.serde;

/** {@code <topic>-key} or {@code <topic>-value}: the default, one schema history per topic. */
public final class TopicNameStrategy implements SubjectNameStrategy {
  @Override
  public String subjectName(String topic, boolean isKey, String recordName) {
    return topic + (isKey ? "-key" : "-value");
  }

  @Override
  public boolean usesRecordName() {
    return false;
  }
}
