package dev.stele.serde.avro.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.serde.rules.PlainRecord;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

/** Avro values as rules see them, whichever order {@link AvroPlain#of} tests their classes in. */
class AvroPlainTest {
  private static final Schema ORDER = new Schema.Parser().parse("""
      {"type":"record","name":"Order","fields":[{"name":"sku","type":"string"},{"name":"quantity","type":"int"},
       {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["A","B"]}},
       {"name":"blob","type":"bytes"},{"name":"tags","type":{"type":"array","items":"string"}}]}""");

  @Test
  void eachAvroValueHasItsPlainForm() {
    assertThat(AvroPlain.of(new Utf8("abc"))).isEqualTo("abc").isInstanceOf(String.class);
    assertThat(AvroPlain.of(new StringBuilder("sb"))).isEqualTo("sb");
    assertThat(AvroPlain.of(3)).isEqualTo(3L);
    assertThat(AvroPlain.of((short) 4)).isEqualTo(4L);
    assertThat(AvroPlain.of(1.5f)).isEqualTo(1.5d);
    assertThat(AvroPlain.of(7L)).isEqualTo(7L);
    assertThat(AvroPlain.of(null)).isNull();
    assertThat((byte[]) AvroPlain.of(ByteBuffer.wrap(new byte[] {1, 2}))).containsExactly(1, 2);
  }

  @Test
  void aRecordIsAViewConvertingEachFieldAsItIsRead() {
    GenericData.Record record = new GenericData.Record(ORDER);
    record.put("sku", new Utf8("s-1"));
    record.put("quantity", 3);
    record.put("kind", new GenericData.EnumSymbol(ORDER.getField("kind").schema(), "B"));
    record.put("blob", ByteBuffer.wrap(new byte[] {9}));
    record.put("tags", List.of(new Utf8("x")));
    Object plain = AvroPlain.of(record);
    assertThat(plain).isInstanceOf(PlainRecord.class);
    Map<?, ?> fields = (Map<?, ?>) plain;
    assertThat(fields.get("sku")).isEqualTo("s-1");
    assertThat(fields.get("quantity")).isEqualTo(3L);
    assertThat(fields.get("kind")).isEqualTo("B");
    assertThat((byte[]) fields.get("blob")).containsExactly(9);
    assertThat(fields.get("tags")).isEqualTo(List.of("x"));
    assertThat(fields.containsKey("missing")).isFalse();
  }
}
