package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.http.auth.Security;
import dev.stele.http.ops.Operations;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result fields of the audit line: the id and version a write produced, the error code it was
 * refused with (as the routes and the error answers recorded them, not parsed from the body), and
 * the quoting that keeps a hostile subject from forging fields.
 */
class AuditDetailsTest extends HttpTestBase {
  @TempDir
  Path dir;
  private final List<String> audit = new CopyOnWriteArrayList<>();

  @Override
  @BeforeEach
  void startServer() throws Exception {
    serve(setup -> setup.withOperations(Operations.create(audit::add)));
  }

  private void securedServer() throws Exception {
    server.close();
    Security security = TestUsers.security(dir, List.of());
    server = await(RestServer.start(vertx,
        setup().withSecurity(security).withOperations(Operations.create(audit::add))));
  }

  /** The lines once {@code count} have been written (a line follows the answer by a moment). */
  private List<String> lines(int count) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (audit.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(audit).hasSize(count);
    return List.copyOf(audit);
  }

  @Test
  void registrationsCarryTheirIdAndVersion() throws Exception {
    assertThat(post("/subjects/orders-value/versions", STRING).status()).isEqualTo(200);
    assertThat(post("/subjects/users-value/versions", INT).status()).isEqualTo(200);
    assertThat(put("/config/users-value", "{\"compatibility\": \"NONE\"}").status()).isEqualTo(200);
    assertThat(post("/subjects/users-value/versions", STRING).status()).isEqualTo(200);
    // The same schema again: no new version, the existing id and version are the answer.
    assertThat(post("/subjects/users-value/versions", STRING).status()).isEqualTo(200);

    List<String> lines = lines(5);
    assertThat(lines.get(0)).contains("subject=orders-value", "status=200", "result=ok", "id=1",
        "version=1").doesNotContain("error_code=");
    assertThat(lines.get(1)).contains("subject=users-value", "id=2", "version=1");
    // A config change has neither.
    assertThat(lines.get(2)).contains("route=/config/:subject", "result=ok")
        .doesNotContain("id=", "version=");
    assertThat(lines.get(3)).contains("subject=users-value", "id=1", "version=2");
    assertThat(lines.get(4)).contains("subject=users-value", "id=1", "version=2");
  }

  @Test
  void deletesCarryTheVersionAndLookupsWhatTheyFound() throws Exception {
    assertThat(post("/subjects/a-value/versions", STRING).status()).isEqualTo(200);
    assertThat(post("/subjects/a-value", STRING).status()).isEqualTo(200);
    assertThat(delete("/subjects/a-value/versions/1").status()).isEqualTo(200);

    List<String> lines = lines(3);
    assertThat(lines.get(1)).contains("method=POST", "route=/subjects/:subject", "id=1", "version=1");
    assertThat(lines.get(2)).contains("method=DELETE", "route=/subjects/:subject/versions/:version",
        "version=1", "result=ok").doesNotContain("id=");
  }

  @Test
  void refusalsCarryTheConfluentErrorCode() throws Exception {
    assertThat(post("/subjects/a-value/versions", "{\"schema\":\"nope\"}").status()).isEqualTo(422);
    assertThat(post("/subjects/a-value/versions", USER).status()).isEqualTo(200);
    // Not BACKWARD compatible with the first version: 409, error code 409.
    assertThat(post("/subjects/a-value/versions", USER_INT).status()).isEqualTo(409);
    assertThat(delete("/subjects/b-value").status()).isEqualTo(404);
    assertThat(delete("/subjects/a-value/versions/7").status()).isEqualTo(404);
    // A method the route does not have: the framework's answer gets its code too.
    assertThat(put("/subjects/a-value/versions", STRING).status()).isEqualTo(405);

    List<String> lines = lines(6);
    assertThat(lines.get(0)).contains("status=422", "result=refused", "error_code=42201")
        .doesNotContain("id=", "version=");
    assertThat(lines.get(2)).contains("status=409", "result=refused", "error_code=409");
    assertThat(lines.get(3)).contains("status=404", "error_code=40401");
    assertThat(lines.get(4)).contains("status=404", "error_code=40402");
    assertThat(lines.get(5)).contains("status=405", "error_code=405");
  }

  @Test
  void authenticationAndAuthorizationRefusalsCarryTheirCodes() throws Exception {
    securedServer();
    assertThat(post("/subjects/alice-value/versions", STRING).status()).isEqualTo(401);
    assertThat(send("POST", "/subjects/bob-value/versions", STRING,
        "Authorization", TestUsers.basic("alice")).status()).isEqualTo(403);
    assertThat(send("POST", "/subjects/alice-value/versions", STRING,
        "Authorization", TestUsers.basic("alice")).status()).isEqualTo(200);

    List<String> lines = lines(3);
    assertThat(lines.get(0)).contains("principal=anonymous", "status=401", "error_code=401");
    assertThat(lines.get(1)).contains("principal=alice", "subject=bob-value", "status=403",
        "error_code=403");
    assertThat(lines.get(2)).contains("principal=alice", "subject=alice-value", "id=1", "version=1");
  }

  @Test
  void aSubjectWithSpacesAndQuotesCannotForgeFields() throws Exception {
    assertThat(post("/subjects/x%20result=ok%22/versions", STRING).status()).isEqualTo(200);

    assertThat(lines(1).get(0)).contains("subject=\"x result=ok\\\"\"", "path=\"/subjects/x%20result=ok%22/versions\"");
  }
}
