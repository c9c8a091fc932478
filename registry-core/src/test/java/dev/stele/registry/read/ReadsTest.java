package dev.stele.registry.read;

import static dev.stele.registry.Nodes.STRING;
import static dev.stele.registry.Nodes.USER;
import static dev.stele.registry.Nodes.USER_AGE;
import static dev.stele.registry.Nodes.await;
import static dev.stele.registry.Nodes.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.Nodes;
import dev.stele.registry.Registry;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.SchemaRejectedException;
import dev.stele.registry.model.SchemaVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadsTest {
  private final Nodes nodes = new Nodes();
  private final Registry registry = nodes.registry();

  @BeforeEach
  void fill() {
    nodes.register("s0", STRING);
    nodes.register("s1", STRING);
    nodes.register("s2", USER);
    nodes.register("s2", USER_AGE);
    await(registry.deleteSubject(new Requests.DeleteSubject("s1", false)));
    await(registry.deleteVersion(new Requests.DeleteVersion("s2", "1", false)));
  }

  @Test
  void subjectListingsFilterDeleted() {
    assertThat(registry.subjects(new Requests.ListSubjects("", false, false, 0, -1))).containsExactly("s0", "s2");
    assertThat(registry.subjects(new Requests.ListSubjects("", true, false, 0, -1))).containsExactly("s0", "s1", "s2");
    assertThat(registry.subjects(new Requests.ListSubjects("", false, true, 0, -1))).containsExactly("s1", "s2");
    assertThat(registry.subjects(new Requests.ListSubjects("s", false, false, 1, 1))).containsExactly("s2");
  }

  @Test
  void versionListingsAndLatest() {
    assertThat(registry.versions(new Requests.ListVersions("s2", false, false, false, 0, -1))).containsExactly(2);
    assertThat(registry.versions(new Requests.ListVersions("s2", false, false, true, 0, -1))).containsExactly(-1, 2);
    assertThat(registry.version(new Requests.GetVersion("s2", "latest", false, null)).version().version()).isEqualTo(2);
    failsWith(ErrorCode.VERSION_NOT_FOUND, () -> registry.version(new Requests.GetVersion("s2", "1", false, null)));
    assertThat(registry.version(new Requests.GetVersion("s2", "1", true, null)).version().deleted()).isTrue();
    failsWith(ErrorCode.INVALID_VERSION, () -> registry.version(new Requests.GetVersion("s2", "0", false, null)))
        .hasMessageStartingWith("The specified version '0' is not a valid version id.");
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> registry.version(new Requests.GetVersion("s1", "1", false, null)));
  }

  @Test
  void schemasListingAndLookup() {
    assertThat(registry.schemas(new Requests.ListSchemas("s", false, false, null, 0, -1)))
        .extracting(Results.ListedSchema::version).extracting(SchemaVersion::subject, SchemaVersion::version)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("s0", 1), org.assertj.core.groups.Tuple.tuple("s2", 2));
    SchemaVersion found = registry.lookup(new Requests.Lookup("s2", SchemaPayload.of(" " + USER_AGE, null), false, false));
    assertThat(found.version()).isEqualTo(2);
    failsWith(ErrorCode.SCHEMA_NOT_FOUND, () -> registry.lookup(new Requests.Lookup("s2", SchemaPayload.of(USER, null), false, false)))
        .hasMessage("Schema not found");
    assertThat(registry.lookup(new Requests.Lookup("s2", SchemaPayload.of(USER, null), false, true)).version()).isEqualTo(1);
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> registry.lookup(new Requests.Lookup("nope", SchemaPayload.of(USER, null), false, false)));
  }

  /** ../shared/conformance scenario schemas-list #9, #20. */
  @Test
  void schemasLatestCountsSoftDeletedWhenAskedAndFiltersByRuleType() {
    assertThat(registry.schemas(new Requests.ListSchemas("s", true, true, null, 0, -1)))
        .extracting(Results.ListedSchema::version).extracting(SchemaVersion::subject, SchemaVersion::version)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("s0", 1), org.assertj.core.groups.Tuple.tuple("s1", 1),
            org.assertj.core.groups.Tuple.tuple("s2", 2));
    assertThat(registry.schemas(new Requests.ListSchemas("s", false, false, "CEL", 0, -1))).isEmpty();
    nodes.register(new Requests.Register("r", new SchemaPayload(STRING, null, java.util.List.of(), null,
        new RawJson("{\"domainRules\":[{\"name\":\"x\",\"kind\":\"CONDITION\",\"type\":\"CEL\"}]}")),
        false, null, null));
    assertThat(registry.schemas(new Requests.ListSchemas("", false, false, "CEL", 0, -1)))
        .extracting(Results.ListedSchema::subject).containsExactly("r");
  }

  /** ../shared/conformance scenario config-alias #8. */
  @Test
  void aliasesAreListedByTarget() {
    nodes.config("a1", new Config("s0", null, null, null, null, null, null, null, null));
    nodes.config("a0", new Config(":.:s0", null, null, null, null, null, null, null, null));
    nodes.config("plain", Config.ofLevel(dev.stele.schema.CompatibilityLevel.NONE));
    assertThat(registry.aliases()).containsExactly(java.util.Map.entry("s0", java.util.List.of("a0", "a1")));
  }

  /** ../shared/conformance scenario contexts #20, #22-#23. */
  @Test
  void aContextNamedAsASubjectHasNoVersionsAndTheDefaultContextSpelledOutIsTheDefault() {
    nodes.register(":.x:c", STRING);
    assertThat(registry.versions(new Requests.ListVersions(":.x:", false, false, false, 0, -1))).isEmpty();
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> registry.versions(new Requests.ListVersions(":.nope:", false, false, false, 0, -1)));
    nodes.register(":.:d", STRING);
    assertThat(nodes.versions("d", false)).containsExactly(1);
    assertThat(registry.subjects(new Requests.ListSubjects("d", false, false, 0, -1))).containsExactly("d");
  }

  @Test
  void compatibilityEndpointChecksOneVersionOrTheLevel() {
    Results.Compatibility ok = registry.checkCompatibility(new Requests.CheckCompatibility(
        "s2", "latest", SchemaPayload.of(USER_AGE, null), false, true));
    assertThat(ok.isCompatible()).isTrue();
    Results.Compatibility bad = registry.checkCompatibility(new Requests.CheckCompatibility(
        "s2", null, SchemaPayload.of(Nodes.USER_INT, null), false, true));
    assertThat(bad.isCompatible()).isFalse();
    assertThat(bad.conflicts()).singleElement().satisfies(c -> assertThat(c.oldVersion()).isEqualTo(2));
    Results.Compatibility unparsable = registry.checkCompatibility(new Requests.CheckCompatibility(
        "s2", null, SchemaPayload.of("{", null), false, true));
    assertThat(unparsable.problems()).singleElement().isInstanceOfSatisfying(Results.Problem.Unparsable.class,
        p -> assertThat(p.error()).isInstanceOf(SchemaRejectedException.class));
  }
}
