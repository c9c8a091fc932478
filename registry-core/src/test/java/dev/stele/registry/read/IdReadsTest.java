package dev.stele.registry.read;

import static dev.stele.registry.Nodes.STRING;
import static dev.stele.registry.Nodes.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.Nodes;
import dev.stele.registry.Registry;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SubjectVersion;
import org.junit.jupiter.api.Test;

/** Ids per context and the subject parameter (../shared/conformance scenario cross-context-reads #7-#11, schemas-by-id). */
class IdReadsTest {
  private final Nodes nodes = new Nodes();
  private final Registry registry = nodes.registry();

  private String text(int id, String subject) {
    return registry.schemaById(new Requests.SchemaById(id, subject, null, false)).text();
  }

  @Test
  void theSubjectParameterPicksTheContextAndFallsBackForAnUnqualifiedOne() {
    int inDefault = nodes.register("s", STRING).id();
    for (String type : new String[] {"int", "long"}) {
      nodes.register(":.x:" + type, "\"" + type + "\"");
    }
    int id = nodes.register(":.x:c", "\"bytes\"").id(); // 3: ids 1-2 are only the context's
    failsWith(ErrorCode.SCHEMA_NOT_FOUND, () -> text(id, null)).hasMessage("Schema " + id + " not found");
    assertThat(text(id, "c")).isEqualTo("\"bytes\"");
    assertThat(text(id, ":.x:")).isEqualTo("\"bytes\"");
    failsWith(ErrorCode.SCHEMA_NOT_FOUND, () -> text(id, ":.y:"));
    assertThat(registry.versionsForId(new Requests.IdUsages(id, "c", false, 0, -1)))
        .containsExactly(new SubjectVersion(":.x:c", 1));
    // The default context answers first, whatever subject is named.
    assertThat(text(inDefault, "not-using-it")).isEqualTo(STRING);
    assertThat(registry.subjectsForId(new Requests.IdUsages(inDefault, "not-using-it", false, 0, -1)))
        .containsExactly("s");
  }

  @Test
  void anAliasInTheSubjectParameterIsFollowed() {
    nodes.register(":.x:t", "\"int\"");
    int id = nodes.register(":.x:t2", "\"bytes\"").id();
    nodes.config("alias", new Config(":.x:t2", null, null, null, null, null, null, null, null));
    assertThat(text(id, "alias")).isEqualTo("\"bytes\"");
  }

  /** "string" as text: the MD5 of the canonical text, computed apart (see SchemaGuidsTest). */
  private static final String STRING_GUID = "095d71cf-1255-6b9d-5e33-0ad575b3df5d";

  @Test
  void aGuidFindsItsIdsInEveryContextDefaultFirstAndSurvivesARestart() {
    nodes.register(":.x:other", "\"int\"");
    int inContext = nodes.register(":.x:s", STRING).id();
    int inDefault = nodes.register("s", STRING).id();

    assertThat(registry.idsForGuid(STRING_GUID)).containsExactly(
        new Results.ContextId(".", inDefault), new Results.ContextId(".x", inContext));
    assertThat(registry.schemaByGuid(new Requests.SchemaByGuid(STRING_GUID, null)).schema().id())
        .isEqualTo(inDefault);
    Registry restarted = nodes.restart().registry();
    assertThat(restarted.idsForGuid(STRING_GUID)).containsExactly(
        new Results.ContextId(".", inDefault), new Results.ContextId(".x", inContext));
  }

  @Test
  void anUnknownOrMalformedGuidIsNotFound() {
    nodes.register("s", STRING);
    for (String guid : new String[] {"00000000-0000-0000-0000-000000000000", "abc", "1-1-1-1-1"}) {
      assertThat(registry.idsForGuid(guid)).isEmpty();
      failsWith(ErrorCode.SCHEMA_NOT_FOUND, () -> registry.schemaByGuid(new Requests.SchemaByGuid(guid, null)))
          .hasMessage("Schema " + guid + " not found");
    }
  }

  @Test
  void aGuidIsForgottenWhenItsLastVersionIsDeletedPermanently() {
    nodes.register("s", STRING);
    Nodes.await(registry.deleteSubject(new Requests.DeleteSubject("s", false)));
    assertThat(registry.idsForGuid(STRING_GUID)).hasSize(1); // soft-deleted: still readable by id
    Nodes.await(registry.deleteSubject(new Requests.DeleteSubject("s", true)));
    assertThat(registry.idsForGuid(STRING_GUID)).isEmpty();
  }
}
