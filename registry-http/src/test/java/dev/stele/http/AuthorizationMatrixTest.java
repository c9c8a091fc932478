package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.http.auth.BasicAuthenticator;
import dev.stele.http.auth.Security;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint × every kind of caller against a real server with Basic authentication and the
 * users of examples/secure: the admin (everything), a reader (reads everything, writes nothing)
 * and alice (reads and writes subjects starting {@code alice-}, nothing else), plus anonymous.
 * Each row runs on a fresh registry holding alice-value (v1: id 1) and bob-value (v1: id 2, v2:
 * id 1), so id 1 is used by both subjects and id 2 by bob's only.
 */
class AuthorizationMatrixTest extends HttpTestBase {

  @TempDir static Path dir;
  static Security security;

  enum Who {
    ANONYMOUS(null, "bob-value", 2), READER("reader", "bob-value", 2),
    ALICE_OWN("alice", "alice-value", 1), ALICE_OTHER("alice", "bob-value", 2),
    ADMIN("admin", "bob-value", 2);

    final String user;
    final String subject;
    final int id;

    Who(String user, String subject, int id) {
      this.user = user;
      this.subject = subject;
      this.id = id;
    }

    String[] headers(String method) {
      List<String> headers = new ArrayList<>();
      if (user != null) {
        headers.add("Authorization");
        headers.add(basic(user, user + "-secret"));
      }
      if (method.equals("POST") || method.equals("PUT")) {
        headers.add("Content-Type");
        headers.add(V1);
      }
      return headers.toArray(String[]::new);
    }
  }

  // endpoint                                                anonymous reader alice-own alice-other admin
  static final String[] MATRIX = {
      "GET    /                                                  401 200 200 200 200",
      "POST   /                                                  401 200 200 200 200",
      "GET    /v1/metadata/id                                    401 200 200 200 200",
      "GET    /v1/metadata/version                               401 200 200 200 200",
      "GET    /v1/cluster                                        401 403 403 403 200",
      "GET    /v1/search/fields?q=name                           401 200 200 200 200",
      "GET    /v1/schemas/ids/{id}/normalized                    401 200 200 404 200",
      "GET    /schemas/types                                     401 200 200 200 200",
      "GET    /contexts                                          401 200 200 200 200",
      "GET    /subjects                                          401 200 200 200 200",
      "GET    /schemas                                           401 200 200 200 200",
      "GET    /schemas/ids/{id}                                  401 200 200 404 200",
      "GET    /schemas/ids/{id}?format=resolved                  401 200 200 404 200",
      "GET    /schemas/ids/{id}/schema                           401 200 200 404 200",
      "GET    /schemas/ids/{id}/subjects                         401 200 200 404 200",
      "GET    /schemas/ids/{id}/versions                         401 200 200 404 200",
      "POST   /subjects/{s}                                      401 200 200 404 200",
      "GET    /subjects/{s}/metadata                             401 200 200 404 200",
      "DELETE /subjects/{s}                                      401 403 403 403 200",
      "GET    /subjects/{s}/versions                             401 200 200 404 200",
      "POST   /subjects/{s}/versions                             401 403 200 403 200",
      "GET    /subjects/{s}/versions/1                           401 200 200 404 200",
      "GET    /subjects/{s}/versions/latest/schema               401 200 200 404 200",
      "GET    /subjects/{s}/versions/1/referencedby              401 200 200 404 200",
      "DELETE /subjects/{s}/versions/1                           401 403 403 403 200",
      "POST   /compatibility/subjects/{s}/versions/latest        401 200 200 404 200",
      "POST   /compatibility/subjects/{s}/versions               401 200 200 404 200",
      "POST   /v1/compatibility/subjects/{s}                     401 200 200 404 200",
      "GET    /config                                            401 200 403 403 200",
      "PUT    /config                                            401 403 403 403 200",
      "DELETE /config                                            401 403 403 403 200",
      "GET    /config/{s}                                        401 200 200 404 200",
      "PUT    /config/{s}                                        401 403 403 403 200",
      "DELETE /config/{s}                                        401 403 403 403 200",
      "GET    /mode                                              401 200 403 403 200",
      "PUT    /mode                                              401 403 403 403 200",
      "GET    /mode/{s}                                          401 200 200 404 200",
      "PUT    /mode/{s}                                          401 403 403 403 200",
      "DELETE /mode/{s}                                          401 403 403 403 200",
      "GET    /contexts/.ctx/subjects                            401 200 200 200 200",
      "POST   /contexts/.ctx/subjects/{s}/versions               401 403 403 403 200",
      "GET    /contexts/.ctx/subjects/{s}/versions               401 404 404 404 404",
      "GET    /no/such/path                                      401 404 404 404 404",
      "PATCH  /config                                            401 405 405 405 405",
      "POST   /subjects                                          401 405 405 405 405",
  };

