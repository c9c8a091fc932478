package dev.stele.registry.read;

import static dev.stele.registry.Nodes.USER;
import static dev.stele.registry.Nodes.USER_INT;
import static dev.stele.registry.Nodes.await;
import static dev.stele.registry.Nodes.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.Nodes;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.CompatibilityLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compatibility endpoint's checks and the order of what they find (../shared/conformance
 * scenarios compat-types, config-levels-enforced, compat-endpoint, compat-group). The typed
 * result is asserted here; registry-http's CompatibilityMessagesTest pins its wording.
 */
class CompatibilityCheckTest {
  private static final String USER_AGE_NO_DEFAULT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":"
      + "[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}]}";
  private final Nodes nodes = new Nodes();

  private Results.Compatibility check(String subject, String version, String schema, String metadata) {
    SchemaPayload payload = new SchemaPayload(schema, null, List.of(),
        metadata == null ? null : new RawJson(metadata), null);
    return nodes.registry().checkCompatibility(
        new Requests.CheckCompatibility(subject, version, payload, false, true));
  }

  /** The versions that failed, in check order. */
  private static List<Integer> failedVersions(Results.Compatibility result) {
    return result.conflicts().stream().map(Results.VersionConflict::oldVersion).toList();
  }

  @Test
  void aMutualCheckListsTheOldSchemasReadingFirst() {
    nodes.register("s", USER);
    nodes.config("s", Config.ofLevel(CompatibilityLevel.FULL));
    Results.Compatibility result = check("s", "latest", USER_INT, null);
    Results.VersionConflict conflict = result.conflicts().get(0);
    assertThat(result.conflicts()).hasSize(1);
    assertThat(conflict.incompatibilities()).hasSize(2);
    assertThat(conflict.incompatibilities().get(0).message()).contains("in the old schema does not match with the new schema");
    assertThat(conflict.incompatibilities().get(1).message()).contains("in the new schema does not match with the old schema");
    assertThat(conflict.oldVersion()).isEqualTo(1);
    assertThat(conflict.oldSchema()).isEqualTo(USER);
    assertThat(conflict.quotesOld()).isTrue();
    assertThat(result.level()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(result.validateFields()).isFalse();
  }

  @Test
  void aMutualCheckQuotesTheOldVersionOnlyWhenTheNewSchemaCannotReadIt() {
    nodes.config("s", Config.ofLevel(CompatibilityLevel.NONE));
    nodes.register("s", USER_AGE_NO_DEFAULT);
    nodes.config("s", Config.ofLevel(CompatibilityLevel.FULL));
    Results.VersionConflict conflict = check("s", null, USER, null).conflicts().get(0);
    assertThat(conflict.incompatibilities()).singleElement()
        .satisfies(i -> assertThat(i.message()).startsWith("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'")
            .contains("in the old schema has no default value"));
    assertThat(conflict.quotesOld()).isFalse();
    // One way (FORWARD) the same failure quotes it.
    nodes.config("s", Config.ofLevel(CompatibilityLevel.FORWARD));
    assertThat(check("s", null, USER, null).conflicts()).singleElement()
        .satisfies(c -> assertThat(c.quotesOld()).isTrue());
  }

  @Test
  void aSoftDeletedVersionCannotBeCheckedAgainst() {
    nodes.register("s", USER);
    await(nodes.registry().deleteVersion(new Requests.DeleteVersion("s", "1", false)));
    failsWith(ErrorCode.VERSION_NOT_FOUND, () -> check("s", "1", USER_INT, null)).hasMessage("Version 1 not found.");
    assertThat(check("s", "latest", USER_INT, null).isCompatible()).isTrue();
  }

  @Test
  void theGroupOfTheSubmittedMetadataSelectsTheVersions() {
    nodes.config("s", new Config(null, null, null, CompatibilityLevel.BACKWARD, "major", null, null, null, null));
    nodes.register("s", USER, "{\"properties\":{\"major\":\"1\"}}", null);
    nodes.register("s", USER_INT, "{\"properties\":{\"major\":\"2\"}}", null);
    assertThat(check("s", null, USER, null).isCompatible()).as("no version has no major").isTrue();
    assertThat(check("s", null, USER, "{\"properties\":{\"major\":\"1\"}}").isCompatible()).isTrue();
    assertThat(failedVersions(check("s", null, USER, "{\"properties\":{\"major\":\"2\"}}"))).containsExactly(2);
  }

  @Test
  void anAliasIsCheckedAgainstItsTarget() {
    nodes.register("target", USER);
    nodes.config("alias", new Config("target", null, null, null, null, null, null, null, null));
    assertThat(failedVersions(check("alias", "latest", USER_INT, null))).containsExactly(1);
  }

  @Test
  void anAskedLevelJudgesAsIfTheSubjectWereSetToItAndPicksItsVersions() {
    nodes.config("s", Config.ofLevel(CompatibilityLevel.NONE));
    nodes.register("s", USER_INT);
    nodes.register("s", USER);
    SchemaPayload payload = new SchemaPayload(USER, null, List.of(), null, null);
    Results.Compatibility latestOnly = nodes.registry().checkCompatibility(
        new Requests.CheckCompatibility("s", null, payload, false, true, CompatibilityLevel.BACKWARD));
    assertThat(latestOnly.isCompatible()).isTrue();
    assertThat(latestOnly.level()).isEqualTo(CompatibilityLevel.BACKWARD);
    Results.Compatibility all = nodes.registry().checkCompatibility(
        new Requests.CheckCompatibility("s", null, payload, false, true, CompatibilityLevel.BACKWARD_TRANSITIVE));
    assertThat(failedVersions(all)).containsExactly(1);
    assertThat(check("s", null, USER, null).level()).as("the subject's own level is untouched")
        .isEqualTo(CompatibilityLevel.NONE);
  }
}
