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

  /** A row read new-reads-old with no detail, as most are. */
  private static Arguments plain(String template, String location, String message) {
    return Arguments.of(template, location, Roles.NEW_READS_OLD, "", message);
  }

  /** Rows of template, location, roles, detail and the message. */
  static Stream<Arguments> templates() {
    return Stream.of(
        plain("no placeholder", "/", "no placeholder"),
        plain("at '{pointer}'", "/fields/0/type", "at '/fields/0/type'"),
        plain("at '{hashPath}'", "/properties/a", "at '#/properties/a'"),
        plain("at '{hashPath}'", "/", "at '#/'"),
        plain("at '{hashPath}'", "/properties/a~1b~0c", "at '#/properties/a/b~c'"),
        plain("the {reader} schema reads the {writer} one", "/",
            "the new schema reads the old one"),
        Arguments.of("the {reader} schema reads the {writer} one", "/", Roles.OLD_READS_NEW, "",
            "the old schema reads the new one"),
        Arguments.of("info:'{info}'", "/", Roles.NEW_READS_OLD, "[C]", "info:'[C]'"),
        plain("{errorType:'X', description:'{reader}'}", "/", "{errorType:'X', description:'new'}"),
        plain("{unknown} {} { reader} {reader", "/", "{unknown} {} { reader} {reader"),
        plain("{{reader}}", "/", "{new}"),
        Arguments.of("{info} {pointer}", "/{hashPath}", Roles.NEW_READS_OLD, "{reader}",
            "{reader} /{hashPath}"),
        plain("ends with {", "/", "ends with {"));
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
