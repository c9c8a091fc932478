package dev.stele.format.protobuf;

import static dev.stele.format.protobuf.ProtoFixtures.parse;
import static dev.stele.format.protobuf.ProtoFixtures.proto;
import static dev.stele.schema.SchemaEntity.field;
import static dev.stele.schema.SchemaEntity.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.SchemaEntity;
import dev.stele.schema.TagEdit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtoTagsTest {
  private static final String PLAIN = proto("syntax = \"proto3\";", "package p.q;", "message M {",
      "  string a = 1;", "}");

  @Test
  void fieldAndMessageTagsAreWrittenAsConfluentMetaOptions() throws Exception {
    String tagged = parse(PLAIN).withTags(TagEdit.adding(Map.of(field("M.a"), Set.of("PII"))));
    String both = parse(tagged).withTags(TagEdit.adding(Map.of(record("M"), Set.of("R"))));

    // The texts the Confluent registry stored in the recorded corpus (tags-json-proto #9, #11).
    assertThat(parse(tagged).canonical()).isEqualTo("syntax = \"proto3\";\npackage p.q;\n\nmessage M {\n"
        + "  string a = 1 [(confluent.field_meta) = {\n    tags: [\n      \"PII\"\n    ]\n  }];\n}\n");
    assertThat(parse(both).canonical()).isEqualTo("syntax = \"proto3\";\npackage p.q;\n\nmessage M {\n"
        + "  option (confluent.message_meta) = {\n    tags: [\n      \"R\"\n    ]\n  };\n\n"
        + "  string a = 1 [(confluent.field_meta) = {\n    tags: [\n      \"PII\"\n    ]\n  }];\n}\n");
    assertThat(parse(both).inlineTags()).containsExactly(
        Map.entry(record("M"), Set.of("R")), Map.entry(field("M.a"), Set.of("PII")));
  }

  @Test
  void removingTheLastTagRemovesTheOptionAndKeepsItsOtherParts() throws Exception {
    String withDoc = proto("syntax = \"proto3\";", "message M {",
        "  string a = 1 [(confluent.field_meta) = { doc: \"d\", tags: [\"PII\", \"X\"] }];", "}");
    String removed = parse(withDoc).withTags(new TagEdit(Map.of(), Map.of(field("M.a"), Set.of("PII", "X"))));

    assertThat(parse(removed).inlineTags()).isEmpty();
    assertThat(removed).contains("doc: \"d\"").doesNotContain("tags");
    assertThat(parse(PLAIN).withTags(new TagEdit(Map.of(), Map.of(field("M.a"), Set.of("PII")))))
        .doesNotContain("confluent");
  }

  @Test
  void nestedMessagesAndOneofFieldsAreFoundByPath() throws Exception {
    String text = proto("syntax = \"proto3\";", "message M {", "  message Inner {", "    string x = 1;",
        "  }", "  Inner i = 1;", "  oneof choice {", "    string c = 2;", "  }", "}");
    String tagged = parse(text).withTags(TagEdit.adding(Map.of(field("M.Inner.x"), Set.of("T"),
        field("M.choice.c"), Set.of("O"))));

    assertThat(parse(tagged).inlineTags()).containsOnly(
        Map.entry(field("M.Inner.x"), Set.of("T")), Map.entry(field("M.c"), Set.of("O")));
  }

  @Test
  void aPathThatMatchesNothingIsNamed() throws Exception {
    ProtobufSchema schema = parse(PLAIN);
    for (SchemaEntity entity : new SchemaEntity[] {field("M.nope"), field("Nope.a"), field("M"),
        record("p.q.M")}) {
      assertThatThrownBy(() -> schema.withTags(TagEdit.adding(Map.of(entity, Set.of("X")))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("No matching path '" + entity.path() + "' found in the schema");
    }
  }
}
