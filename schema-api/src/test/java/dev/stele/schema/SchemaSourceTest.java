package dev.stele.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaSourceTest {

  @Test
  void ofIsAValidatedTextWithoutReferences() {
    SchemaSource source = SchemaSource.of("\"string\"");
    assertThat(source.text()).isEqualTo("\"string\"");
    assertThat(source.references()).isEmpty();
    assertThat(source.validate()).isTrue();
  }

  @Test
  void refusesNoTextAndCopiesItsReferences() {
    assertThatThrownBy(() -> new SchemaSource(null, List.of(), true))
        .isInstanceOf(NullPointerException.class).hasMessage("text");
    List<ResolvedReference> refs = new ArrayList<>(List.of(new ResolvedReference(
        new SchemaReference("a", "a", 1), "AVRO", "x", List.of())));
    SchemaSource source = new SchemaSource("y", refs, false);
    refs.clear();
    assertThat(source.references()).hasSize(1);
  }
}
