package dev.stele.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.client.OAuthSettings;
import dev.stele.client.testing.OAuthServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens fetched from an OAuth token endpoint (an HTTP double: no identity provider runs here). */
class OAuthTokensTest {
  private static final String ID = "svc registry"; // a space, to see the id form-encoded
  private static final String SECRET = "s3cr&t";

  private OAuthServer idp;
  private final MovableClock clock = new MovableClock();

  @BeforeEach
  void start() throws Exception {
    idp = new OAuthServer(ID, SECRET);
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  private OAuthTokens tokens(String secret, String scope, String subjectClaim, Duration buffer) {
    return new OAuthTokens(new OAuthSettings(idp.tokenUrl(), ID, secret, scope, "scope", subjectClaim, buffer),
        HttpClient.newHttpClient(), Duration.ofSeconds(10), clock);
  }

  private OAuthTokens tokens() {
    return tokens(SECRET, "schema-registry", "sub", Duration.ofSeconds(300));
  }

  @Test
  void theClientCredentialsGrantIsSentAndItsTokenReused() throws Exception {
    OAuthTokens tokens = tokens();
    String token = tokens.token();
    assertThat(claims(token).get("sub").asText()).isEqualTo(ID);
    assertThat(tokens.token()).isEqualTo(token);
    assertThat(idp.calls()).hasSize(1);
    OAuthServer.Call call = idp.calls().get(0);
    assertThat(call.body()).isEqualTo("grant_type=client_credentials&scope=schema-registry");
    assertThat(call.contentType()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(new String(Base64.getDecoder().decode(call.authorization().substring("Basic ".length())),
        StandardCharsets.UTF_8)).isEqualTo("svc+registry:s3cr%26t");
  }

  @Test
  void noScopeIsAskedForWhenNoneIsSet() throws Exception {
    tokens(SECRET, null, "sub", Duration.ofSeconds(300)).token();
    assertThat(idp.calls().get(0).body()).isEqualTo("grant_type=client_credentials");
  }

  @Test
  void aTokenIsReplacedAtEightyPercentOfItsLife() throws Exception {
    OAuthTokens tokens = tokens(); // an hour's token: 80% (48 min) comes before the 5 min buffer
    String first = tokens.token();
    clock.advance(Duration.ofMinutes(47));
    assertThat(tokens.token()).isEqualTo(first);
    clock.advance(Duration.ofMinutes(2));
    tokens.token();
    assertThat(idp.calls()).hasSize(2);
  }

  @Test
  void theBufferWinsWhenItComesFirst() throws Exception {
    idp.lifetimeSeconds(600); // 80% is 8 minutes, the end of life less 5 minutes comes at 5
    OAuthTokens tokens = tokens();
    tokens.token();
    clock.advance(Duration.ofSeconds(290));
    tokens.token();
    assertThat(idp.calls()).hasSize(1);
    clock.advance(Duration.ofSeconds(20));
    tokens.token();
    assertThat(idp.calls()).hasSize(2);
  }

  @Test
  void refusedCredentialsFailAtOnceWithTheEndpointsWords() {
    assertThatThrownBy(() -> tokens("not-the-secret", "schema-registry", "sub", Duration.ofSeconds(300)).token())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("answered HTTP 401: invalid_client (unknown client or wrong secret)")
        .hasMessageContaining(ID)
        .hasMessageNotContaining("not-the-secret");
    assertThat(idp.calls()).hasSize(1);
  }

  @Test
  void serverErrorsAreRetried() throws Exception {
    idp.failNext(2, 503);
    assertThat(tokens().token()).isNotBlank();
    assertThat(idp.calls()).hasSize(3);
    idp.failNext(10, 503);
    OAuthTokens failing = tokens();
    assertThatThrownBy(failing::token).isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 503: temporarily_unavailable");
    assertThat(idp.calls()).hasSize(3 + 4);
  }

  @Test
  void aTokenWithoutExpiryOrSubjectIsRefused() {
    idp.claims(claims -> claims.expirationTime(null));
    assertThatThrownBy(() -> tokens().token()).hasMessageContaining("has no numeric exp claim");
    idp.claims(claims -> claims.subject(null));
    assertThatThrownBy(() -> tokens().token()).hasMessageContaining("has no sub claim");
    idp.claims(claims -> claims.claim("scope", 42));
    assertThatThrownBy(() -> tokens().token()).hasMessageContaining("scope claim that is neither");
  }

  @Test
  void theSubjectClaimCanBeRenamed() throws Exception {
    idp.claims(claims -> claims.subject(null).claim("client_id", ID));
    assertThat(tokens(SECRET, null, "client_id", Duration.ofSeconds(300)).token()).isNotBlank();
  }

  @Test
  void anUnreachableEndpointNamesIt() throws Exception {
    URI dead = URI.create(dev.stele.client.testing.TestRegistry.deadUrl() + "/token");
    OAuthTokens tokens = new OAuthTokens(new OAuthSettings(dead, ID, SECRET, null, "scope", "sub",
        Duration.ofSeconds(300)), HttpClient.newHttpClient(), Duration.ofSeconds(10), clock);
    assertThatThrownBy(tokens::token).isInstanceOf(IOException.class)
        .hasMessageContaining("cannot reach the OAuth token endpoint " + dead);
  }

  private static JsonNode claims(String jwt) throws IOException {
    return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  /** The real time plus what a test moved it on by. */
  private static final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration by) {
      offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
