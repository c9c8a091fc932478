package dev.stele.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.SchemaFormat.Roles;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one template filler, through {@link Incompatibility#message()}. */
class IncompatibilityTest {
  /** A kind with any template, as a format's enum constant would carry it. */
  private record Kind(String name, String template) implements IncompatibilityKind {}

  private static String message(String template, String location, Roles roles, String detail) {
    return new Incompatibility(new Kind("K", template), location, roles, detail).message();
  }

  /** Rows of template, location, roles, detail and the message. */
  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of("no placeholder", "/", Roles.NEW_READS_OLD, "", "no placeholder"),
        Arguments.of("at '{pointer}'", "/fields/0/type", Roles.NEW_READS_OLD, "",
            "at '/fields/0/type'"),
        Arguments.of("at '{hashPath}'", "/properties/a", Roles.NEW_READS_OLD, "",
            "at '#/properties/a'"),
        Arguments.of("at '{hashPath}'", "/", Roles.NEW_READS_OLD, "", "at '#/'"),
        Arguments.of("at '{hashPath}'", "/properties/a~1b~0c", Roles.NEW_READS_OLD, "",
            "at '#/properties/a/b~c'"),
        Arguments.of("the {reader} schema reads the {writer} one", "/", Roles.NEW_READS_OLD, "",
            "the new schema reads the old one"),
        Arguments.of("the {reader} schema reads the {writer} one", "/", Roles.OLD_READS_NEW, "",
            "the old schema reads the new one"),
        Arguments.of("info:'{info}'", "/", Roles.NEW_READS_OLD, "[C]", "info:'[C]'"),
        Arguments.of("{errorType:'X', description:'{reader}'}", "/", Roles.NEW_READS_OLD, "",
            "{errorType:'X', description:'new'}"),
        Arguments.of("{unknown} {} { reader} {reader", "/", Roles.NEW_READS_OLD, "",
            "{unknown} {} { reader} {reader"),
        Arguments.of("{{reader}}", "/", Roles.NEW_READS_OLD, "", "{new}"),
        Arguments.of("{info} {pointer}", "/{hashPath}", Roles.NEW_READS_OLD, "{reader}",
            "{reader} /{hashPath}"),
        Arguments.of("ends with {", "/", Roles.NEW_READS_OLD, "", "ends with {"));
  }

  @ParameterizedTest(name = "{0} -> {4}")
  @MethodSource("templates")
  void fillsEachPlaceholderOnceAndLeavesOtherBraces(String template, String location,
      Roles roles, String detail, String expected) {
    assertThat(message(template, location, roles, detail)).isEqualTo(expected);
  }

  @Test
  void theThreeArgumentFormHasNoDetail() {
    Incompatibility found =
        new Incompatibility(new Kind("K", "[{info}]"), "/", Roles.NEW_READS_OLD);
    assertThat(found.detail()).isEmpty();
    assertThat(found.message()).isEqualTo("[]");
  }

  @Test
  void theConfluentNameIsTheKindsNameUnlessTheKindSaysOtherwise() {
    assertThat(new Kind("TYPE_MISMATCH", "").confluentName()).isEqualTo("TYPE_MISMATCH");
    assertThat(CommonKind.COMPATIBILITY_CHECK_ABORTED.confluentName())
        .isEqualTo("COMPATIBILITY_CHECK_ABORTED");
  }

  @Test
  void equalWhenKindLocationRolesAndDetailAre() {
    Kind kind = new Kind("K", "{info}");
    assertThat(new Incompatibility(kind, "/a", Roles.NEW_READS_OLD, "x"))
        .isEqualTo(new Incompatibility(kind, "/a", Roles.NEW_READS_OLD, "x"))
        .isNotEqualTo(new Incompatibility(kind, "/a", Roles.OLD_READS_NEW, "x"))
        .isNotEqualTo(new Incompatibility(kind, "/b", Roles.NEW_READS_OLD, "x"));
  }

  @Test
  void refusesMissingParts() {
    Kind kind = new Kind("K", "");
    assertThatThrownBy(() -> new Incompatibility(null, "/", Roles.NEW_READS_OLD, ""))
        .isInstanceOf(NullPointerException.class).hasMessage("kind");
    assertThatThrownBy(() -> new Incompatibility(kind, null, Roles.NEW_READS_OLD, ""))
        .isInstanceOf(NullPointerException.class).hasMessage("location");
    assertThatThrownBy(() -> new Incompatibility(kind, "/", null, ""))
        .isInstanceOf(NullPointerException.class).hasMessage("roles");
    assertThatThrownBy(() -> new Incompatibility(kind, "/", Roles.NEW_READS_OLD, null))
        .isInstanceOf(NullPointerException.class).hasMessage("detail");
  }

  @Test
  void commonKindsSayWhyNoComparisonWasMade() {
    assertThat(new Incompatibility(CommonKind.COMPATIBILITY_CHECK_ABORTED, "/",
        Roles.NEW_READS_OLD, "the schemas are too complex to compare").message())
        .isEqualTo("Compatibility check aborted: the schemas are too complex to compare");
  }
}
