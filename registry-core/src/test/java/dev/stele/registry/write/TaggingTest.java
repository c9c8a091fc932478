package dev.stele.registry.write;

import static dev.stele.registry.Nodes.USER;
import static dev.stele.registry.Nodes.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.Nodes;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.schema.SchemaEntity;
import dev.stele.schema.TagEdit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaggingTest {
  private static final SchemaEntity NAME = new SchemaEntity("User.name", SchemaEntity.Type.SR_FIELD);
  private static final String USER_PII =
      "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]}]}";

  private final Nodes nodes = new Nodes();

  private Results.Registered tag(String version, Integer newVersion, TagEdit edit, String metadata) {
    return Nodes.await(nodes.registry().tagVersion(new Requests.TagVersion("t-value", version, newVersion,
        edit, metadata == null ? null : new RawJson(metadata), null, null, null)));
  }

  @Test
  void taggingRegistersTheTaggedSchemaAsTheNextVersionWithItsNumberInMetadata() {
    nodes.register("t-value", USER);
    Results.Registered tagged = tag("1", 2, TagEdit.adding(Map.of(NAME, Set.of("PII"))), null);

    assertThat(tagged.version()).isEqualTo(2);
    assertThat(tagged.detailed()).isTrue();
    SchemaVersion stored = nodes.version("t-value", "2");
    assertThat(stored.schema().schema()).isEqualTo(USER_PII);
    assertThat(stored.schema().metadata().text()).isEqualTo("{\"properties\":{\"confluent:version\":\"2\"}}");
  }

  @Test
  void anEmptyEditStillMakesANewVersionAndMetadataCanBeReplaced() {
    nodes.register("t-value", USER);
    assertThat(tag("latest", null, TagEdit.NONE, null).version()).isEqualTo(2);
    tag("2", null, TagEdit.NONE, "{\"properties\":{\"owner\":\"me\"}}");

    assertThat(nodes.version("t-value", "3").schema().metadata().text())
        .isEqualTo("{\"properties\":{\"confluent:version\":\"3\",\"owner\":\"me\"}}");
    assertThat(nodes.version("t-value", "3").schema().schema()).isEqualTo(USER);
  }

  @Test
  void refusalsNameTheProblem() {
    nodes.register("t-value", USER);
    failsWith(ErrorCode.INVALID_SCHEMA, () -> tag("1", 9, TagEdit.NONE, null))
        .hasMessage("Version is not one more than previous version");
    failsWith(ErrorCode.INVALID_SCHEMA, () -> tag("1", null,
        TagEdit.adding(Map.of(new SchemaEntity("User.nope", SchemaEntity.Type.SR_FIELD), Set.of("X"))), null))
        .hasMessage("No matching path 'User.nope' found in the schema");
    failsWith(ErrorCode.VERSION_NOT_FOUND, () -> tag("7", null, TagEdit.NONE, null));
    failsWith(ErrorCode.INVALID_VERSION, () -> tag("abc", null, TagEdit.NONE, null));
    failsWith(ErrorCode.SUBJECT_NOT_FOUND, () -> Nodes.await(nodes.registry().tagVersion(
        new Requests.TagVersion("other", "1", null, TagEdit.NONE, null, null, null, null))));
    failsWith(ErrorCode.INVALID_RULE_SET, () -> Nodes.await(nodes.registry().tagVersion(
        new Requests.TagVersion("t-value", "1", null, TagEdit.NONE, null, new RawJson("{}"), null, List.of("r")))));
    assertThat(nodes.versions("t-value", false)).containsExactly(1);
  }

  @Test
  void rulesToMergeAndRemoveEditThePreviousVersionsRules() {
    nodes.register(new Requests.Register("t-value", new SchemaPayload(USER, null, List.of(), null,
        new RawJson("{\"domainRules\":[{\"name\":\"a\",\"type\":\"CEL\"},{\"name\":\"b\",\"type\":\"CEL\"}]}")),
        false, null, null));
    Nodes.await(nodes.registry().tagVersion(new Requests.TagVersion("t-value", "1", null, TagEdit.NONE, null,
        null, new RawJson("{\"domainRules\":[{\"name\":\"c\",\"type\":\"CEL\"}]}"), List.of("a"))));

    assertThat(nodes.version("t-value", "2").schema().ruleSet().text())
        .contains("\"b\"").contains("\"c\"").doesNotContain("\"a\"");
  }

  @Test
  void registeringWithTagsSkipsTheFastPathAndPropagationCarriesTheLatestTags() {
    nodes.register("t-value", USER);
    Results.Registered withTags = nodes.register(new Requests.Register("t-value", SchemaPayload.of(USER, null),
        false, null, null, TagEdit.adding(Map.of(NAME, Set.of("PII"))), false));
    assertThat(withTags.version()).isEqualTo(2);
    assertThat(nodes.version("t-value", "2").schema().schema()).isEqualTo(USER_PII);

    String withAge = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
        + "{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}";
    nodes.register(new Requests.Register("t-value", SchemaPayload.of(withAge, null), false, null, null,
        TagEdit.NONE, true));
    assertThat(nodes.version("t-value", "3").schema().schema())
        .contains("{\"name\":\"name\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]}");
  }

  @Test
  void readsFindTheTaggedEntitiesOnlyWhenAsked() {
    nodes.register("t-value", USER);
    int id = tag("1", null, TagEdit.adding(Map.of(NAME, Set.of("PII"))), null).id();

    assertThat(nodes.registry().version(new Requests.GetVersion("t-value", "2", false, null, List.of("PII"))).tags())
        .containsExactly(Map.entry(NAME, Set.of("PII")));
    assertThat(nodes.registry().schemaById(new Requests.SchemaById(id, null, null, false, List.of("*"))).tags())
        .containsExactly(Map.entry(NAME, Set.of("PII")));
    assertThat(nodes.registry().version(new Requests.GetVersion("t-value", "2", false, null, List.of("X"))).tags())
        .isEmpty();
    assertThat(nodes.registry().version(new Requests.GetVersion("t-value", "2", false, null)).tags()).isEmpty();
  }

  @Test
  void importModeWritesTheRequestsTagsButTagsNoVersion() {
    nodes.mode("t-value", "IMPORT");
    nodes.register(new Requests.Register("t-value", SchemaPayload.of(USER, null), false, 7, 1,
        TagEdit.adding(Map.of(NAME, Set.of("PII"))), false));

    assertThat(nodes.version("t-value", "1").schema().schema()).isEqualTo(USER_PII);
    assertThat(nodes.version("t-value", "1").id()).isEqualTo(7);
    // Tagging registers a new version with a new id, which IMPORT mode does not assign.
    failsWith(ErrorCode.OPERATION_NOT_PERMITTED, () -> tag("1", null, TagEdit.NONE, null))
        .hasMessage("Subject t-value is not in read-write mode");
  }
}
