package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.SubjectVersion;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.IncompatibilityKind;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 7.9 response shapes with 8.x's {@code guid}, byte for byte (field order included). */
class RenderTest {
  private static final StoredSchema AVRO = new StoredSchema(7, "AVRO", "\"string\"", List.of(), null, null);
  private static final StoredSchema JSON_WITH_ALL = new StoredSchema(8, "JSON", "{}",
      List.of(new SchemaReference("a.json", "a", 2)), new RawJson("{\"properties\":{\"k\":\"v\"}}"),
      new RawJson("{\"domainRules\":[]}"));

  @Test
  void schemaLeavesOutTheAvroTypeAndEmptyParts() {
    assertThat(Render.schema(new SchemaVersion("s", 1, AVRO, false, 0L), "\"string\"").toString())
        .isEqualTo("{\"subject\":\"s\",\"version\":1,\"id\":7,\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\","
            + "\"deleted\":false}");
  }

  @Test
  void schemaWithEveryPart() {
    assertThat(Render.schema(new SchemaVersion("s", 2, JSON_WITH_ALL, true, 1700000000123L), "{}").toString())
        .isEqualTo("{\"subject\":\"s\",\"version\":2,\"id\":8,\"guid\":\"797cf69f-e67f-a644-a4c5-d22e44dbd930\",\"schemaType\":\"JSON\","
            + "\"references\":[{\"name\":\"a.json\",\"subject\":\"a\",\"version\":2}],"
            + "\"metadata\":{\"properties\":{\"k\":\"v\"}},\"ruleSet\":{\"domainRules\":[]},\"schema\":\"{}\","
            + "\"ts\":1700000000123,\"deleted\":true}");
  }

  /** Confluent 8.5's SchemaString: subject and version only when asked with ?subject=. */
  @Test
  void schemaStringNamesItsVersionOnlyWhenAskedAndAlwaysSaysWhenAndDeleted() {
    SchemaVersion usage = new SchemaVersion("s", 1, AVRO, true, 1700000000123L);
    assertThat(Render.schemaText(new Results.SchemaText(AVRO, "\"string\"", usage, null)).toString())
        .isEqualTo("{\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\","
            + "\"ts\":1700000000123,\"deleted\":true}");
    assertThat(Render.schemaText(new Results.SchemaText(AVRO, null, usage, true, null, null)).toString())
        .isEqualTo("{\"subject\":\"s\",\"version\":1,\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\","
            + "\"schema\":\"\\\"string\\\"\",\"ts\":1700000000123,\"deleted\":true}");
    assertThat(Render.schemaText(new Results.SchemaText(JSON_WITH_ALL, "{}", null, 9)).toString())
        .isEqualTo("{\"guid\":\"797cf69f-e67f-a644-a4c5-d22e44dbd930\",\"schemaType\":\"JSON\",\"schema\":\"{}\","
            + "\"references\":[{\"name\":\"a.json\",\"subject\":\"a\",\"version\":2}],"
            + "\"metadata\":{\"properties\":{\"k\":\"v\"}},\"ruleSet\":{\"domainRules\":[]},\"maxId\":9}");
  }

  @Test
  void registrationIsTheIdUnlessDetailed() {
    SchemaVersion version = new SchemaVersion("s", 3, JSON_WITH_ALL, false, 0L);
    assertThat(Render.registered(new Results.Registered(8, 3, version, false)).toString()).isEqualTo("{\"id\":8,\"guid\":\"797cf69f-e67f-a644-a4c5-d22e44dbd930\"}");
    assertThat(Render.registered(new Results.Registered(8, 3, version, true)).toString())
        .isEqualTo("{\"id\":8,\"version\":3,\"guid\":\"797cf69f-e67f-a644-a4c5-d22e44dbd930\",\"schemaType\":\"JSON\","
            + "\"references\":[{\"name\":\"a.json\",\"subject\":\"a\",\"version\":2}],"
            + "\"metadata\":{\"properties\":{\"k\":\"v\"}},\"ruleSet\":{\"domainRules\":[]},\"schema\":\"{}\"}");
  }

  /** A kind whose template is the whole message. */
  private record Worded(String name, String template) implements IncompatibilityKind {}

  @Test
  void compatibilityShowsMessagesOnlyWhenVerbose() {
    Results.Compatibility failed = new Results.Compatibility(
        List.of(new Results.VersionConflict(1, "\"string\"", List.of(new Incompatibility(
            new Worded("K", "m"), "/", SchemaFormat.Roles.NEW_READS_OLD)))),
        List.of(), CompatibilityLevel.BACKWARD, false);
    assertThat(Render.compatibility(failed, false).toString()).isEqualTo("{\"is_compatible\":false}");
    assertThat(Render.compatibility(failed, true).toString()).isEqualTo("{\"is_compatible\":false,\"messages\":"
        + "[\"m\",\"{oldSchemaVersion: 1}\",\"{oldSchema: '\\\"string\\\"'}\","
        + "\"{validateFields: 'false', compatibility: 'BACKWARD'}\"]}");
    Results.Compatibility passed = new Results.Compatibility(List.of(), List.of(), CompatibilityLevel.FULL, false);
    assertThat(Render.compatibility(passed, true).toString()).isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
  }

  @Test
  void configUsesTheResponseKeyForTheLevel() {
    Config config = new Config("x", true, false, CompatibilityLevel.FULL, "g", new RawJson("{}"), null, null,
        new RawJson("{\"domainRules\":[]}"));
    assertThat(Render.config(config).toString()).isEqualTo("{\"alias\":\"x\",\"normalize\":true,"
        + "\"validateFields\":false,\"compatibilityLevel\":\"FULL\",\"compatibilityGroup\":\"g\","
        + "\"defaultMetadata\":{},\"overrideRuleSet\":{\"domainRules\":[]}}");
    assertThat(Render.config(Config.EMPTY).toString()).isEqualTo("{}");
  }

  @Test
  void listsAndScalars() {
    assertThat(Render.strings(List.of("a", "b\"")).toString()).isEqualTo("[\"a\",\"b\\\"\"]");
    assertThat(Render.integers(List.of(-1, 2)).toString()).isEqualTo("[-1,2]");
    assertThat(Render.integer(3).toString()).isEqualTo("3");
    assertThat(Render.subjectVersions(List.of(new SubjectVersion("s", 1))).toString())
        .isEqualTo("[{\"subject\":\"s\",\"version\":1}]");
    assertThat(Render.mode("READONLY").toString()).isEqualTo("{\"mode\":\"READONLY\"}");
  }

  @Test
  void errorBodyLeavesOutAnEmptyMessage() throws Exception {
    assertThat(Render.error(40401, "Subject 's' not found.").toString())
        .isEqualTo("{\"error_code\":40401,\"message\":\"Subject 's' not found.\"}");
    assertThat(Render.error(500, "").toString()).isEqualTo("{\"error_code\":500}");
    assertThat(new ObjectMapper().readTree(Render.error(422, "a\u0000\"b").toString()).get("message").asText())
        .isEqualTo("a\u0000\"b");
  }
}
