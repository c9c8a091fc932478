package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.Schemas.json;
import static dev.stele.format.jsonschema.Schemas.parse;
import static dev.stele.schema.SchemaEntity.field;
import static dev.stele.schema.SchemaEntity.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.TagEdit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTagsTest {
  private static final String PLAIN = "{'type':'object','properties':{'a':{'type':'string'}}}";

  @Test
  void tagsGoOnThePropertyAndOnTheObjectAsTheCorpusRecords() {
    String tagged = parse(PLAIN).withTags(TagEdit.adding(Map.of(field("object.a"), Set.of("PII"))));
    String both = parse(tagged).withTags(TagEdit.adding(Map.of(record("object"), Set.of("R"))));

    assertThat(tagged).isEqualTo(json("{'type':'object','properties':{'a':{'type':'string','confluent:tags':['PII']}}}"));
    assertThat(both).isEqualTo(json("{'type':'object','properties':{'a':{'type':'string',"
        + "'confluent:tags':['PII']}},'confluent:tags':['R']}"));
    assertThat(parse(both).inlineTags()).containsExactly(
        Map.entry(record("object"), Set.of("R")), Map.entry(field("object.a"), Set.of("PII")));
  }

  @Test
  void pathsReachItemsDefinitionsAndDottedNames() {
    String schema = "{'type':'object','properties':{'list':{'type':'array','items':{'type':'object',"
        + "'properties':{'b':{'type':'string'}}}},'x.y':{'type':'string'}},"
        + "'definitions':{'D':{'type':'string'}}}";
    String tagged = parse(schema).withTags(TagEdit.adding(Map.of(
        field("object.list.array.object.b"), Set.of("T1"), field("object.x.y"), Set.of("T2"),
        field("object.definitions.D"), Set.of("T3"))));

    assertThat(tagged).contains(json("'b':{'type':'string','confluent:tags':['T1']}"))
        .contains(json("'x.y':{'type':'string','confluent:tags':['T2']}"))
        .contains(json("'D':{'type':'string','confluent:tags':['T3']}"));
  }

  @Test
  void removingEveryTagRemovesTheList() {
    String tagged = parse(PLAIN).withTags(TagEdit.adding(Map.of(field("object.a"), Set.of("PII"))));

    assertThat(parse(tagged).withTags(new TagEdit(Map.of(), Map.of(field("object.a"), Set.of("PII")))))
        .isEqualTo(json(PLAIN));
  }

  @ParameterizedTest
  @ValueSource(strings = {"object.nope", "a", "array.a", "oneof.0.a", "object"})
  void aPathThatMatchesNothingIsNamed(String path) {
    assertThatThrownBy(() -> parse(PLAIN).withTags(TagEdit.adding(Map.of(field(path), Set.of("X")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No matching path '" + path + "' found in the schema");
  }
}
