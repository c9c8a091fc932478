package dev.stele.format.avro;

import static dev.stele.schema.SchemaEntity.field;
import static dev.stele.schema.SchemaEntity.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.SchemaSource;
import dev.stele.schema.TagEdit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvroTagsTest {
  private static final AvroFormat AVRO = new AvroFormat();
  private static final String USER =
      "{'type':'record','name':'User','fields':[{'name':'name','type':'string'}]}";
  private static final String DEP = "{'type':'record','name':'Dep','namespace':'com.x','fields':["
      + "{'name':'v','type':'int'},{'name':'inner','type':{'type':'record','name':'In','namespace':'o',"
      + "'fields':[{'name':'w','type':'int'}]}}]}";

  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** The text a registration would store: the tagged text parsed and made canonical again. */
  private static String tagged(String text, TagEdit edit) throws InvalidSchemaException {
    String written = AVRO.parse(SchemaSource.of(json(text))).withTags(edit);
    return AVRO.parse(SchemaSource.of(written)).canonical();
  }

  @Test
  void tagsAreAddedAfterExistingOnesAndRemovedAsTheCorpusRecords() throws Exception {
    String pii = tagged(USER, TagEdit.adding(Map.of(field("User.name"), Set.of("PII"))));
    String moved = tagged(pii, new TagEdit(Map.of(record("User"), Set.of("INTERNAL")),
        Map.of(field("User.name"), Set.of("PII"))));

    assertThat(pii).isEqualTo(json(
        "{'type':'record','name':'User','fields':[{'name':'name','type':'string','confluent:tags':['PII']}]}"));
    assertThat(moved).isEqualTo(json(
        "{'type':'record','name':'User','fields':[{'name':'name','type':'string'}],'confluent:tags':['INTERNAL']}"));
    assertThat(tagged(pii, TagEdit.adding(Map.of(field("User.name"), Set.of("A", "PII")))))
        .contains(json("'confluent:tags':['PII','A']"));
  }

  @Test
  void recordsAreNamedByFullOrSimpleNameInTheirOwnNamespace() throws Exception {
    String text = tagged(DEP, TagEdit.adding(Map.of(field("com.x.Dep.v"), Set.of("N"),
        record("Dep"), Set.of("R"), field("o.In.w"), Set.of("W"))));
    String inNoNamespace = tagged(USER, TagEdit.adding(Map.of(field(".User.name"), Set.of("D"))));

    assertThat(AVRO.parse(SchemaSource.of(text)).inlineTags()).containsExactly(
        Map.entry(record("com.x.Dep"), Set.of("R")), Map.entry(field("com.x.Dep.v"), Set.of("N")),
        Map.entry(field("o.In.w"), Set.of("W")));
    assertThat(AVRO.parse(SchemaSource.of(inNoNamespace)).inlineTags())
        .containsExactly(Map.entry(field("User.name"), Set.of("D")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"User.nope", "Nope.name", "User", "other.User.name", ".o.User.name"})
  void aPathThatMatchesNothingIsNamed(String path) {
    assertThatThrownBy(() -> tagged(USER, TagEdit.adding(Map.of(field(path), Set.of("X")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No matching path '" + path + "' found in the schema");
  }
}
