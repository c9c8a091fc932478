package dev.stele.serde.avro.testdata;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** A SpecificRecord written the way Avro's code generator writes them, for the specific-reader tests. */
public class Payment extends SpecificRecordBase {
  public static final Schema SCHEMA$ = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"dev.stele.serde.avro.testdata\","
          + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\"}]}");

  public CharSequence id;
  public double amount;

  public Payment() {}

  public Payment(CharSequence id, double amount) {
    this.id = id;
    this.amount = amount;
  }

  @Override
  public Schema getSchema() {
    return SCHEMA$;
  }

  @Override
  public Object get(int field) {
    return switch (field) {
      case 0 -> id;
      case 1 -> amount;
      default -> throw new IndexOutOfBoundsException("no field " + field);
    };
  }

  @Override
  public void put(int field, Object value) {
    switch (field) {
      case 0 -> id = (CharSequence) value;
      case 1 -> amount = (Double) value;
      default -> throw new IndexOutOfBoundsException("no field " + field);
    }
  }
}
