package dev.stele.serde.rules.encryption.testdata;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** A patient as Avro's code generator writes a SpecificRecord: a PII string and PII bytes. */
public class Patient extends SpecificRecordBase {
  public static final Schema SCHEMA$ = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Patient\",\"namespace\":\"dev.stele.serde.rules.encryption.testdata\","
          + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
          + "{\"name\":\"diagnosis\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"},"
          + "\"confluent:tags\":[\"PII\"]},"
          + "{\"name\":\"scan\",\"type\":\"bytes\",\"confluent:tags\":[\"PII\"]}]}");

  public long id;
  public String diagnosis;
  public ByteBuffer scan;

  public Patient() {}

  public Patient(long id, String diagnosis, ByteBuffer scan) {
    this.id = id;
    this.diagnosis = diagnosis;
    this.scan = scan;
  }

  @Override
  public Schema getSchema() {
    return SCHEMA$;
  }

  @Override
  public Object get(int field) {
    return switch (field) {
      case 0 -> id;
      case 1 -> diagnosis;
      case 2 -> scan;
      default -> throw new IndexOutOfBoundsException("no field " + field);
    };
  }

  @Override
  public void put(int field, Object value) {
    switch (field) {
      case 0 -> id = (Long) value;
      case 1 -> diagnosis = value == null ? null : value.toString();
      case 2 -> scan = (ByteBuffer) value;
      default -> throw new IndexOutOfBoundsException("no field " + field);
    }
  }
}
