package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stele's own reads: {@code GET /v1/search/fields} (subjects by a field's name or type, paged, as
 * the caller may read them) and {@code GET /v1/schemas/ids/{id}/normalized}.
 */
class ViewRoutesTest extends HttpTestBase {
  private static final String ORDER = "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Order\\\",\\\"namespace\\\":\\\"shop\\\","
      + "\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"int\\\"},{\\\"name\\\":\\\"total\\\",\\\"type\\\":\\\"long\\\"},"
      + "{\\\"name\\\":\\\"customer\\\",\\\"type\\\":{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Customer\\\","
      + "\\\"fields\\\":[{\\\"name\\\":\\\"name\\\",\\\"type\\\":\\\"string\\\"}]}}]}\"}";

  @TempDir
  static Path dir;

  @Test
  void findsSubjectsByFieldNameOrTypeWithTheMatchingFields() {
    register("orders-value", ORDER);
    register("users-value", USER);
    assertJson(get("/v1/search/fields?q=NAME"), 200, """
        [{"subject": "orders-value", "version": 1, "id": 1, "schemaType": "AVRO",
          "fields": [{"path": "shop.Customer.name", "name": "name", "type": "string"}]},
         {"subject": "users-value", "version": 1, "id": 2, "schemaType": "AVRO",
          "fields": [{"path": "User.name", "name": "name", "type": "string"}]}]""");
    assertJson(get("/v1/search/fields?q=long&in=type"), 200, """
        [{"subject": "orders-value", "version": 1, "id": 1, "schemaType": "AVRO",
          "fields": [{"path": "shop.Order.total", "name": "total", "type": "long"}]}]""");
    assertJson(get("/v1/search/fields?q=long&in=name"), 200, "[]");
    // A record-typed field is found by its type's name.
    assertThat(get("/v1/search/fields?q=shop.customer&in=type").json().get(0).at("/fields/0/path").asText())
        .isEqualTo("shop.Order.customer");
  }

  @Test
  void pagesAndReadsOnlyTheLatestLiveVersion() {
    register("a-value", USER);
    register("b-value", USER);
    register("c-value", USER_INT);
    assertThat(subjects("/v1/search/fields?q=name&limit=1&offset=1")).containsExactly("b-value");
    assertThat(subjects("/v1/search/fields?q=string&in=type")).containsExactly("a-value", "b-value");
    register("a-value", USER_AGE);
    delete("/subjects/b-value");
    assertThat(subjects("/v1/search/fields?q=age")).containsExactly("a-value");
    assertThat(subjects("/v1/search/fields?q=string&in=type")).containsExactly("a-value");
  }

  @Test
  void badParametersAreRefusedWithTheirReason() {
    assertError(get("/v1/search/fields"), 422, 422, "The query parameter q is required: the text to find in field names or types");
    assertError(get("/v1/search/fields?q=%20"), 422, 422);
    assertError(get("/v1/search/fields?q=a&in=doc"), 422, 422, "in must be name, type or any, was 'doc'");
    assertError(get("/v1/search/fields?q=a&limit=0"), 422, 422, "limit must be between 1 and 1000, was 0");
  }

  @Test
  void aCallerFindsOnlyTheSubjectsItMayRead() throws Exception {
    register("alice-value", USER);
    register("bob-value", USER);
    register("alice-z-value", USER);
    await(server.close());
    server = await(RestServer.start(vertx, setup().withSecurity(TestUsers.security(dir, List.of()))));
    Reply alice = send("GET", "/v1/search/fields?q=name&limit=1&offset=1", null, "Authorization", TestUsers.basic("alice"));
    assertThat(alice.json()).extracting(m -> m.get("subject").asText()).containsExactly("alice-z-value");
    Reply all = send("GET", "/v1/search/fields?q=name", null, "Authorization", TestUsers.basic("alice"));
    assertThat(all.json()).extracting(m -> m.get("subject").asText()).containsExactly("alice-value", "alice-z-value");
    Reply reader = send("GET", "/v1/search/fields?q=name", null, "Authorization", TestUsers.basic("reader"));
    assertThat(reader.json()).hasSize(3);
  }

  @Test
  void aSchemasNormalizedFormIsReadableAsItsIdIs() throws Exception {
    String text = "{\"fields\":[{\"type\":\"string\",\"name\":\"name\"}],\"name\":\"User\",\"type\":\"record\"}";
    int id = register("alice-value", Json.MAPPER.writeValueAsString(java.util.Map.of("schema", text)));
    Reply normalized = get("/v1/schemas/ids/" + id + "/normalized");
    assertThat(normalized.status()).as(normalized.body()).isEqualTo(200);
    // What the format's normalization makes of the stored schema.
    assertThat(normalized.json().get("schema").asText()).isEqualTo(new dev.stele.format.avro.AvroFormat()
        .parse(dev.stele.schema.SchemaSource.of(get("/schemas/ids/" + id).json().get("schema").asText())).normalize().canonical());
    assertError(get("/v1/schemas/ids/99/normalized"), 404, 40403, "Schema 99 not found");

    int bobs = register("bob-value", USER_INT);
    await(server.close());
    server = await(RestServer.start(vertx, setup().withSecurity(TestUsers.security(dir, List.of()))));
    assertThat(send("GET", "/v1/schemas/ids/" + id + "/normalized", null, "Authorization", TestUsers.basic("alice")).status())
        .isEqualTo(200);
    assertError(send("GET", "/v1/schemas/ids/" + bobs + "/normalized", null, "Authorization", TestUsers.basic("alice")),
        404, 40403, "Schema " + bobs + " not found");
  }

  private List<String> subjects(String path) {
    Reply reply = get(path);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().findValuesAsText("subject");
  }
}
