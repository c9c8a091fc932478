package dev.stele.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.SchemaFormat.Roles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompatibilityResultTest {
  private static final Incompatibility A = new Incompatibility(CommonKind.SCHEMA_TYPE_MISMATCH,
      "/a", Roles.NEW_READS_OLD);
  private static final Incompatibility B = new Incompatibility(CommonKind.UNEXPECTED_EXCEPTION,
      "/b", Roles.NEW_READS_OLD, "boom");
  private static final Incompatibility C = new Incompatibility(
      CommonKind.COMPATIBILITY_CHECK_ABORTED, "/c", Roles.OLD_READS_NEW, "too deep");

  @Test
  void compatibleIsHavingNoIncompatibility() {
    assertThat(CompatibilityResult.COMPATIBLE.isCompatible()).isTrue();
    assertThat(new CompatibilityResult(List.of()).isCompatible()).isTrue();
    assertThat(CompatibilityResult.of(A).isCompatible()).isFalse();
  }

  @Test
  void mergeKeepsThisOnesFirstThenTheOthers() {
    CompatibilityResult merged = CompatibilityResult.of(A, B).merge(CompatibilityResult.of(C));
    assertThat(merged.incompatibilities()).containsExactly(A, B, C);
    assertThat(CompatibilityResult.of(C).merge(CompatibilityResult.of(A, B)).incompatibilities())
        .containsExactly(C, A, B);
  }

  @Test
  void mergingWithCompatibleChangesNothing() {
    CompatibilityResult some = CompatibilityResult.of(A);
    assertThat(some.merge(CompatibilityResult.COMPATIBLE)).isSameAs(some);
    assertThat(CompatibilityResult.COMPATIBLE.merge(some)).isSameAs(some);
    assertThat(CompatibilityResult.COMPATIBLE.merge(CompatibilityResult.COMPATIBLE).isCompatible())
        .isTrue();
  }

  @Test
  void mergeLeavesBothOperandsAsTheyWere() {
    CompatibilityResult left = CompatibilityResult.of(A);
    CompatibilityResult right = CompatibilityResult.of(B);
    left.merge(right);
    assertThat(left.incompatibilities()).containsExactly(A);
    assertThat(right.incompatibilities()).containsExactly(B);
  }

  @Test
  void holdsACopyThatCannotBeChanged() {
    List<Incompatibility> found = new ArrayList<>(List.of(A));
    CompatibilityResult result = new CompatibilityResult(found);
    found.add(B);
    assertThat(result.incompatibilities()).containsExactly(A);
    assertThatThrownBy(() -> result.incompatibilities().add(C))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void differentSchemaTypesIsOneFindingAtTheRootInConfluentsWords() {
    CompatibilityResult result = CompatibilityResult.differentSchemaTypes(Roles.OLD_READS_NEW);
    assertThat(result.incompatibilities()).singleElement().satisfies(found -> {
      assertThat(found.kind()).isEqualTo(CommonKind.SCHEMA_TYPE_MISMATCH);
      assertThat(found.location()).isEqualTo("/");
      assertThat(found.message()).isEqualTo("Incompatible because of different schema type");
    });
  }

  @Test
  void unexpectedCarriesTheFailuresMessageAndSaysNullWhenItHasNone() {
    assertThat(CompatibilityResult.unexpected(Roles.NEW_READS_OLD,
        new IllegalStateException("bad {reader}")).incompatibilities())
        .extracting(Incompatibility::message)
        .containsExactly("Unexpected exception during compatibility check: bad {reader}");
    assertThat(CompatibilityResult.unexpected(Roles.NEW_READS_OLD, new StackOverflowError())
        .incompatibilities())
        .extracting(Incompatibility::kind, Incompatibility::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(CommonKind.UNEXPECTED_EXCEPTION,
            "Unexpected exception during compatibility check: null"));
  }
}
