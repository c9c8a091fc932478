package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.stele.http.auth.BearerAuthenticator;
import dev.stele.http.auth.Principal;
import dev.stele.http.auth.Security;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bearer tokens signed by keys the test generates, checked against a JWKS served on loopback by
 * the JDK's HTTP server: who may do what follows the users file's role rules (TestUsers).
 */
class BearerAuthenticationTest extends HttpTestBase {
  private static final String ISSUER = "https://issuer.test";
  private static final String AUDIENCE = "stele";

  @TempDir
  static Path dir;
  static RSAKey signing;
  static RSAKey stranger;
  static HttpServer jwks;
  static final AtomicInteger jwksFetches = new AtomicInteger();
  static Security security;

  @BeforeAll
  static void startJwks() throws Exception {
    signing = new RSAKeyGenerator(2048).keyID("k1").generate();
    // Same key id, different key: a forger who read the JWKS.
    stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
    byte[] body = new JWKSet(signing.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext("/jwks.json", exchange -> {
      jwksFetches.incrementAndGet();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    jwks.start();
    URI url = URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json");
    BearerAuthenticator bearer = BearerAuthenticator.open(new BearerAuthenticator.Settings(url, null,
        ISSUER, AUDIENCE, "sub", "roles"));
    security = TestUsers.security(dir, List.of())
        .withBearer(bearer);
  }

  @AfterAll
  static void stopJwks() {
    jwks.stop(0);
  }

  @BeforeEach
  @Override
  void startServer() throws Exception {
    serve(setup -> setup.withSecurity(security));
  }

  @Test
  void aValidTokenActsWithItsRoles() throws Exception {
    String reader = token(signing, claims("svc-reader", List.of("readers")));
    assertThat(call("GET", "/subjects", reader, null).statusCode()).isEqualTo(200);
    HttpResponse<String> denied = call("POST", "/subjects/s/versions", reader, STRING);
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("\"error_code\":403").contains("svc-reader");

    String admin = token(signing, claims("svc-admin", List.of("admins")));
    HttpResponse<String> registered = call("POST", "/subjects/s/versions", admin, STRING);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    // Known tokens are answered from the cache: the JWKS was fetched once, not per request.
    for (int i = 0; i < 5; i++) {
      assertThat(call("GET", "/subjects", admin, null).body()).isEqualTo("[\"s\"]");
    }
    assertThat(jwksFetches.get()).isBetween(1, 2);
  }

  @Test
  void rolesCanBeASpaceSeparatedString() throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder(claims("svc", List.of()))
        .claim("roles", "guests admins").build();
    assertThat(call("POST", "/subjects/s/versions", token(signing, claims), STRING).statusCode())
        .isEqualTo(200);
  }

  @Test
  void badTokensAre401WithBothChallenges() throws Exception {
    Date past = new Date(System.currentTimeMillis() - 600_000);
    Map<String, String> bad = Map.of(
        "expired", token(signing, new JWTClaimsSet.Builder(claims("u", List.of("admins")))
            .expirationTime(past).build()),
        "wrong key", token(stranger, claims("u", List.of("admins"))),
        "wrong audience", token(signing, new JWTClaimsSet.Builder(claims("u", List.of("admins")))
            .audience("someone-else").build()),
        "wrong issuer", token(signing, new JWTClaimsSet.Builder(claims("u", List.of("admins")))
            .issuer("https://evil.test").build()),
        "no expiry", token(signing, new JWTClaimsSet.Builder(claims("u", List.of("admins")))
            .expirationTime(null).build()),
        "no subject", token(signing, new JWTClaimsSet.Builder(claims("u", List.of("admins")))
            .subject(null).build()),
        "unsigned", new PlainJWT(claims("u", List.of("admins"))).serialize(),
        "garbage", "not.a.token");
    for (Map.Entry<String, String> token : bad.entrySet()) {
      HttpResponse<String> response = call("GET", "/subjects", token.getValue(), null);
      assertThat(response.statusCode()).as(token.getKey()).isEqualTo(401);
      assertThat(response.headers().allValues("WWW-Authenticate")).as(token.getKey())
          .containsExactly("Bearer realm=\"Stele test\"", "Basic realm=\"Stele test\"");
      assertThat(JSON.readTree(response.body()).get("error_code").asInt()).isEqualTo(401);
    }
    HttpResponse<String> none = call("GET", "/subjects", null, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().allValues("WWW-Authenticate")).contains("Bearer realm=\"Stele test\"");
  }

  @Test
  void basicCredentialsStillWork() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/subjects"))
        .header("Authorization", TestUsers.basic("reader")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aPemPublicKeyAndNestedRolesClaim(@TempDir Path keys) throws Exception {
    ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
    Path pem = Files.writeString(keys.resolve("key.pem"), "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(ec.toECPublicKey().getEncoded())
        + "\n-----END PUBLIC KEY-----\n");
    BearerAuthenticator bearer = BearerAuthenticator.open(new BearerAuthenticator.Settings(null, pem,
        null, null, "preferred_username", "realm_access.roles"));
    JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("preferred_username", "carol")
        .claim("realm_access", Map.of("roles", List.of("readers", "auditors")))
        .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
    jwt.sign(new ECDSASigner(ec));
    String header = "Bearer " + jwt.serialize();

    assertThat(bearer.verify(header)).isEqualTo(new Principal("carol", Set.of("readers", "auditors")));
    assertThat(bearer.cached(header)).isEqualTo(new Principal("carol", Set.of("readers", "auditors")));
    assertThat(bearer.verify("Bearer " + token(signing, claims))).isNull(); // an RSA key's token
    assertThat(bearer.verify(TestUsers.basic("reader"))).isNull();
  }

  private static JWTClaimsSet claims(String subject, List<String> roles) {
    return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE)
        .claim("roles", roles)
        .expirationTime(new Date(System.currentTimeMillis() + 300_000)).build();
  }

  private static String token(RSAKey key, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
        claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private HttpResponse<String> call(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", V1);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
