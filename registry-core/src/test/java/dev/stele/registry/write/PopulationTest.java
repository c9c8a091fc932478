package dev.stele.registry.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.model.Config;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.state.VersionEntry;
import dev.stele.registry.write.Population.Populated;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a new version takes from config and the latest version (../shared/conformance scenario reg-metadata,
 * reg-config-metadata, confluent-version, reg-explicit-id, metadata-lookup).
 */
class PopulationTest {
  private static final String STRING = "\"string\"";

  private static RawJson json(String text) {
    return text == null || text.isEmpty() ? null : new RawJson(text);
  }

  private static VersionEntry latest(String schema, String metadata) {
    return new VersionEntry(2, new StoredSchema(7, "AVRO", schema, List.of(), json(metadata), null), false, 0L);
  }

  private static Config config(String defaultMetadata, String overrideMetadata) {
    return new Config(null, null, null, null, null, json(defaultMetadata), json(overrideMetadata), null, null);
  }

  /** Columns: submitted metadata, latest's metadata, config default, config override, version asked, result. */
  @ParameterizedTest(name = "[{index}] {0} / {1} -> {5}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // nothing anywhere: nothing added, nothing modified
      "- | - | - | - | - | -",
      // the latest version's metadata carries over when none is submitted
      "- | {\"properties\":{\"owner\":\"x\"}} | - | - | - | {\"properties\":{\"owner\":\"x\"}}",
      // submitted metadata wins over the latest's
      "{\"properties\":{\"owner\":\"y\"}} | {\"properties\":{\"owner\":\"x\"}} | - | - | - | {\"properties\":{\"owner\":\"y\"}}",
      // config: default under, override over
      "- | - | {\"properties\":{\"d\":\"1\"}} | {\"properties\":{\"o\":\"1\"}} | - | {\"properties\":{\"d\":\"1\",\"o\":\"1\"}}",
      "{\"properties\":{\"d\":\"2\",\"o\":\"2\"}} | - | {\"properties\":{\"d\":\"1\"}} | {\"properties\":{\"o\":\"1\"}} | - | {\"properties\":{\"d\":\"2\",\"o\":\"1\"}}",
      // a version asked for (-1 included) is recorded as the version the schema gets
      "- | - | - | - | -1 | {\"properties\":{\"confluent:version\":\"3\"}}",
      "- | - | - | - | 3 | {\"properties\":{\"confluent:version\":\"3\"}}",
      // a version property already there is kept true
      "{\"properties\":{\"confluent:version\":\"7\"}} | - | - | - | - | {\"properties\":{\"confluent:version\":\"3\"}}",
      "- | {\"properties\":{\"confluent:version\":\"2\"}} | - | - | - | {\"properties\":{\"confluent:version\":\"3\"}}",
      // empty metadata is metadata
      "{} | {\"properties\":{\"owner\":\"x\"}} | - | - | - | {}",
  })
  void metadataIsMergedAndVersioned(String submitted, String previous, String defaults, String overrides,
      Integer version, String expected) {
    SchemaPayload payload = new SchemaPayload(STRING, null, List.of(), json(submitted), null);
    Populated populated = Population.populate(payload, config(defaults, overrides), latest(STRING, previous),
        version, 3);
    assertThat(populated.payload().metadata()).isEqualTo(json(expected));
    assertThat(populated.modified()).isEqualTo(expected != null);
  }

  @Test
  void anEmptySchemaIsTheLatestVersionsSchema() {
    SchemaPayload payload = new SchemaPayload("", null, List.of(), json("{\"properties\":{\"owner\":\"z\"}}"), null);
    Populated populated = Population.populate(payload, Config.EMPTY, latest("\"int\"", null), null, 3);
    assertThat(populated.payload().schema()).isEqualTo("\"int\"");
    assertThat(populated.payload().schemaType()).isEqualTo("AVRO");
    assertThat(populated.modified()).isTrue();
    // With no version to copy from, the schema stays empty (and is refused by the parser).
    assertThat(Population.populate(payload, Config.EMPTY, null, null, 1).payload().schema()).isEmpty();
  }

  @Test
  void ruleSetsMergeByRuleName() {
    String rule = "{\"name\":\"r\",\"kind\":\"CONDITION\",\"type\":\"CEL\",\"expr\":\"a\"}";
    String other = "{\"name\":\"r\",\"kind\":\"CONDITION\",\"type\":\"CEL\",\"expr\":\"b\"}";
    Config config = new Config(null, null, null, null, null, null, null,
        json("{\"domainRules\":[" + rule + "]}"), json("{\"domainRules\":[" + other + "]}"));
    SchemaPayload payload = SchemaPayload.of(STRING, null);
    Populated populated = Population.populate(payload, config, null, null, 1);
    assertThat(populated.payload().ruleSet()).isEqualTo(json("{\"domainRules\":[" + other + "]}"));
    assertThat(populated.modified()).isTrue();
  }

  /** ../shared/conformance scenario reg-explicit-id #7: version -1 is the latest version, as it was recorded. */
  @Test
  void anAskedVersionIsLookedUpAsItsRecordedNumber() {
    SchemaPayload payload = SchemaPayload.of(STRING, null);
    VersionEntry versioned = latest(STRING, "{\"properties\":{\"confluent:version\":\"2\"}}");
    assertThat(Population.forLookup(payload, -1, versioned).metadata())
        .isEqualTo(json("{\"properties\":{\"confluent:version\":\"2\"}}"));
    assertThat(Population.forLookup(payload, -1, latest(STRING, null))).isSameAs(payload);
    assertThat(Population.forLookup(payload, null, versioned)).isSameAs(payload);
    assertThat(Population.forLookup(payload, -1, null)).isSameAs(payload);
    assertThat(Population.forLookup(payload, 5, null).metadata())
        .isEqualTo(json("{\"properties\":{\"confluent:version\":\"5\"}}"));
  }

  @Test
  void configContributesWhenItHasAnyDefaultOrOverride() {
    assertThat(Population.configContributes(Config.EMPTY)).isFalse();
    assertThat(Population.configContributes(config("{}", null))).isTrue();
    assertThat(Population.configContributes(config(null, "{}"))).isTrue();
  }
}
