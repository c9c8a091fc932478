package dev.stele.format.avro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.schema.SchemaField;
import dev.stele.schema.SchemaSource;
import org.junit.jupiter.api.Test;

/** The fields a search across schemas reads: every record's, nested and recursive ones once. */
class AvroFieldsTest {
  private static final AvroFormat AVRO = new AvroFormat();

  @Test
  void everyRecordsFieldsWithTheirTypesAsPeopleSayThem() throws Exception {
    String schema = ("{'type':'record','name':'Order','namespace':'shop','fields':["
        + "{'name':'id','type':'int'},"
        + "{'name':'at','type':{'type':'long','logicalType':'timestamp-millis'}},"
        + "{'name':'note','type':['null','string']},"
        + "{'name':'lines','type':{'type':'array','items':{'type':'record','name':'Line','fields':["
        + "{'name':'sku','type':'string'},{'name':'next','type':['null','Line']}]}}},"
        + "{'name':'tags','type':{'type':'map','values':'string'}}]}").replace('\'', '"');
    assertThat(AVRO.parse(SchemaSource.of(schema)).fields()).containsExactly(
        new SchemaField("shop.Order.id", "id", "int"),
        new SchemaField("shop.Order.at", "at", "long (timestamp-millis)"),
        new SchemaField("shop.Order.note", "note", "union<null, string>"),
        new SchemaField("shop.Order.lines", "lines", "array<shop.Line>"),
        new SchemaField("shop.Line.sku", "sku", "string"),
        new SchemaField("shop.Line.next", "next", "union<null, shop.Line>"),
        new SchemaField("shop.Order.tags", "tags", "map<string>"));
  }

  @Test
  void aSchemaWithoutRecordsHasNoFields() throws Exception {
    assertThat(AVRO.parse(SchemaSource.of("\"string\"")).fields()).isEmpty();
  }
}
