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
import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.CompatibilityLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compatibility endpoint's checks and message order (../shared/conformance scenario compat-types,
 * config-levels-enforced, compat-endpoint, compat-group).
 */
class CompatibilityCheckTest {
  private static final String USER_AGE_NO_DEFAULT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":"
      + "[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}]}";
  private final Nodes nodes = new Nodes();

  private List<String> check(String subject, String version, String schema, String metadata) {
    SchemaPayload payload = new SchemaPayload(schema, null, List.of(),
        metadata == null ? null : new RawJson(metadata), null);
    return CompatibilityMessages.render(nodes.registry().checkCompatibility(
        new Requests.CheckCompatibility(subject, version, payload, false, true)));
  }

  @Test
  void aMutualCheckListsTheOldSchemasReadingFirst() {
    nodes.register("s", USER);
    nodes.config("s", Config.ofLevel(CompatibilityLevel.FULL));
    List<String> messages = check("s", "latest", USER_INT, null);
    assertThat(messages).hasSize(5);
    assertThat(messages.get(0)).contains("in the old schema does not match with the new schema");
    assertThat(messages.get(1)).contains("in the new schema does not match with the old schema");
    assertThat(messages.subList(2, 5)).containsExactly("{oldSchemaVersion: 1}", "{oldSchema: '" + USER + "'}",
        "{validateFields: 'false', compatibility: 'FULL'}");
  }

  @Test
  void aMutualCheckQuotesTheOldVersionOnlyWhenTheNewSchemaCannotReadIt() {
    nodes.config("s", Config.ofLevel(CompatibilityLevel.NONE));
    nodes.register("s", USER_AGE_NO_DEFAULT);
    nodes.config("s", Config.ofLevel(CompatibilityLevel.FULL));
    List<String> messages = check("s", null, USER, null);
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0)).startsWith("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'")
        .contains("in the old schema has no default value");
    assertThat(messages.get(1)).isEqualTo("{validateFields: 'false', compatibility: 'FULL'}");
    // One way (FORWARD) the same failure quotes it.
    nodes.config("s", Config.ofLevel(CompatibilityLevel.FORWARD));
    assertThat(check("s", null, USER, null)).contains("{oldSchemaVersion: 1}");
  }

  @Test
  void aSoftDeletedVersionCannotBeCheckedAgainst() {
    nodes.register("s", USER);
    await(nodes.registry().deleteVersion(new Requests.DeleteVersion("s", "1", false)));
    failsWith(ErrorCode.VERSION_NOT_FOUND, () -> check("s", "1", USER_INT, null)).hasMessage("Version 1 not found.");
    assertThat(check("s", "latest", USER_INT, null)).isEmpty();
  }

  @Test
  void theGroupOfTheSubmittedMetadataSelectsTheVersions() {
    nodes.config("s", new Config(null, null, null, CompatibilityLevel.BACKWARD, "major", null, null, null, null));
    nodes.register("s", USER, "{\"properties\":{\"major\":\"1\"}}", null);
    nodes.register("s", USER_INT, "{\"properties\":{\"major\":\"2\"}}", null);
    assertThat(check("s", null, USER, null)).as("no version has no major").isEmpty();
    assertThat(check("s", null, USER, "{\"properties\":{\"major\":\"1\"}}")).isEmpty();
    assertThat(check("s", null, USER, "{\"properties\":{\"major\":\"2\"}}")).contains("{oldSchemaVersion: 2}");
  }

  @Test
  void anAliasIsCheckedAgainstItsTarget() {
    nodes.register("target", USER);
    nodes.config("alias", new Config("target", null, null, null, null, null, null, null, null));
    assertThat(check("alias", "latest", USER_INT, null)).contains("{oldSchemaVersion: 1}");
  }
}
