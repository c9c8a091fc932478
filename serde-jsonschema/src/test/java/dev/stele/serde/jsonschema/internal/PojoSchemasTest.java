package dev.stele.serde.jsonschema.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PojoSchemasTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  public enum Colour { RED, GREEN }

  public static class Node {
    public String label;
    public Node next;
    public List<Node> children;
  }

  public static class Mixed {
    public long count;
    public Double ratio;
    public Colour colour;
    public Map<String, Integer> scores;
    public byte[] blob;
  }

  static final DerivedSchemaOptions UNIONS = new DerivedSchemaOptions(DerivedSchemaOptions.DEFAULTS.metaSchema(),
      false, true, false);

  @Test
  void typesMapToJsonSchemaTypes() {
    JsonNode schema = PojoSchemas.derive(MAPPER, Mixed.class, UNIONS);
    assertThat(schema.get("$schema").asText()).contains("draft-07");
    assertThat(schema.get("title").asText()).isEqualTo("Mixed");
    assertThat(schema.at("/properties/count/type").asText()).isEqualTo("integer");
    assertThat(schema.at("/properties/ratio/type").toString()).isEqualTo("[\"number\",\"null\"]");
    assertThat(schema.at("/properties/colour/enum").toString()).isEqualTo("[\"RED\",\"GREEN\",null]");
    assertThat(schema.at("/properties/scores/additionalProperties/type/0").asText()).isEqualTo("integer");
    assertThat(schema.at("/properties/blob/type/0").asText()).isEqualTo("string");
    assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
  }

  @Test
  void withOneOfANullableIsNullOrItsOwnSchema() {
    JsonNode schema = PojoSchemas.derive(MAPPER, Mixed.class);
    assertThat(schema.get("type").asText()).isEqualTo("object");
    assertThat(schema.at("/properties/count").toString()).isEqualTo("{\"type\":\"integer\"}");
    assertThat(schema.at("/properties/ratio/oneOf/0/type").asText()).isEqualTo("null");
    assertThat(schema.at("/properties/ratio/oneOf/1").toString()).isEqualTo("{\"type\":\"number\"}");
    assertThat(schema.at("/properties/colour/oneOf/1/enum").toString()).isEqualTo("[\"RED\",\"GREEN\"]");
    assertThat(schema.at("/properties/scores/oneOf/1/additionalProperties/oneOf/1/type").asText())
        .isEqualTo("integer");
    Mixed empty = new Mixed();
    assertThat(Validators.problems(Validators.build(schema), MAPPER.valueToTree(empty))).isEmpty();
  }

  @Test
  void recursiveTypesTerminateAndValidateTheirData() throws Exception {
    JsonNode schema = PojoSchemas.derive(MAPPER, Node.class);
    assertThat(schema.at("/properties/next").toString()).isEqualTo("{}");
    Node leaf = new Node();
    leaf.label = "leaf";
    Node root = new Node();
    root.label = "root";
    root.next = leaf;
    root.children = List.of(leaf);
    var validator = Validators.build(schema);
    assertThat(Validators.problems(validator, MAPPER.valueToTree(root))).isEmpty();
    assertThat(Validators.problems(validator, MAPPER.readTree("{\"label\": 3}"))).isNotEmpty();
  }
}
