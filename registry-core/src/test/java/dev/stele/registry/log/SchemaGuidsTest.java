package dev.stele.registry.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.SchemaContent;
import dev.stele.schema.SchemaReference;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The expected GUIDs were computed apart from this code (Python's hashlib over the byte layout
 * of ../shared/API.md §5.1), so a change in what is hashed or in which order fails here.
 */
class SchemaGuidsTest {
  private static SchemaContent content(String type, String schema, List<SchemaReference> refs,
      String metadata, String ruleSet) {
    return new SchemaContent(type, schema, refs, metadata == null ? null : new RawJson(metadata),
        ruleSet == null ? null : new RawJson(ruleSet));
  }

  @Test
  void aPlainSchemaIsTheMd5OfItsTextAsAUuid() {
    assertThat(SchemaGuids.of(content("AVRO", "\"string\"", List.of(), null, null)))
        .isEqualTo(UUID.fromString("095d71cf-1255-6b9d-5e33-0ad575b3df5d"));
  }

  @Test
  void referencesMetadataAndRulesAreHashedInConfluentsOrder() {
    SchemaContent content = content("AVRO", "\"string\"", List.of(new SchemaReference("a.proto", "a-value", 3)),
        "{\"tags\":{\"f\":[\"B\",\"A\"]},\"properties\":{\"k\":\"v\"},\"sensitive\":[\"k\"]}",
        "{\"domainRules\":[{\"name\":\"r\",\"kind\":\"CONDITION\",\"mode\":\"WRITE\",\"type\":\"CEL\","
            + "\"tags\":[\"z\",\"y\"],\"params\":{\"b\":\"2\",\"a\":\"1\"},\"expr\":\"x\",\"disabled\":true}]}");

    assertThat(SchemaGuids.of(content)).isEqualTo(UUID.fromString("beca0a59-0a4c-5e07-3139-e81d64547561"));
    assertThat(SchemaGuids.of(content("JSON", "{\"type\":\"string\"}", List.of(),
        "{\"properties\":{\"confluent:version\":\"2\"}}", null)))
        .isEqualTo(UUID.fromString("51e53ea4-19c2-5045-623b-5dce078892fb"));
  }

  @Test
  void theSchemaTypeIsNotPartOfIt() {
    assertThat(SchemaGuids.of(content("AVRO", "\"string\"", List.of(), null, null)))
        .isEqualTo(SchemaGuids.of(content("JSON", "\"string\"", List.of(), null, null)));
  }

  @Test
  void onlyCanonicalUuidTextIsAGuid() {
    assertThat(SchemaGuids.parse("095d71cf-1255-6b9d-5e33-0ad575b3df5d")).isNotNull();
    assertThat(SchemaGuids.parse("095D71CF-1255-6B9D-5E33-0AD575B3DF5D")).isNotNull();
    assertThat(SchemaGuids.parse("1-1-1-1-1")).isNull();
    assertThat(SchemaGuids.parse("not-a-guid")).isNull();
    assertThat(SchemaGuids.parse(null)).isNull();
  }
}
