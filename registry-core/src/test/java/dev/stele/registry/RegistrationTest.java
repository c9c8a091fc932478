package dev.stele.registry;

import static dev.stele.registry.Nodes.STRING;
import static dev.stele.registry.Nodes.USER;
import static dev.stele.registry.Nodes.USER_AGE;
import static dev.stele.registry.Nodes.USER_INT;
import static dev.stele.registry.Nodes.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.log.RegistryRecord.SchemaRecord;
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
        .hasMessageStartingWith("Schema being registered is incompatible with an earlier schema for subject \"t-value\"")
        .hasMessageContaining("TYPE_MISMATCH")
        .hasMessageContaining("{oldSchemaVersion: 1}")
        .hasMessageEndingWith("{validateFields: 'false', compatibility: 'BACKWARD'}]");
  }

  @Test
  void levelNoneAcceptsAnything() {
    nodes.register("t-value", USER);
    Nodes.await(nodes.settings().updateConfig("t-value", Config.ofLevel(dev.stele.schema.CompatibilityLevel.NONE)));
    assertThat(nodes.register("t-value", USER_INT).version()).isEqualTo(2);
  }

  @Test
  void invalidSchemaIsReportedInConfluentWords() {
    failsWith(ErrorCode.INVALID_SCHEMA, () -> nodes.register("t-value", "{\"type\":\"record\",\"name\":\"X\"}"))
        .hasMessageStartingWith("Invalid schema {subject=t-value,version=0,id=-1,schemaType=AVRO,references=[]");
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
    Nodes.await(nodes.settings().updateMode("t-value", "IMPORT", false));
    failsWith(ErrorCode.OPERATION_NOT_PERMITTED, () -> nodes.register("t-value", STRING))
        .hasMessage("Subject t-value is not in read-write mode");
    Results.Registered imported = nodes.register(
        new Requests.Register("t-value", SchemaPayload.of(STRING, null), false, 400001, 5));
    assertThat(imported.id()).isEqualTo(400001);
    assertThat(imported.version()).isEqualTo(5);
    failsWith(ErrorCode.OPERATION_NOT_PERMITTED, () -> nodes.register(
        new Requests.Register("t-value", SchemaPayload.of("\"int\"", null), false, 400001, 6)))
        .hasMessage("Overwrite new schema with id 400001 is not permitted.");
    Nodes.await(nodes.settings().updateMode("t-value", "READWRITE", false));
    assertThat(nodes.register("other", "\"long\"").id()).isEqualTo(400002);
  }

  @Test
  void readOnlyModeRefusesRegistration() {
    Nodes.await(nodes.settings().updateMode(null, "READONLY", false));
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
    Nodes.await(nodes.settings().updateMode("old-value", "IMPORT", false));
    nodes.register(new Requests.Register("old-value", SchemaPayload.of(badDefault, null), false, 77, 1));
    Nodes.await(nodes.settings().updateMode("old-value", "READWRITE", false));
    assertThat(nodes.register("old-value", badDefault).id()).isEqualTo(77);
  }
}
