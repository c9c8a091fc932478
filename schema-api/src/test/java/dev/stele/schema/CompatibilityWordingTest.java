package dev.stele.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.schema.SchemaFormat.Roles;
import org.junit.jupiter.api.Test;

/** When the old version is quoted, and the words around a verdict. */
class CompatibilityWordingTest {

  private static CompatibilityResult failing(Roles roles) {
    return CompatibilityResult.of(new Incompatibility(CommonKind.SCHEMA_TYPE_MISMATCH, JsonPointer.ROOT, roles));
  }

  @Test
  void aOneWayCheckAlwaysQuotesTheOldVersion() {
    assertThat(CompatibilityWording.quotesOld(CompatibilityLevel.FORWARD, failing(Roles.OLD_READS_NEW))).isTrue();
    assertThat(CompatibilityWording.quotesOld(CompatibilityLevel.BACKWARD, failing(Roles.NEW_READS_OLD))).isTrue();
  }

  @Test
  void aMutualCheckQuotesItOnlyWhenTheNewSchemaCannotReadTheOld() {
    assertThat(CompatibilityWording.quotesOld(CompatibilityLevel.FULL, failing(Roles.OLD_READS_NEW))).isFalse();
    assertThat(CompatibilityWording.quotesOld(CompatibilityLevel.FULL,
        failing(Roles.OLD_READS_NEW).merge(failing(Roles.NEW_READS_OLD)))).isTrue();
  }

  @Test
  void theWordsAreTheConfluentRegistrys() {
    assertThat(CompatibilityWording.oldSchemaVersion(3)).isEqualTo("{oldSchemaVersion: 3}");
    assertThat(CompatibilityWording.oldSchema("\"int\"")).isEqualTo("{oldSchema: '\"int\"'}");
    assertThat(CompatibilityWording.configEcho(false, CompatibilityLevel.FULL_TRANSITIVE))
        .isEqualTo("{validateFields: 'false', compatibility: 'FULL_TRANSITIVE'}");
  }
}
