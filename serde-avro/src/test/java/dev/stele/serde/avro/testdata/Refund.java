package dev.stele.serde.avro.testdata;

import org.apache.avro.Schema;

/**
 * A generated-style class whose schema is not the writer's name but reads it through an alias
 * ({@code acme.Payment}), for {@code specific.avro.value.type}: only a configured class finds it.
 */
public class Refund extends Payment {
  public static final Schema SCHEMA$ = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Refund\",\"namespace\":\"dev.stele.serde.avro.testdata\","
          + "\"aliases\":[\"acme.Payment\"],"
          + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\"}]}");

  public Refund() {}

  @Override
  public Schema getSchema() {
    return SCHEMA$;
  }
}
