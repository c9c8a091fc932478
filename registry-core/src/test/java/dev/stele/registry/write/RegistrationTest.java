package dev.stele.registry.write;

import static dev.stele.registry.Nodes.STRING;
import static dev.stele.registry.Nodes.USER;
import static dev.stele.registry.Nodes.USER_AGE;
import static dev.stele.registry.Nodes.USER_INT;
import static dev.stele.registry.Nodes.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.Nodes;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.IncompatibleSchemaException;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.SchemaRejectedException;
import dev.stele.schema.CompatibilityLevel;
import org.junit.jupiter.api.Test;

class RegistrationTest {
  private final Nodes nodes = new Nodes();

  @Test
  void sameSchemaTwiceIsOneVersionAndOneRecord() {
    Results.Registered first = nodes.register("t-value", USER);
    Results.Registered again = nodes.register("t-value", USER);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.version()).isEqualTo(1);
    assertThat(nodes.log.records()).hasSize(1);
  }

  @Test
  void sameSchemaInAnotherSubjectReusesTheId() {
    int id = nodes.register("a-value", USER).id();
    assertThat(nodes.register("b-value", " " + USER + " ").id()).isEqualTo(id);
    assertThat(nodes.register("c-value", USER_AGE).id()).isNotEqualTo(id);
  }

  @Test
  void compatibleEvolutionGetsTheNextVersion() {
    nodes.register("t-value", USER);
    Results.Registered second = nodes.register("t-value", USER_AGE);
    assertThat(second.version()).isEqualTo(2);
    assertThat(nodes.versions("t-value", false)).containsExactly(1, 2);
  }

  @Test
  void incompatibleChangeIsRefusedWithConfluentDetails() {
    nodes.register("t-value", USER);
    failsWith(ErrorCode.INCOMPATIBLE_SCHEMA, () -> nodes.register("t-value", USER_INT))
        .hasMessage("Schema being registered is incompatible with an earlier schema for subject \"t-value\"")
        .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
          Results.VersionConflict conflict = e.result().conflicts().get(0);
          assertThat(conflict.oldVersion()).isEqualTo(1);
          assertThat(conflict.incompatibilities()).singleElement()
              .satisfies(i -> assertThat(i.message()).contains("TYPE_MISMATCH"));
          assertThat(e.result().level()).isEqualTo(CompatibilityLevel.BACKWARD);
        });
  }

  @Test
  void levelNoneAcceptsAnything() {
    nodes.register("t-value", USER);
    Nodes.await(nodes.settings().updateConfig(new Requests.UpdateConfig("t-value", Config.ofLevel(dev.stele.schema.CompatibilityLevel.NONE))));
    assertThat(nodes.register("t-value", USER_INT).version()).isEqualTo(2);
  }

  @Test
  void forceSkipsTheCompatibilityCheck() {
    nodes.register("t-value", USER);
    Requests.Register forced = new Requests.Register("t-value", SchemaPayload.of(USER_INT, null), false,
        null, null, null, false, true);
    assertThat(nodes.register(forced).version()).isEqualTo(2);
    // Only that registration: the level still holds for the next one.
    failsWith(ErrorCode.INCOMPATIBLE_SCHEMA, () -> nodes.register("t-value", USER_AGE));
  }

  @Test
  void invalidSchemaIsRefusedWithWhatTheEdgeWordsItWith() {
    failsWith(ErrorCode.INVALID_SCHEMA, () -> nodes.register("t-value", "{\"type\":\"record\",\"name\":\"X\"}"))
        .isInstanceOfSatisfying(SchemaRejectedException.class, e -> {
          assertThat(e.submission().subject()).isEqualTo("t-value");
          assertThat(e.submission().id()).isNull();
          assertThat(e.schemaType()).isEqualTo("AVRO");
          assertThat(e.withReferences()).isTrue();
        });
    failsWith(ErrorCode.INVALID_SCHEMA, () -> nodes.register("t-value", "  ")).hasMessage("Empty schema");
    failsWith(ErrorCode.INVALID_SCHEMA, () -> nodes.register(new Requests.Register("t-value",
        SchemaPayload.of(STRING, "avro"), false, null, null))).hasMessage("Invalid schema type avro");
  }

  @Test
  void reservedSubjectsAreRefused() {
    failsWith(ErrorCode.INVALID_SUBJECT, () -> nodes.register("__GLOBAL", STRING));
    failsWith(ErrorCode.INVALID_SUBJECT, () -> nodes.register("tab\there", STRING));
  }

  @Test
  void explicitVersionMustBeTheNextOne() {
    nodes.register("t-value", STRING);
    failsWith(ErrorCode.INVALID_SCHEMA, () -> nodes.register(
        new Requests.Register("t-value", SchemaPayload.of("\"int\"", null), false, null, 5)))
        .hasMessage("Version is not one more than previous version");
  }

  @Test
  void explicitIdNeedsImportMode() {
    failsWith(ErrorCode.OPERATION_NOT_PERMITTED, () -> nodes.register(
        new Requests.Register("t-value", SchemaPayload.of(STRING, null), false, 4242, null)))
        .hasMessage("Subject t-value is not in import mode");
  }

  @Test
  void importModeTakesIdAndVersionAndRefusesToOverwriteAnId() {
    Nodes.await(nodes.settings().updateMode(new Requests.UpdateMode("t-value", "IMPORT", false)));
    failsWith(ErrorCode.OPERATION_NOT_PERMITTED, () -> nodes.register("t-value", STRING))
        .hasMessage("Subject t-value is not in read-write mode");
    Results.Registered imported = nodes.register(
        new Requests.Register("t-value", SchemaPayload.of(STRING, null), false, 400001, 5));
    assertThat(imported.id()).isEqualTo(400001);
    assertThat(imported.version()).isEqualTo(5);
    failsWith(ErrorCode.OPERATION_NOT_PERMITTED, () -> nodes.register(
        new Requests.Register("t-value", SchemaPayload.of("\"int\"", null), false, 400001, 6)))
        .hasMessage("Overwrite new schema with id 400001 is not permitted.");
    Nodes.await(nodes.settings().updateMode(new Requests.UpdateMode("t-value", "READWRITE", false)));
    assertThat(nodes.register("other", "\"long\"").id()).isEqualTo(400002);
  }

  @Test
  void readOnlyModeRefusesRegistration() {
    Nodes.await(nodes.settings().updateMode(new Requests.UpdateMode(null, "READONLY", false)));
    failsWith(ErrorCode.OPERATION_NOT_PERMITTED, () -> nodes.register("t-value", STRING))
        .hasMessage("Subject t-value is in read-only mode");
  }

  @Test
  void reRegisteringASoftDeletedSchemaReplacesItsOldVersion() {
    int id = nodes.register("t-value", USER).id();
    nodes.register("t-value", USER_AGE);
    Nodes.await(nodes.registry().deleteVersion(new Requests.DeleteVersion("t-value", "1", false)));
    Results.Registered back = nodes.register("t-value", USER);
    assertThat(back.id()).isEqualTo(id);
    assertThat(back.version()).isEqualTo(3);
    assertThat(nodes.versions("t-value", true)).containsExactly(2, 3);
    assertThat(nodes.log.records()).last().isInstanceOf(SchemaRecord.class);
  }

  @Test
  void aFailedAppendIsReportedAndTheNextWriteStartsFromDurableState() {
    nodes.register("t-value", USER);
    nodes.log.failNextAppends(1);
    failsWith(ErrorCode.STORE_ERROR, () -> nodes.register("t-value", USER_AGE));
    assertThat(nodes.register("t-value", USER).version()).isEqualTo(1);
    assertThat(nodes.register("t-value", USER_AGE).version()).isEqualTo(2);
    assertThat(nodes.versions("t-value", true)).containsExactly(1, 2);
  }

  @Test
  void stateSurvivesARestart() {
    int id = nodes.register("t-value", USER).id();
    nodes.register("t-value", USER_AGE);
    Nodes restarted = nodes.restart();
    assertThat(restarted.versions("t-value", false)).containsExactly(1, 2);
    assertThat(restarted.register("t-value", USER).id()).isEqualTo(id);
    assertThat(restarted.register("u-value", "\"bytes\"").id()).isGreaterThan(id + 1);
  }

  @Test
  void invalidDefaultsAreRefusedButAnExistingSchemaKeepsItsId() {
    String badDefault = "{\"type\":\"record\",\"name\":\"X\",\"fields\":"
        + "[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}";
    failsWith(ErrorCode.INVALID_SCHEMA, () -> nodes.register("t-value", badDefault))
        .hasMessageContaining("Invalid default for field a");
    // Written before the check existed (here: imported), it is found again, not refused.
    Nodes.await(nodes.settings().updateMode(new Requests.UpdateMode("old-value", "IMPORT", false)));
    nodes.register(new Requests.Register("old-value", SchemaPayload.of(badDefault, null), false, 77, 1));
    Nodes.await(nodes.settings().updateMode(new Requests.UpdateMode("old-value", "READWRITE", false)));
    assertThat(nodes.register("old-value", badDefault).id()).isEqualTo(77);
  }

  @Test
  void validateNewSchemasOffRegistersWithoutTheStricterChecks() {
    String badDefault = "{\"type\":\"record\",\"name\":\"X\",\"fields\":"
        + "[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}";
    nodes.config("lax-value", new Config(null, null, null, null, false, null, null, null, null,
        null, null, null, null));
    assertThat(nodes.register("lax-value", badDefault).version()).isEqualTo(1);
    // Only that subject's scope: elsewhere the default (true) still refuses it.
    failsWith(ErrorCode.INVALID_SCHEMA, () -> nodes.register("strict-value", badDefault))
        .hasMessageContaining("Invalid default for field a");
  }

  // ---- metadata, config contracts, explicit versions and the shape of the answer ----
  // (../shared/conformance scenario reg-metadata, reg-config-metadata, confluent-version,
  // reg-explicit-id, compat-group, alias-filter, import, mode-scopes)

  private static final String OWNER_X = "{\"properties\":{\"owner\":\"x\"}}";
  private static String versioned(int version) {
    return "{\"properties\":{\"confluent:version\":\"" + version + "\"}}";
  }

  private static RawJson metadataOf(Results.Registered registered) {
    return registered.schemaVersion().schema().metadata();
  }

  @Test
  void metadataCarriesOverAndOnlyFilledInAnswersAreDetailed() {
    Results.Registered first = nodes.register("s", STRING, OWNER_X, null);
    assertThat(first.detailed()).as("new, with metadata").isTrue();
    Results.Registered again = nodes.register("s", STRING, OWNER_X, null);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.detailed()).as("found as sent").isFalse();
    Results.Registered inherited = nodes.register("s", STRING, null, null);
    assertThat(inherited.version()).as("found once the latest metadata is filled in").isEqualTo(1);
    assertThat(inherited.detailed()).isTrue();
    Results.Registered plain = nodes.register("t", STRING);
    assertThat(plain.detailed()).as("a plain new version").isFalse();
  }

  @Test
  void anEmptySchemaChangesOnlyTheMetadata() {
    nodes.register("s", STRING, OWNER_X, null);
    Results.Registered changed = nodes.register("s", "", "{\"properties\":{\"owner\":\"z\"}}", null);
    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed.schemaVersion().schema().schema()).isEqualTo(STRING);
    assertThat(metadataOf(changed).text()).isEqualTo("{\"properties\":{\"owner\":\"z\"}}");
    failsWith(ErrorCode.INVALID_SCHEMA, () -> nodes.register("empty", "", null, null)).hasMessage("Empty schema");
  }

  @Test
  void configDefaultsAndOverridesGoIntoEveryNewVersion() {
    nodes.config("s", new Config(null, null, null, null, null, new RawJson("{\"properties\":{\"d\":\"1\"}}"),
        new RawJson("{\"properties\":{\"o\":\"1\"}}"), null, null));
    assertThat(metadataOf(nodes.register("s", STRING)).text()).isEqualTo("{\"properties\":{\"d\":\"1\",\"o\":\"1\"}}");
    Results.Registered second = nodes.register("s", STRING, "{\"properties\":{\"d\":\"2\",\"o\":\"2\"}}", null);
    assertThat(metadataOf(second).text()).isEqualTo("{\"properties\":{\"d\":\"2\",\"o\":\"1\"}}");
    Results.Registered same = nodes.register("s", STRING);
    assertThat(same.version()).isEqualTo(2);
    assertThat(same.detailed()).isTrue();
  }

  @Test
  void confluentVersionRecordsTheVersionAskedFor() {
    Results.Registered first = nodes.register("s", STRING, null, -1);
    assertThat(metadataOf(first).text()).isEqualTo(versioned(1));
    assertThat(first.detailed()).isTrue();
    assertThat(nodes.register("s", STRING, null, -1).detailed()).isFalse();
    assertThat(nodes.register("s", STRING, null, null).id()).as("found without the property").isEqualTo(first.id());
    nodes.config("s", Config.ofLevel(CompatibilityLevel.NONE));
    Results.Registered second = nodes.register("s", "\"int\"", null, null);
    assertThat(metadataOf(second).text()).as("kept true from the latest version").isEqualTo(versioned(2));
    Results.Registered third = nodes.register("s", "\"int\"", versioned(7), null);
    assertThat(third.version()).isEqualTo(3);
    assertThat(metadataOf(third).text()).isEqualTo(versioned(3));
  }

  @Test
  void explicitVersionsAndVersionMinusOne() {
    int first = nodes.register("s", STRING).id();
    failsWith(ErrorCode.INVALID_SCHEMA, () -> nodes.register("s", STRING, null, 1))
        .hasMessage("Version is not one more than previous version");
    Results.Registered second = nodes.register("s", STRING, null, 2);
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.id()).isNotEqualTo(first);
    assertThat(metadataOf(second).text()).isEqualTo(versioned(2));
    Results.Registered resent = nodes.register("s", STRING, null, 2);
    assertThat(resent.version()).as("sent again: found, not refused").isEqualTo(2);
    assertThat(resent.detailed()).isFalse();
    assertThat(nodes.register("s", STRING, null, 0).id()).as("no version: the plain one").isEqualTo(first);
    assertThat(nodes.register("s", STRING, null, -1).id()).as("-1: the latest one").isEqualTo(second.id());
  }

  @Test
  void compatibilityGroupChecksOnlyVersionsWithTheSameValue() {
    nodes.config("s", new Config(null, null, null, CompatibilityLevel.BACKWARD, "major", null, null, null, null));
    nodes.register("s", USER, "{\"properties\":{\"major\":\"1\"}}", null);
    assertThat(nodes.register("s", USER_INT, "{\"properties\":{\"major\":\"2\"}}", null).version()).isEqualTo(2);
    failsWith(ErrorCode.INCOMPATIBLE_SCHEMA, () -> nodes.register("s", USER_INT, "{\"properties\":{\"major\":\"1\"}}", null))
        .isInstanceOfSatisfying(IncompatibleSchemaException.class,
            e -> assertThat(e.result().conflicts()).singleElement().satisfies(c -> assertThat(c.oldVersion()).isEqualTo(1)));
  }

  @Test
  void anAliasRegistersUnderItsTarget() {
    nodes.register("target", STRING);
    nodes.config("alias", new Config("target", null, null, null, null, null, null, null, null));
    failsWith(ErrorCode.INCOMPATIBLE_SCHEMA, () -> nodes.register("alias", "\"int\""))
        .hasMessageStartingWith("Schema being registered is incompatible with an earlier schema for subject \"target\"");
    assertThat(nodes.register("alias", STRING).version()).isEqualTo(1);
    assertThat(nodes.versions("target", false)).containsExactly(1);
  }

  @Test
  void importAnswersAnExistingVersionInFullAndLetsAContentHaveTwoIds() {
    nodes.mode("i", "IMPORT");
    Results.Registered imported = nodes.register(new Requests.Register("i", SchemaPayload.of(STRING, null), false, 500, 1));
    assertThat(imported.detailed()).isFalse();
    Results.Registered again = nodes.register(new Requests.Register("i", SchemaPayload.of(STRING, null), false, 500, 1));
    assertThat(again.detailed()).isTrue();
    assertThat(again.version()).isEqualTo(1);
    nodes.register(new Requests.Register("i", SchemaPayload.of(STRING, null), false, 509, 2));
    nodes.mode("i", "READWRITE");
    // The content's id is now 509, which is not version 1's: an explicit id 500 is an import.
    failsWith(ErrorCode.OPERATION_NOT_PERMITTED, () -> nodes.register(
        new Requests.Register("i", SchemaPayload.of(STRING, null), false, 500, null)))
        .hasMessage("Subject i is not in import mode");
    assertThat(nodes.register("other", STRING).id()).isEqualTo(509);
  }

  @Test
  void aGlobalReadonlyOverrideFreezesEvenASubjectInReadWrite() {
    nodes.mode("s", "READWRITE");
    nodes.mode(null, "READONLY_OVERRIDE");
    failsWith(ErrorCode.OPERATION_NOT_PERMITTED, () -> nodes.register("s", STRING))
        .hasMessage("Subject s is in read-only mode");
  }
}
