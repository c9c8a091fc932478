package dev.stele.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.schema.SchemaFormat.Roles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk over a held history: which versions a level compares, and the words of a failure. */
class HistoryCheckTest {
  /** A reader reads a writer when the writer's text is a prefix of its own: fields only appended. */
  private static final class AppendOnly extends AbstractSchemaFormat<TextFormat.TextSchema> {
    AppendOnly() {
      super("APPEND", TextFormat.TextSchema.class);
    }

    @Override
    public TextFormat.TextSchema parse(SchemaSource source) {
      return new TextFormat.TextSchema(type(), source.text(), List.of());
    }

    @Override
    protected CompatibilityResult check(TextFormat.TextSchema reader, TextFormat.TextSchema writer, Roles roles) {
      return reader.canonical().startsWith(writer.canonical()) ? CompatibilityResult.COMPATIBLE
          : CompatibilityResult.of(new Incompatibility(CommonKind.UNEXPECTED_EXCEPTION, JsonPointer.ROOT, roles,
              reader.canonical() + " cannot read " + writer.canonical()));
    }
  }

  private static final AppendOnly APPEND_ONLY = new AppendOnly();

  private static ParsedSchema schema(String text) {
    return APPEND_ONLY.parse(SchemaSource.of(text));
  }

  private static HistoryCheck.Verdict check(String candidate, CompatibilityLevel level, String... previous) {
    return HistoryCheck.check(APPEND_ONLY, schema(candidate),
        List.of(previous).stream().map(HistoryCheckTest::schema).toList(), level);
  }

  @Test
  void noHistoryOrLevelNoneIsCompatible() {
    assertThat(check("x", CompatibilityLevel.BACKWARD).compatible()).isTrue();
    assertThat(check("x", CompatibilityLevel.NONE, "abc").compatible()).isTrue();
  }

  @Test
  void aFailureListsTheReasonsTheQuotedVersionAndTheConfigEcho() {
    HistoryCheck.Verdict verdict = check("x", CompatibilityLevel.BACKWARD, "a", "ab");
    assertThat(verdict.compatible()).isFalse();
    assertThat(verdict.messages()).containsExactly(
        "Unexpected exception during compatibility check: x cannot read ab",
        "{oldSchemaVersion: 2}", "{oldSchema: 'ab'}",
        "{validateFields: 'false', compatibility: 'BACKWARD'}");
  }

  @Test
  void onlyATransitiveLevelLooksPastTheLatestVersion() {
    assertThat(check("ab", CompatibilityLevel.BACKWARD, "zz", "a").compatible()).isTrue();
    HistoryCheck.Verdict transitive = check("ab", CompatibilityLevel.BACKWARD_TRANSITIVE, "zz", "a");
    assertThat(transitive.compatible()).isFalse();
    assertThat(transitive.messages()).contains("{oldSchemaVersion: 1}");
  }

  @Test
  void aForwardCheckHasTheOldSchemaReadTheNewOne() {
    assertThat(check("a", CompatibilityLevel.FORWARD, "ab").compatible()).isTrue();
    assertThat(check("abc", CompatibilityLevel.FORWARD, "ab").compatible()).isFalse();
  }
}
