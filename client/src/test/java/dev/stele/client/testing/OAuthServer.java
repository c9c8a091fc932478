package dev.stele.client.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An HTTP double of an OAuth 2.0 identity provider, since no real one runs here: a token endpoint
 * for the client-credentials grant as RFC 6749 §4.4 and §5 document it (Basic client credentials,
 * a form body, a JSON answer with {@code access_token}, errors as {@code error} and
 * {@code error_description}), and the JWKS of the key it signs with (RS256), which a Stele server
 * can check tokens against. It knows one client.
 */
public final class OAuthServer implements AutoCloseable {
  /** One token request as received. */
  public record Call(String authorization, String contentType, String body) {}

  private final HttpServer server;
  private final RSAKey key;
  private final String clientId;
  private final String clientSecret;
  private final List<Call> calls = new ArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile int failureStatus;
  private volatile long lifetimeSeconds = 3600;
  private volatile UnaryOperator<JWTClaimsSet.Builder> claims = UnaryOperator.identity();

  public OAuthServer(String clientId, String clientSecret) throws IOException, JOSEException {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.key = new RSAKeyGenerator(2048).keyID("idp-1").generate();
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/jwks.json", exchange -> send(exchange, 200, jwks));
    server.createContext("/token", this::token);
    server.start();
  }

  public URI tokenUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  public URI jwksUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
  }

  /** The next {@code count} token requests are answered {@code status} with an OAuth error body. */
  public void failNext(int count, int status) {
    failureStatus = status;
    failures.set(count);
  }

  public void lifetimeSeconds(long seconds) {
    lifetimeSeconds = seconds;
  }

  /** Changes the claims of the tokens issued from now on (after sub, roles, iat and exp are set). */
  public void claims(UnaryOperator<JWTClaimsSet.Builder> change) {
    claims = change;
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  private void token(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    synchronized (this) {
      calls.add(new Call(authorization, exchange.getRequestHeaders().getFirst("Content-Type"), body));
    }
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      send(exchange, failureStatus, error("temporarily_unavailable", "the test made it fail"));
      return;
    }
    String expected = "Basic " + Base64.getEncoder().encodeToString((form(clientId) + ":" + form(clientSecret))
        .getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(authorization)) {
      send(exchange, 401, error("invalid_client", "unknown client or wrong secret"));
      return;
    }
    if (!body.startsWith("grant_type=client_credentials")) {
      send(exchange, 400, error("unsupported_grant_type", "only client_credentials"));
      return;
    }
    long now = System.currentTimeMillis();
    JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(clientId)
        .claim("roles", List.of("writers")).issueTime(new Date(now))
        .expirationTime(new Date(now + lifetimeSeconds * 1000));
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
          claims.apply(builder).build());
      jwt.sign(new RSASSASigner(key));
      send(exchange, 200, ("{\"access_token\":\"" + jwt.serialize() + "\",\"token_type\":\"Bearer\","
          + "\"expires_in\":" + lifetimeSeconds + "}").getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      send(exchange, 500, error("server_error", e.toString()));
    }
  }

  private static String form(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static byte[] error(String code, String description) {
    return ("{\"error\":\"" + code + "\",\"error_description\":\"" + description + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
