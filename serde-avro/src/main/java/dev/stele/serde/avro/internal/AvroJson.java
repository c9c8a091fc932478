package dev.stele.serde.avro.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.client.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Avro values to and from Avro's JSON encoding (unions as {@code {"type": value}}), the form
 * migration rules rewrite, as Confluent's serdes migrate.
 */
public final class AvroJson {
  private AvroJson() {}

  public static JsonNode toJson(Schema schema, Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
    new GenericDatumWriter<>(schema).write(AvroData.forWriter(value), encoder);
    encoder.flush();
    return Json.MAPPER.readTree(out.toByteArray());
  }

  /** The value {@code json} encodes under {@code schema}; the generated class when {@code specific} and one exists. */
  public static Object fromJson(Schema schema, JsonNode json, boolean specific) throws IOException {
    DatumReader<Object> reader = specific && SpecificData.get().getClass(schema) != null
        ? new SpecificDatumReader<>(schema) : new GenericDatumReader<>(schema);
    return reader.read(null, DecoderFactory.get().jsonDecoder(schema, Json.MAPPER.writeValueAsString(json)));
  }
}
