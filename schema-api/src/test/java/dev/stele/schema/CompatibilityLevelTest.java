package dev.stele.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each level as (new reads old) x (old reads new) x (transitive), and parsing its name. */
class CompatibilityLevelTest {

  static Stream<Arguments> levels() {
    return Stream.of(
        Arguments.of(CompatibilityLevel.NONE, false, false, false),
        Arguments.of(CompatibilityLevel.BACKWARD, true, false, false),
        Arguments.of(CompatibilityLevel.BACKWARD_TRANSITIVE, true, false, true),
        Arguments.of(CompatibilityLevel.FORWARD, false, true, false),
        Arguments.of(CompatibilityLevel.FORWARD_TRANSITIVE, false, true, true),
        Arguments.of(CompatibilityLevel.FULL, true, true, false),
        Arguments.of(CompatibilityLevel.FULL_TRANSITIVE, true, true, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("levels")
  void composesDirectionAndHistory(CompatibilityLevel level, boolean newReadsOld,
      boolean oldReadsNew, boolean transitive) {
    assertThat(level.newReadsOld()).as("new reads old").isEqualTo(newReadsOld);
    assertThat(level.oldReadsNew()).as("old reads new").isEqualTo(oldReadsNew);
    assertThat(level.transitive()).as("transitive").isEqualTo(transitive);
  }

  @Test
  void everyLevelHasARow() {
    assertThat(levels().map(row -> row.get()[0]))
        .containsExactlyInAnyOrder((Object[]) CompatibilityLevel.values());
  }

  @ParameterizedTest
  @ValueSource(strings = {"backward", "Backward", "BACKWARD", " backward ", "bAcKwArD"})
  void parsesAnyCaseAndSurroundingSpace(String name) {
    assertThat(CompatibilityLevel.parse(name)).contains(CompatibilityLevel.BACKWARD);
  }

  @Test
  void parsesTransitiveNames() {
    assertThat(CompatibilityLevel.parse("full_transitive"))
        .contains(CompatibilityLevel.FULL_TRANSITIVE);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "BACK", "FULL-TRANSITIVE", "FULL TRANSITIVE", "NONE_"})
  void anythingElseIsEmpty(String name) {
    assertThat(CompatibilityLevel.parse(name)).isEmpty();
  }
}
