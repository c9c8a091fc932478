package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code confluent:reserved} metadata property on the real server process (issue #13): with
 * the server's {@code schema.validate.fields=true} and no config saying otherwise, a version may
 * neither drop a reserved name nor have a top-level field of one (409, Confluent's messages); a
 * subject whose config sets {@code validateFields: false} is not checked. And
 * {@code associations.enable=false} is honoured, not ignored.
 */
class ReservedFieldsAcceptanceTest {
  private static final String A = "{\"type\":\"record\",\"name\":\"R\",\"fields\":"
      + "[{\"name\":\"a\",\"type\":\"int\"}]}";
  private static final String A_B = "{\"type\":\"record\",\"name\":\"R\",\"fields\":"
      + "[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";
  private static final Map<String, Object> RESERVE_B =
      Map.of("properties", Map.of("confluent:reserved", "b, c"));
  private static final Map<String, Object> RESERVE_NOTHING =
      Map.of("properties", Map.of("owner", "me"));

  @TempDir Path work;

  @Test
  void reservedFieldsAreCheckedWhereTheServerDefaultSaysSo() throws IOException {
    try (ServerProcess server = ServerProcess.start(work, Map.of("schema.validate.fields", "true",
        "associations.enable", "false"))) {
      Http http = new Http(server.url());
      http.ok("POST", "/subjects/r-value/versions", Map.of("schema", A, "metadata", RESERVE_B));

      Http.Response conflict = http.post("/subjects/r-value/versions",
          Map.of("schema", A_B, "metadata", RESERVE_B));
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.body().get("error_code").asInt()).isEqualTo(409);
      assertThat(conflict.body().get("message").asText()).contains(
          "The new schema has field that conflicts with the reserved field b.",
          "{validateFields: 'true', compatibility: 'BACKWARD'}");

      Http.Response dropped = http.post("/subjects/r-value/versions",
          Map.of("schema", A, "metadata", RESERVE_NOTHING));
      assertThat(dropped.status()).isEqualTo(409);
      assertThat(dropped.body().get("message").asText()).contains(
          "The new schema has reserved field b removed from its metadata which is present in the "
              + "old schema's metadata.",
          "The new schema has reserved field c removed");

      // A subject's config decides over the server's default.
      http.ok("PUT", "/config/free-value", Map.of("validateFields", false));
      http.ok("POST", "/subjects/free-value/versions", Map.of("schema", A, "metadata", RESERVE_B));
      assertThat(http.post("/subjects/free-value/versions",
          Map.of("schema", A_B, "metadata", RESERVE_NOTHING)).status()).isEqualTo(200);

      // associations.enable=false: the routes are not there.
      assertThat(http.get("/associations/resources/-/orders").status()).isEqualTo(404);
      server.stop();
    }
  }
}
