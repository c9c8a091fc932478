package dev.stele.registry.write;

import static dev.stele.registry.Nodes.USER;
import static dev.stele.registry.Nodes.USER_AGE;
import static dev.stele.registry.Nodes.await;
import static dev.stele.registry.Nodes.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.Nodes;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.SchemaReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeletionTest {
  private static final String DEP = "{\"type\":\"record\",\"name\":\"Dep\",\"namespace\":\"com.x\","
      + "\"fields\":[{\"name\":\"v\",\"type\":\"int\"}]}";
  private static final String HOLDER = "{\"type\":\"record\",\"name\":\"Holder\",\"namespace\":\"com.x\","
      + "\"fields\":[{\"name\":\"d\",\"type\":\"com.x.Dep\"}]}";
  private final Nodes nodes = new Nodes();

  private int deleteVersion(String subject, String version, boolean permanent) {
    return await(nodes.registry().deleteVersion(new Requests.DeleteVersion(subject, version, permanent)));
  }

  private List<Integer> deleteSubject(String subject, boolean permanent) {
    return await(nodes.registry().deleteSubject(new Requests.DeleteSubject(subject, permanent)));
  }

  @Test
  void versionDeleteIsSoftThenPermanent() {
    int id = nodes.register("t", USER).id();
    nodes.register("t", USER_AGE);
    failsWith(ErrorCode.SCHEMA_VERSION_NOT_SOFT_DELETED, () -> deleteVersion("t", "1", true))
        .hasMessage("Subject 't' Version 1 was not deleted first before being permanently deleted");
    assertThat(deleteVersion("t", "1", false)).isEqualTo(1);
    failsWith(ErrorCode.SCHEMA_VERSION_SOFT_DELETED, () -> deleteVersion("t", "1", false));
    // A soft-deleted schema stays readable by id, so consumers keep working.
    assertThat(nodes.registry().schemaById(new Requests.SchemaById(id, null, null, false)).text()).contains("User");
    assertThat(deleteVersion("t", "1", true)).isEqualTo(1);
    failsWith(ErrorCode.VERSION_NOT_FOUND, () -> deleteVersion("t", "1", true)).hasMessage("Version 1 not found.");
    failsWith(ErrorCode.SCHEMA_NOT_FOUND, () -> nodes.registry().schemaById(new Requests.SchemaById(id, null, null, false)))
        .hasMessage("Schema " + id + " not found");
    assertThat(deleteVersion("t", "latest", false)).isEqualTo(2);
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> nodes.versions("t", false));
  }

  @Test
  void versionNumbersKeepCountingAfterSoftDeletes() {
    nodes.register("t", USER);
    deleteSubject("t", false);
    assertThat(nodes.register("t", USER_AGE).version()).isEqualTo(2);
  }

  @Test
  void subjectDeleteIsSoftThenPermanentAndTakesTheSubjectConfig() {
    nodes.register("t", USER);
    nodes.register("t", USER_AGE);
    await(nodes.settings().updateConfig(new Requests.UpdateConfig("t", Config.ofLevel(dev.stele.schema.CompatibilityLevel.FULL))));
    failsWith(ErrorCode.SUBJECT_NOT_SOFT_DELETED, () -> deleteSubject("t", true));
    assertThat(deleteSubject("t", false)).containsExactly(1, 2);
    failsWith(ErrorCode.SUBJECT_SOFT_DELETED, () -> deleteSubject("t", false));
    assertThat(nodes.versions("t", true)).containsExactly(1, 2);
    assertThat(deleteSubject("t", true)).containsExactly(1, 2);
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> deleteSubject("t", true));
    failsWith(ErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED, () -> nodes.settings().config(new Requests.GetConfig("t", false)));
  }

  @Test
  void referencedVersionsCannotBeDeleted() {
    nodes.register("dep", "{\"type\":\"record\",\"name\":\"Dep\",\"namespace\":\"com.x\",\"fields\":[{\"name\":\"v\",\"type\":\"int\"}]}");
    SchemaPayload holder = new SchemaPayload(
        "{\"type\":\"record\",\"name\":\"Holder\",\"namespace\":\"com.x\",\"fields\":[{\"name\":\"d\",\"type\":\"com.x.Dep\"}]}",
        null, List.of(new SchemaReference("com.x.Dep", "dep", 1)), null, null);
    int holderId = nodes.register(new Requests.Register("holder", holder, false, null, null)).id();
    assertThat(nodes.registry().referencedBy(new Requests.ReferencedBy("dep", "1", false, 0, -1))).containsExactly(holderId);
    failsWith(ErrorCode.REFERENCE_EXISTS, () -> deleteVersion("dep", "1", false))
        .hasMessage("One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=dep,version=1}.");
    deleteSubject("holder", false);
    assertThat(deleteVersion("dep", "1", false)).isEqualTo(1);
    // The soft-deleted holder still refers to it: no permanent delete until the holder is gone.
    failsWith(ErrorCode.REFERENCE_EXISTS, () -> deleteVersion("dep", "1", true));
    deleteSubject("holder", true);
    assertThat(deleteVersion("dep", "1", true)).isEqualTo(1);
  }

  @Test
  void anIdSharedByTwoSubjectsSurvivesOneHardDelete() {
    int id = nodes.register("a", USER).id();
    nodes.register("b", USER);
    deleteSubject("a", false);
    deleteSubject("a", true);
    assertThat(nodes.registry().subjectsForId(new Requests.IdUsages(id, null, true, 0, -1))).containsExactly("b");
  }

  /** ../shared/conformance scenario refs-deletes #3-#7. */
  @Test
  void aSubjectReferencedOnlyBySoftDeletedSchemasCanBeDeletedForGood() {
    nodes.register("dep", DEP);
    nodes.register(new Requests.Register("holder", new SchemaPayload(HOLDER, null,
        List.of(new SchemaReference("com.x.Dep", "dep", 1)), null, null), false, null, null));
    failsWith(ErrorCode.REFERENCE_EXISTS, () -> deleteSubject("dep", false));
    // ../shared/conformance scenario refs-proto #11: references are checked before the soft
    // delete is asked for.
    failsWith(ErrorCode.REFERENCE_EXISTS, () -> deleteSubject("dep", true));
    deleteSubject("holder", false);
    assertThat(deleteSubject("dep", false)).containsExactly(1);
    assertThat(deleteSubject("dep", true)).containsExactly(1);
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> nodes.versions("dep", true));
  }

  /** ../shared/conformance scenario alias-filter #14, #23. */
  @Test
  void anAliasDeletesItsTarget() {
    nodes.register("target", USER);
    nodes.register("target", USER_AGE);
    nodes.config("alias", new Config("target", null, null, null, null, null, null, null, null));
    assertThat(deleteVersion("alias", "2", false)).isEqualTo(2);
    assertThat(deleteSubject("alias", false)).containsExactly(1);
    assertThat(nodes.versions("target", true)).containsExactly(1, 2);
  }
}
