package dev.stele.bench;

import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * What the Avro serdes add to bare Avro once the schema id is cached (issue 5: at most 10%):
 * {@link KafkaAvroSerializer} against a {@link GenericDatumWriter} on a reused
 * {@link BinaryEncoder}, {@link KafkaAvroDeserializer} against a {@link GenericDatumReader} on a
 * reused {@link BinaryDecoder}, on a 10-field GenericRecord. A real Stele server runs in-process
 * for the first call of each serde; after that the registry is not asked again. The baselines do
 * what a careful user of bare Avro does: reuse the stream and the encoder, return a fresh array.
 * Run with {@code bench/jmh.sh AvroSerdeBenchmark}.
 */
public class AvroSerdeBenchmark extends SerdeRegistry.Trial<Object> {
  static final Schema TEN_FIELDS = new Schema.Parser().parse("""
      {"type":"record","name":"Order","namespace":"bench","fields":[
        {"name":"id","type":"long"},{"name":"customer","type":"string"},
        {"name":"amount","type":"double"},{"name":"quantity","type":"int"},
        {"name":"currency","type":"string"},{"name":"paid","type":"boolean"},
        {"name":"created","type":"long"},{"name":"note","type":["null","string"],"default":null},
        {"name":"weight","type":"float"},{"name":"sku","type":"string"}]}""");

  private GenericRecord record;
  private GenericDatumWriter<Object> writer;
  private GenericDatumReader<Object> reader;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
  private BinaryEncoder encoder;
  private BinaryDecoder decoder;
  private byte[] bare;

  /** A fresh {@link #TEN_FIELDS} record with every field set; CelRuleBenchmark serializes the same one. */
  static GenericRecord order() {
    GenericRecord record = new GenericData.Record(TEN_FIELDS);
    record.put("id", 1234567890123L);
    record.put("customer", "customer-00042");
    record.put("amount", 199.95);
    record.put("quantity", 3);
    record.put("currency", "EUR");
    record.put("paid", true);
    record.put("created", 1_764_000_000_000L);
    record.put("note", "leave at the door");
    record.put("weight", 1.25f);
    record.put("sku", "SKU-7781-XL");
    return record;
  }

  @Override
  protected void prepare(SerdeRegistry registry) throws Exception {
    record = order();
    writer = new GenericDatumWriter<>(TEN_FIELDS);
    reader = new GenericDatumReader<>(TEN_FIELDS);
    byte[] framed = measure(registry.serializer(new KafkaAvroSerializer(), Map.of()),
        registry.deserializer(new KafkaAvroDeserializer(), Map.of()), record);
    bare = bareAvroEncode();
    SerdeRegistry.requireSamePayload(Arrays.copyOfRange(framed, 5, framed.length), bare, "bare Avro");
  }

  @Benchmark
  public byte[] bareAvroEncode() throws IOException {
    out.reset();
    encoder = EncoderFactory.get().binaryEncoder(out, encoder);
    writer.write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  @Benchmark
  public Object bareAvroDecode() throws IOException {
    decoder = DecoderFactory.get().binaryDecoder(bare, decoder);
    return reader.read(null, decoder);
  }
}
