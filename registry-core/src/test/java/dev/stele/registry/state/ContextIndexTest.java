package dev.stele.registry.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.model.SchemaContent;
import dev.stele.registry.model.SubjectVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ../shared/conformance scenario import #10-#11, #23: IMPORT can give one content two ids. */
class ContextIndexTest {
  private static final SchemaContent STRING = new SchemaContent("AVRO", "\"string\"", List.of(), null, null);

  @Test
  void theLastIdGivenToAContentIsItsId() {
    ContextIndex index = twins();
    assertThat(index.idOf(STRING)).isEqualTo(9);
    assertThat(index.byId(1).schema()).isEqualTo("\"string\"");
  }

  @Test
  void whenThatIdGoesTheContentFallsBackToItsTwin() {
    ContextIndex index = twins();
    index.removeUsage(9, new SubjectVersion("b", 2));
    assertThat(index.idOf(STRING)).isEqualTo(1);
    index.removeUsage(1, new SubjectVersion("a", 1));
    assertThat(index.idOf(STRING)).isNull();
  }

  /** One content imported twice: id 1 as subject a's version 1, then id 9 as b's version 2. */
  private static ContextIndex twins() {
    ContextIndex index = new ContextIndex();
    index.intern(1, STRING);
    index.addUsage(1, new SubjectVersion("a", 1));
    index.intern(9, STRING);
    index.addUsage(9, new SubjectVersion("b", 2));
    return index;
  }
}
