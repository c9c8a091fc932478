package dev.stele.serde.rules.cel.testdata;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** The Student of the data contract examples as a SpecificRecord, written as Avro's code generator writes them. */
public class Student extends SpecificRecordBase {
  public static final Schema SCHEMA$ = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Student\",\"namespace\":\"dev.stele.serde.rules.cel.testdata\",\"fields\":["
          + "{\"name\":\"name\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"}},"
          + "{\"name\":\"class\",\"type\":\"int\"},"
          + "{\"name\":\"ssn\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"},"
          + "\"confluent:tags\":[\"PII\"]}]}");

  public String name;
  public int klass;
  public String ssn;

  public Student() {}

  public Student(String name, int klass, String ssn) {
    this.name = name;
    this.klass = klass;
    this.ssn = ssn;
  }

  @Override
  public Schema getSchema() {
    return SCHEMA$;
  }

  @Override
  public Object get(int field) {
    return switch (field) {
      case 0 -> name;
      case 1 -> klass;
      case 2 -> ssn;
      default -> throw new IndexOutOfBoundsException("no field " + field);
    };
  }

  @Override
  public void put(int field, Object value) {
    switch (field) {
      case 0 -> name = value == null ? null : value.toString();
      case 1 -> klass = (Integer) value;
      case 2 -> ssn = value == null ? null : value.toString();
      default -> throw new IndexOutOfBoundsException("no field " + field);
    }
  }
}
