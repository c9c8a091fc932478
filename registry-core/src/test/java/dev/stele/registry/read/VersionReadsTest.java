package dev.stele.registry.read;

import static dev.stele.registry.Nodes.STRING;
import static dev.stele.registry.Nodes.USER;
import static dev.stele.registry.Nodes.await;
import static dev.stele.registry.Nodes.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.Nodes;
import dev.stele.registry.Registry;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.SchemaVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads of one version, with aliases and the context fallback (../shared/conformance scenario cross-context-reads,
 * cross-context-shadow, config-alias, metadata-lookup).
 */
class VersionReadsTest {
  private final Nodes nodes = new Nodes();
  private final Registry registry = nodes.registry();

  private SchemaVersion lookup(String subject, String schema, boolean deleted) {
    return registry.lookup(new Requests.Lookup(subject, SchemaPayload.of(schema, null), false, deleted));
  }

  @Test
  void anUnqualifiedSubjectIsFoundInAnotherContext() {
    int id = nodes.register(":.x:s", USER).id();
    assertThat(nodes.version("s", "1").subject()).isEqualTo(":.x:s");
    assertThat(nodes.version("s", "latest").id()).isEqualTo(id);
    assertThat(lookup("s", USER, false).subject()).isEqualTo(":.x:s");
    assertThat(registry.referencedBy(new Requests.ReferencedBy("s", "1", false, 0, -1))).isEmpty();
    // Not there either: the error is about the subject as asked for.
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> lookup("s", STRING, false)).hasMessage("Subject 's' not found.");
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> nodes.version("s", "2")).hasMessage("Subject 's' not found.");
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> nodes.version(":.y:s", "1"));
  }

  @Test
  void theDefaultContextShadowsOtherContextsOnlyWhereItAnswers() {
    nodes.register(":.x:s", USER);
    nodes.register("s", STRING);
    assertThat(nodes.version("s", "1").schema().schema()).isEqualTo(STRING);
    assertThat(lookup("s", USER, false).subject()).as("schema not in the default subject").isEqualTo(":.x:s");
    await(registry.deleteSubject(new Requests.DeleteSubject("s", false)));
    assertThat(nodes.version("s", "1").subject()).isEqualTo(":.x:s");
    assertThat(registry.version(new Requests.GetVersion("s", "1", true, null)).version().subject()).isEqualTo("s");
  }

  @Test
  void anAliasReadsItsTarget() {
    nodes.register("target", STRING);
    nodes.config("alias", new Config("target", null, null, null, null, null, null, null, null));
    assertThat(nodes.version("alias", "1").subject()).isEqualTo("target");
    assertThat(lookup("alias", STRING, false).subject()).isEqualTo("target");
    nodes.config("alias", new Config("nowhere", null, null, null, null, null, null, null, null));
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> nodes.version("alias", "1")).hasMessage("Subject 'nowhere' not found.");
  }

  @Test
  void latestWithMetadataSearchesNewestFirst() {
    nodes.config("m", Config.ofLevel(dev.stele.schema.CompatibilityLevel.NONE));
    nodes.register("m", STRING, "{\"properties\":{\"a\":\"1\",\"b\":\"2\"}}", null);
    nodes.register("m", "\"int\"", "{\"properties\":{\"a\":\"1\",\"b\":\"3\"}}", null);
    nodes.register("m", "\"long\"", null, null);
    assertThat(withMetadata(Map.of("a", "1"), false).version()).isEqualTo(3);
    assertThat(withMetadata(Map.of("a", "1", "b", "2"), false).version()).isEqualTo(1);
    assertThat(withMetadata(Map.of(), false).version()).isEqualTo(3);
    failsWith(ErrorCode.SCHEMA_NOT_FOUND, () -> withMetadata(Map.of("zz", "1"), false)).hasMessage("Schema not found");
    await(registry.deleteVersion(new Requests.DeleteVersion("m", "3", false)));
    assertThat(withMetadata(Map.of("b", "3"), false).version()).isEqualTo(2);
    assertThat(withMetadata(Map.of("b", "3"), true).version()).isEqualTo(3);
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> registry.latestWithMetadata(
        new Requests.LatestWithMetadata("missing", Map.of(), false, null)));
  }

  private SchemaVersion withMetadata(Map<String, String> properties, boolean deleted) {
    return registry.latestWithMetadata(new Requests.LatestWithMetadata("m", properties, deleted, null)).version();
  }
}
