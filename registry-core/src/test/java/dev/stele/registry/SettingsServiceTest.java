package dev.stele.registry;

import static dev.stele.registry.Nodes.STRING;
import static dev.stele.registry.Nodes.await;
import static dev.stele.registry.Nodes.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Mode;
import dev.stele.registry.model.Requests;
import dev.stele.schema.CompatibilityLevel;
import org.junit.jupiter.api.Test;

class SettingsServiceTest {
  private final Nodes nodes = new Nodes();
  private final Settings settings = nodes.settings();

  @Test
  void globalConfigFallsBackToTheServerDefault() {
    assertThat(settings.config(new Requests.GetConfig(null, false)).compatibilityLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
    await(settings.updateConfig(new Requests.UpdateConfig(null, Config.ofLevel(CompatibilityLevel.FULL))));
    assertThat(settings.config(new Requests.GetConfig(null, false)).compatibilityLevel()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(await(settings.deleteConfig(new Requests.DeleteConfig(null))).compatibilityLevel()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(settings.config(new Requests.GetConfig(null, false)).compatibilityLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
  }

  @Test
  void subjectConfigAndDefaultToGlobal() {
    failsWith(ErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED, () -> settings.config(new Requests.GetConfig("s", false)))
        .hasMessage("Subject 's' does not have subject-level compatibility configured");
    await(settings.updateConfig(new Requests.UpdateConfig(null, Config.ofLevel(CompatibilityLevel.FORWARD))));
    assertThat(settings.config(new Requests.GetConfig("s", true)).compatibilityLevel()).isEqualTo(CompatibilityLevel.FORWARD);
    await(settings.updateConfig(new Requests.UpdateConfig("s", Config.EMPTY.withLevel(CompatibilityLevel.NONE))));
    // An update without a level keeps the old one: absent fields are not cleared.
    Config normalizeOnly = new Config(null, true, null, null, null, null, null, null, null);
    await(settings.updateConfig(new Requests.UpdateConfig("s", normalizeOnly)));
    assertThat(settings.config(new Requests.GetConfig("s", false))).isEqualTo(new Config(null, true, null, CompatibilityLevel.NONE,
        null, null, null, null, null));
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> await(settings.deleteConfig(new Requests.DeleteConfig("never"))));
  }

  @Test
  void modesAndImportRules() {
    nodes.register("s", STRING);
    failsWith(ErrorCode.SUBJECT_MODE_NOT_CONFIGURED, () -> settings.mode(new Requests.GetMode("s", false)));
    assertThat(settings.mode(new Requests.GetMode("s", true))).isEqualTo(Mode.READWRITE);
    failsWith(ErrorCode.INVALID_MODE, () -> await(settings.updateMode(new Requests.UpdateMode("s", "bogus", false))))
        .hasMessage("Invalid mode. Valid values are READWRITE, READONLY, and IMPORT.");
    failsWith(ErrorCode.OPERATION_NOT_PERMITTED, () -> await(settings.updateMode(new Requests.UpdateMode("s", "IMPORT", false))))
        .hasMessage("Cannot import since found existing subjects");
    assertThat(await(settings.updateMode(new Requests.UpdateMode("s", "IMPORT", true)))).isEqualTo(Mode.IMPORT);
    assertThat(await(settings.deleteMode(new Requests.DeleteMode("s", false)))).isEqualTo(Mode.IMPORT);
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> await(settings.deleteMode(new Requests.DeleteMode("s", false))));
  }

  @Test
  void enteringImportDropsSoftDeletedVersions() {
    int id = nodes.register("s", STRING).id();
    await(nodes.registry().deleteSubject(new Requests.DeleteSubject("s", false)));
    await(settings.updateMode(new Requests.UpdateMode("s", "IMPORT", false)));
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> nodes.versions("s", true));
    failsWith(ErrorCode.SCHEMA_NOT_FOUND, () -> nodes.registry().schemaById(new Requests.SchemaById(id, null, null, false)));
  }

  /** ../shared/conformance scenario mode-scopes #11-#16. */
  @Test
  void aGlobalReadonlyOverrideIsEveryScopesMode() {
    await(settings.updateMode(new Requests.UpdateMode("s", "READWRITE", false)));
    await(settings.updateMode(new Requests.UpdateMode(null, "READONLY_OVERRIDE", false)));
    assertThat(settings.mode(new Requests.GetMode("s", false))).isEqualTo(Mode.READONLY_OVERRIDE);
    assertThat(settings.mode(new Requests.GetMode("unset", false))).isEqualTo(Mode.READONLY_OVERRIDE);
    assertThat(settings.mode(new Requests.GetMode(":.ctx:x", true))).isEqualTo(Mode.READONLY_OVERRIDE);
    assertThat(await(settings.deleteMode(new Requests.DeleteMode("s", false)))).isEqualTo(Mode.READONLY_OVERRIDE);
    assertThat(await(settings.deleteMode(new Requests.DeleteMode("unset", false)))).isEqualTo(Mode.READONLY_OVERRIDE);
    await(settings.updateMode(new Requests.UpdateMode(null, "READWRITE", false)));
    failsWith(ErrorCode.SUBJECT_MODE_NOT_CONFIGURED, () -> settings.mode(new Requests.GetMode("s", false)));
  }

  /** ../shared/conformance scenario config-scopes #12, subject-names-reserved #17. */
  @Test
  void scopesAreReadUnderTheirStoredSpelling() {
    await(settings.updateConfig(new Requests.UpdateConfig(":.ctx", Config.ofLevel(CompatibilityLevel.NONE))));
    assertThat(settings.config(new Requests.GetConfig(":.ctx:", false)).compatibilityLevel()).isEqualTo(CompatibilityLevel.NONE);
    failsWith(ErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED, () -> settings.config(new Requests.GetConfig(":.:", false)))
        .hasMessage("Subject '' does not have subject-level compatibility configured");
    // Changing the default context's config named as a subject changes the global one.
    await(settings.updateConfig(new Requests.UpdateConfig(":.:", Config.ofLevel(CompatibilityLevel.FULL))));
    assertThat(settings.config(new Requests.GetConfig(null, false)).compatibilityLevel()).isEqualTo(CompatibilityLevel.FULL);
  }

  @Test
  void readOnlySubjectRefusesConfigChangesButNotModeChanges() {
    await(settings.updateMode(new Requests.UpdateMode("s", "READONLY", false)));
    failsWith(ErrorCode.OPERATION_NOT_PERMITTED, () -> await(settings.updateConfig(new Requests.UpdateConfig("s", Config.ofLevel(CompatibilityLevel.NONE)))));
    assertThat(await(settings.deleteMode(new Requests.DeleteMode("s", false)))).isEqualTo(Mode.READONLY);
  }
}
