package dev.stele.format.protobuf;

import static dev.stele.format.protobuf.ProtoFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.schema.SchemaField;
import org.junit.jupiter.api.Test;

/** The fields a search across schemas reads: every message's, nested messages and oneofs too. */
class ProtoFieldsTest {
  @Test
  void everyMessagesFieldsWithTheirLabelAndType() throws Exception {
    String proto = """
        syntax = "proto3";
        package shop;

        message Order {
          int64 id = 1;
          repeated Line lines = 2;
          map<string, string> tags = 3;
          oneof payment {
            string card = 4;
            string iban = 5;
          }
          message Line {
            string sku = 1;
          }
        }
        """;
    assertThat(parse(proto).fields()).containsExactly(
        new SchemaField("Order.id", "id", "int64"),
        new SchemaField("Order.lines", "lines", "repeated Line"),
        new SchemaField("Order.tags", "tags", "map<string, string>"),
        new SchemaField("Order.card", "card", "string"),
        new SchemaField("Order.iban", "iban", "string"),
        new SchemaField("Order.Line.sku", "sku", "string"));
  }
}
