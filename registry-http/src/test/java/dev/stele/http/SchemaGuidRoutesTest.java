package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code guid} in answers, {@code GET /schemas/guids/{guid}[/ids]}, and {@code findTags} on reads
 * (Confluent 8.x; the 7.9 corpus has none of these).
 */
class SchemaGuidRoutesTest extends HttpTestBase {
  /** MD5 of {@code "string"} as a UUID, computed apart (see SchemaGuidsTest). */
  private static final String STRING_GUID = "095d71cf-1255-6b9d-5e33-0ad575b3df5d";

  @Test
  void everyAnswerWithASchemaCarriesTheSameGuid() {
    Reply registered = post("/subjects/s/versions", STRING);
    assertThat(registered.json().get("guid").asText()).isEqualTo(STRING_GUID);
    assertThat(get("/subjects/s/versions/1").json().get("guid").asText()).isEqualTo(STRING_GUID);
    assertThat(get("/schemas/ids/1").json().get("guid").asText()).isEqualTo(STRING_GUID);
    assertThat(post("/subjects/s", STRING).json().get("guid").asText()).isEqualTo(STRING_GUID);
    assertThat(get("/schemas").json().get(0).get("guid").asText()).isEqualTo(STRING_GUID);
    // Metadata is part of the content, so of the GUID.
    Reply withMetadata = post("/subjects/m/versions",
        "{\"schema\": \"\\\"string\\\"\", \"metadata\": {\"properties\": {\"owner\": \"x\"}}}");
    assertThat(withMetadata.json().get("guid").asText()).isNotEqualTo(STRING_GUID);
  }

  @Test
  void aGuidReadsAsTheSchemaAndListsItsIdsPerContext() {
    register(":.ctx:s", STRING);
    register("s", STRING);

    assertJson(get("/schemas/guids/" + STRING_GUID), 200,
        "{\"guid\":\"" + STRING_GUID + "\",\"schema\":\"\\\"string\\\"\"}");
    assertJson(get("/schemas/guids/" + STRING_GUID + "/ids"), 200,
        "[{\"context\":\".\",\"id\":1},{\"context\":\".ctx\",\"id\":1}]");
    assertThat(get("/schemas/guids/" + STRING_GUID + "?format=resolved").json().get("schema").asText())
        .isEqualTo("\"string\"");
  }

  @Test
  void anUnknownGuidIsSchemaNotFoundAndHasNoIds() {
    assertError(get("/schemas/guids/00000000-0000-0000-0000-000000000000"), 404, 40403,
        "Schema 00000000-0000-0000-0000-000000000000 not found");
    assertError(get("/schemas/guids/not-a-guid"), 404, 40403, "Schema not-a-guid not found");
    assertJson(get("/schemas/guids/not-a-guid/ids"), 200, "[]");
  }

  @Test
  void findTagsListsTheTaggedEntitiesThatCarryThem() {
    register("t", "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"User\\\",\\\"fields\\\":["
        + "{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\",\\\"confluent:tags\\\":[\\\"PII\\\"]},"
        + "{\\\"name\\\":\\\"b\\\",\\\"type\\\":\\\"string\\\",\\\"confluent:tags\\\":[\\\"X\\\"]}]}\"}");
    String piiOnly = "[{\"schemaEntity\":{\"entityPath\":\"User.a\",\"entityType\":\"sr_field\"},\"tags\":[\"PII\"]}]";

    assertThat(get("/subjects/t/versions/1?findTags=PII").json().get("schemaTags").toString()).isEqualTo(piiOnly);
    assertThat(get("/schemas/ids/1?findTags=PII").json().get("schemaTags").toString()).isEqualTo(piiOnly);
    assertThat(get("/subjects/t/versions/1?findTags=*").json().get("schemaTags")).hasSize(2);
    assertThat(get("/subjects/t/versions/1?findTags=PII&findTags=X").json().get("schemaTags")).hasSize(2);
    assertThat(get("/subjects/t/versions/1?findTags=none").json().has("schemaTags")).isFalse();
    assertThat(get("/subjects/t/versions/1").json().has("schemaTags")).isFalse();
  }
}
