package dev.stele.registry.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.ConfigRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.log.RegistryRecord.SchemaValue;
import dev.stele.registry.model.Config;
import dev.stele.registry.state.RegistryState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectLookupTest {
  private final RegistryState state = new RegistryState();
  private long offset;

  private void apply(RegistryRecord record) {
    state.apply(record, offset++, 0L);
  }

  private void schema(String subject, int id) {
    apply(new SchemaRecord(subject, 1, new SchemaValue(id, "AVRO", List.of(), null, null, "\"string\"", false)));
  }

  private void alias(String subject, String target) {
    apply(new ConfigRecord(subject, new Config(target, null, null, null, null, null, null, null, null)));
  }

  /** ../shared/conformance scenario subject-names-reserved, config-scopes #12. */
  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(value = {
      "a, a",
      ":.:a, a",
      ":.:, ''",
      ":.ctx:a, :.ctx:a",
      ":.ctx, :.ctx:",
      ":.ctx:, :.ctx:",
      "::, ::",
      ":abc:x, :abc:x",
  })
  void spellingsOfOneSubjectBecomeOne(String asked, String stored) {
    assertThat(SubjectLookup.canonical(asked)).isEqualTo(stored);
  }

  /** ../shared/conformance scenario alias-filter #18, #20, #22. */
  @Test
  void anAliasIsFollowedOneStepAndLiterally() {
    alias("alias", "target");
    alias("chain", "alias");
    alias(":.c:ca", "ctarget");
    alias("q", ":.c:ctarget");
    assertThat(SubjectLookup.resolve(state, "alias")).isEqualTo("target");
    assertThat(SubjectLookup.resolve(state, ":.:alias")).isEqualTo("target");
    assertThat(SubjectLookup.resolve(state, "chain")).isEqualTo("alias");
    assertThat(SubjectLookup.resolve(state, ":.c:ca")).isEqualTo("ctarget");
    assertThat(SubjectLookup.resolve(state, "q")).isEqualTo(":.c:ctarget");
    assertThat(SubjectLookup.resolve(state, "plain")).isEqualTo("plain");
  }

  /** ../shared/conformance scenario cross-context-reads, cross-context-shadow. */
  @Test
  void unqualifiedSubjectsFallBackToOtherContextsInNameOrder() {
    schema(":.b:s", 1);
    schema(":.a:s", 2);
    schema("shadow", 3);
    schema(":.a:shadow", 4);
    assertThat(SubjectLookup.withFallback(state, "s", s -> state.history(s) != null)).isEqualTo(":.a:s");
    assertThat(SubjectLookup.withFallback(state, "s", s -> s.startsWith(":.b:"))).isEqualTo(":.b:s");
    assertThat(SubjectLookup.withFallback(state, "shadow", s -> state.history(s) != null)).isEqualTo("shadow");
    assertThat(SubjectLookup.withFallback(state, "none", s -> state.history(s) != null)).isEqualTo("none");
    // A qualified subject means exactly that one.
    assertThat(SubjectLookup.withFallback(state, ":.c:s", s -> state.history(s) != null)).isEqualTo(":.c:s");
  }
}
