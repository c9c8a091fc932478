package dev.stele.format.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.schema.SchemaFormats;
import org.junit.jupiter.api.Test;

class JsonSchemaFormatTest {

  @Test
  void serviceLoaderFindsTheFormatAsJson() {
    assertThat(SchemaFormats.load().find("JSON")).get().isInstanceOf(JsonSchemaFormat.class);
  }

  @Test
  void nameIsTheRootTitle() {
    assertThat(Schemas.parse("{'title':'User','type':'object'}").name()).isEqualTo("User");
    assertThat(Schemas.parse("{'type':'object'}").name()).isNull();
    assertThat(Schemas.parse("true").name()).isNull();
  }

  @Test
  void equalityIsCanonicalTextAndReferences() {
    JsonSchema a = Schemas.parse("{ 'type' : 'string' }");
    JsonSchema b = Schemas.parse("{'type':'string'}");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.type()).isEqualTo("JSON");
    assertThat(a.formatted("default")).isEqualTo("{\"type\":\"string\"}");
    assertThat(a).isNotEqualTo(Schemas.parse("{'type':'integer'}"));
  }

  @Test
  void draftsAreChosenByDollarSchema() {
    assertThat(Draft.of(new ObjectMapper().createObjectNode())).isEqualTo(Draft.DRAFT_7);
    assertThat(draft("http://json-schema.org/draft-04/schema#")).isEqualTo(Draft.DRAFT_4);
    assertThat(draft("http://json-schema.org/draft-06/schema")).isEqualTo(Draft.DRAFT_6);
    assertThat(draft("https://json-schema.org/draft-07/schema#")).isEqualTo(Draft.DRAFT_7);
    assertThat(draft("https://json-schema.org/draft/2019-09/schema")).isEqualTo(Draft.DRAFT_2019_09);
    assertThat(draft("https://json-schema.org/draft/2020-12/schema")).isEqualTo(Draft.DRAFT_2020_12);
    assertThat(draft("http://example.com/unknown")).isEqualTo(Draft.DRAFT_7);
  }

  private static Draft draft(String uri) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("$schema", uri);
    return Draft.of(node);
  }
}
