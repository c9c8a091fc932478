package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.Schemas.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.schema.SchemaField;
import org.junit.jupiter.api.Test;

/** The properties a search across schemas reads, at the paths tags use. */
class JsonFieldsTest {
  @Test
  void everyPropertyNestedOnesIncludedWithItsType() throws Exception {
    String schema = "{'type':'object','properties':{"
        + "'id':{'type':'integer'},"
        + "'note':{'type':['string','null']},"
        + "'address':{'type':'object','properties':{'city':{'type':'string'}}},"
        + "'lines':{'type':'array','items':{'type':'object','properties':{'sku':{'type':'string'}}}},"
        + "'money':{'$ref':'#/definitions/Money'}},"
        + "'definitions':{'Money':{'type':'object'}}}";
    assertThat(parse(schema).fields()).containsExactlyInAnyOrder(
        new SchemaField("object.address", "address", "object"),
        new SchemaField("object.address.object.city", "city", "string"),
        new SchemaField("object.id", "id", "integer"),
        new SchemaField("object.lines", "lines", "array<object>"),
        new SchemaField("object.lines.array.object.sku", "sku", "string"),
        new SchemaField("object.money", "money", "#/definitions/Money"),
        new SchemaField("object.note", "note", "string|null"));
  }
}
