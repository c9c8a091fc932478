package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/caller}: who signs in and what the rules of TestUsers let them do. */
class CallerRoutesTest extends HttpTestBase {
  @TempDir
  static Path dir;

  private void secure() throws Exception {
    await(server.close());
    server = await(RestServer.start(vertx, setup().withSecurity(TestUsers.security(dir, List.of()))));
  }

  private Reply as(String user, String path) {
    return send("GET", path, null, "Authorization", TestUsers.basic(user));
  }

  @Test
  void anOpenServerGrantsEverythingToNobodyInParticular() {
    assertJson(get("/v1/caller?subject=orders"), 200, """
        {"user": null, "roles": [], "authenticated": false, "readsEverySubject": true,
         "global": ["read", "write", "delete", "admin"],
         "subjects": {"orders": ["read", "write", "delete", "admin"]}}""");
  }

  @Test
  void aUserLimitedToSomeSubjectsSeesItsRightsPerSubject() throws Exception {
    secure();
    assertJson(as("alice", "/v1/caller?subject=alice-orders&subject=bob-orders"), 200, """
        {"user": "alice", "roles": [], "authenticated": true, "readsEverySubject": false,
         "global": [],
         "subjects": {"alice-orders": ["read", "write"], "bob-orders": []}}""");
  }

  @Test
  void rolesAndGlobalRightsAreReported() throws Exception {
    secure();
    assertJson(as("reader", "/v1/caller"), 200, """
        {"user": "reader", "roles": ["readers"], "authenticated": true, "readsEverySubject": true,
         "global": ["read"], "subjects": {}}""");
    assertJson(as("admin", "/v1/caller?subject=x"), 200, """
        {"user": "admin", "roles": ["admins"], "authenticated": true, "readsEverySubject": true,
         "global": ["read", "write", "delete", "admin"],
         "subjects": {"x": ["read", "write", "delete", "admin"]}}""");
  }

  @Test
  void withoutCredentialsItIsRefused() throws Exception {
    secure();
    assertThat(get("/v1/caller").status()).isEqualTo(401);
  }

  /** The answer comes from the rules: a subject that exists reads the same as one that does not. */
  @Test
  void existenceIsNotTold() throws Exception {
    register("alice-real", USER);
    secure();
    Reply real = as("alice", "/v1/caller?subject=alice-real");
    Reply made = as("alice", "/v1/caller?subject=alice-made-up");
    assertThat(real.json().get("subjects").get("alice-real"))
        .isEqualTo(made.json().get("subjects").get("alice-made-up"));
  }
}