  @BeforeAll
  static void writeUsers() throws IOException {
    security = TestUsers.security(dir, List.of("/open/*"));
  }

  @BeforeEach
  @Override
  void startServer() throws Exception {
    serve(setup -> setup.withSecurity(security));
    admin("PUT", "/config", "{\"compatibility\":\"NONE\"}", 200);
    assertThat(register("alice-value", STRING)).isEqualTo(1);
    assertThat(register("bob-value", INT)).isEqualTo(2);
    assertThat(register("bob-value", STRING)).isEqualTo(1);
    for (String subject : new String[] {"alice-value", "bob-value"}) {
      admin("PUT", "/config/" + subject, "{\"compatibility\":\"NONE\"}", 200);
      admin("PUT", "/mode/" + subject, "{\"mode\":\"READWRITE\"}", 200);
    }
  }

  @Override
  int register(String subject, String body) {
    return admin("POST", "/subjects/" + subject + "/versions", body, 200).json().get("id").asInt();
  }

  private Reply admin(String method, String path, String body, int status) {
    Reply reply = send(method, path, body, Who.ADMIN.headers(method));
    assertThat(reply.status()).as(method + " " + path + ": " + reply.body()).isEqualTo(status);
    return reply;
  }

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    for (String line : MATRIX) {
      String[] cells = line.trim().split("\\s+");
      for (Who who : Who.values()) {
        rows.add(Arguments.of(cells[0], cells[1], who, Integer.parseInt(cells[2 + who.ordinal()])));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
  @MethodSource("matrix")
  void everyEndpointForEveryCaller(String method, String template, Who who, int expected) {
    String path = template.replace("{s}", who.subject).replace("{id}", String.valueOf(who.id));
    Reply reply = send(method, path, body(method, path), who.headers(method));
    assertThat(reply.status()).as(method + " " + path + " as " + who + ": " + reply.body())
        .isEqualTo(expected);
    int code = reply.errorCode();
    switch (expected) {
      case 401 -> assertThat(code).isEqualTo(401);
      case 403 -> assertThat(code).isEqualTo(403);
      case 405 -> assertThat(code).isEqualTo(405);
      case 404 -> assertThat(code).as(reply.body()).isIn(404, 40401, 40403);
      default -> assertThat(code).as(reply.body()).isZero();
    }
  }

  // path                                   caller   what it lists
  static final String[][] LISTINGS = {
      {"/subjects", "READER", "[\"alice-value\",\"bob-value\"]"},
      {"/subjects", "ALICE_OWN", "[\"alice-value\"]"},
      {"/subjects", "ADMIN", "[\"alice-value\",\"bob-value\"]"},
      {"/subjects?offset=1&limit=1", "READER", "[\"bob-value\"]"},
      {"/subjects?offset=0&limit=1", "ALICE_OWN", "[\"alice-value\"]"},
      {"/subjects?offset=1", "ALICE_OWN", "[]"},
      {"/subjects?subjectPrefix=bob", "ALICE_OWN", "[]"},
      {"/schemas/ids/1/subjects", "READER", "[\"alice-value\",\"bob-value\"]"},
      {"/schemas/ids/1/subjects", "ALICE_OWN", "[\"alice-value\"]"},
      {"/schemas/ids/1/versions", "ALICE_OWN", "[{\"subject\":\"alice-value\",\"version\":1}]"},
      {"/schemas/ids/1/versions", "ADMIN", "[{\"subject\":\"alice-value\",\"version\":1},"
          + "{\"subject\":\"bob-value\",\"version\":2}]"},
  };

  @Test
  void listingsShowOnlyWhatTheCallerMayRead() {
    for (String[] row : LISTINGS) {
      Reply reply = send("GET", row[0], null, Who.valueOf(row[1]).headers("GET"));
      assertJson(reply, 200, row[2]);
    }
    Reply schemas = send("GET", "/schemas", null, Who.ALICE_OWN.headers("GET"));
    assertThat(schemas.json().findValuesAsText("subject")).containsExactly("alice-value");
    schemas = send("GET", "/schemas", null, Who.READER.headers("GET"));
    assertThat(schemas.json().findValuesAsText("subject"))
        .containsExactly("alice-value", "bob-value", "bob-value");
  }

  @Test
  void missingOrWrongCredentialsGetABasicChallenge() throws Exception {
    for (String authorization : new String[] {null, basic("alice", "wrong"), basic("mallory", "x"),
        "Bearer token"}) {
      java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(uri("/subjects"));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      var response = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Stele test\"");
      Reply reply = new Reply(401, null, response.body());
      assertError(reply, 401, 401, "Unauthorized: missing or wrong credentials");
    }
  }

  @Test
  void aSubjectTheCallerMayNotReadLooksAbsentAndWritesAreRefusedAlike() {
    String[] alice = Who.ALICE_OTHER.headers("GET");
    assertError(send("GET", "/subjects/bob-value/versions", null, alice), 404, 40401,
        "Subject 'bob-value' not found.");
    assertError(send("GET", "/subjects/nobody-value/versions", null, alice), 404, 40401,
        "Subject 'nobody-value' not found.");
    assertError(send("GET", "/schemas/ids/2", null, alice), 404, 40403, "Schema 2 not found");
    assertError(send("GET", "/schemas/ids/99", null, alice), 404, 40403, "Schema 99 not found");
    String[] post = Who.ALICE_OTHER.headers("POST");
    assertError(send("POST", "/subjects/bob-value/versions", STRING, post), 403, 403,
        "User 'alice' may not write subject 'bob-value'");
    assertError(send("POST", "/subjects/nobody-value/versions", STRING, post), 403, 403,
        "User 'alice' may not write subject 'nobody-value'");
    assertThat(send("GET", "/subjects", null, Who.ADMIN.headers("GET")).body())
        .doesNotContain("nobody-value");
  }

  @Test
  void openPathsNeedNoCredentials() {
    assertError(send("GET", "/open/anything", null), 404, 404);
    assertError(send("GET", "/open", null), 401, 401);
  }

  /** New credentials are checked on a worker while the body waits; the body must still arrive. */
  @Test
  void aFirstRequestWithABodyIsServedAfterTheSlowCheck() throws Exception {
    Security fresh = Security.basic(BasicAuthenticator.open(dir.resolve("users.conf")), "r",
        List.of());
    RestServer other = await(RestServer.start(vertx, setup().withSecurity(fresh)));
    try {
      java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + other.port() + "/subjects/alice-new/versions"))
          .header("Authorization", basic("alice", "alice-secret")).header("Content-Type", V1)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(INT)).build();
      Reply reply = send(request);
      assertJson(reply, 200, "{\"id\":2}");
    } finally {
      await(other.close());
    }
  }

  static String body(String method, String path) {
    if (!method.equals("POST") && !method.equals("PUT")) {
      return null;
    }
    if (path.startsWith("/config")) {
      return "{\"compatibility\":\"NONE\"}";
    }
    if (path.startsWith("/mode")) {
      return "{\"mode\":\"READWRITE\"}";
    }
    return path.equals("/") ? "{}" : STRING;
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
