package dev.stele.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The record's full name: one schema history per record type, across topics. */
public final class RecordNameStrategy implements SubjectNameStrategy {
  @Override
  public String subjectName(String topic, boolean isKey, String recordName) {
    if (recordName == null) {
      throw new SerializationException("RecordNameStrategy needs a named schema (a record or message), "
          + "but the " + (isKey ? "key" : "value") + " for topic '" + topic + "' has none");
    }
    return recordName;
  }
}
