package dev.stele.registry.read;

import static dev.stele.registry.Nodes.USER;
import static dev.stele.registry.Nodes.USER_AGE;
import static dev.stele.registry.Nodes.USER_INT;
import static dev.stele.registry.Nodes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.Nodes;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Requests.FieldPart;
import dev.stele.registry.model.Results.FieldMatch;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.SchemaField;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A search by field across every subject's latest live version (Stele's /v1/search/fields). */
class FieldSearchTest {
  private final Nodes nodes = new Nodes();

  private List<FieldMatch> find(String text, FieldPart in, int offset, int limit) {
    return nodes.node.views().fields(new Requests.FindFields(text, in, offset, limit));
  }

  private List<String> subjects(String text, FieldPart in) {
    return find(text, in, 0, 0).stream().map(FieldMatch::subject).toList();
  }

  @Test
  void matchesNamesOrTypesIgnoringCaseInSubjectOrder() {
    nodes.register("b", USER);
    nodes.register("a", USER_INT);
    assertThat(subjects("NAM", FieldPart.NAME)).containsExactly("a", "b");
    assertThat(subjects("int", FieldPart.TYPE)).containsExactly("a");
    assertThat(subjects("int", FieldPart.NAME)).isEmpty();
    assertThat(subjects("str", FieldPart.ANY)).containsExactly("b");
    assertThat(find("name", FieldPart.ANY, 0, 0).get(1))
        .isEqualTo(new FieldMatch("b", 1, 1, "AVRO", List.of(new SchemaField("User.name", "name", "string"))));
  }

  @Test
  void readsTheLatestLiveVersionOnly() {
    nodes.register("s", USER);
    nodes.register("s", USER_AGE);
    assertThat(find("age", FieldPart.NAME, 0, 0)).singleElement()
        .satisfies(m -> assertThat(m.version()).isEqualTo(2));
    await(nodes.registry().deleteVersion(new Requests.DeleteVersion("s", "2", false)));
    assertThat(subjects("age", FieldPart.NAME)).isEmpty();
    assertThat(subjects("name", FieldPart.NAME)).containsExactly("s");
    await(nodes.registry().deleteSubject(new Requests.DeleteSubject("s", false)));
    assertThat(subjects("name", FieldPart.NAME)).isEmpty();
  }

  @Test
  void pagesByOffsetAndLimit() {
    nodes.config(null, Config.ofLevel(CompatibilityLevel.NONE));
    for (String subject : List.of("a", "b", "c", "d")) {
      nodes.register(subject, USER);
    }
    assertThat(find("name", FieldPart.ANY, 1, 2)).extracting(FieldMatch::subject).containsExactly("b", "c");
    assertThat(find("name", FieldPart.ANY, 3, 10)).extracting(FieldMatch::subject).containsExactly("d");
    assertThat(find("name", FieldPart.ANY, 9, 10)).isEmpty();
  }
}
