package dev.stele.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code bearer.auth.credentials.source=OAUTHBEARER}: the client asks an OAuth 2.0 token endpoint
 * for a token with its client id and secret (the client-credentials grant, RFC 6749 §4.4) and
 * sends it as a bearer token, fetching a new one before it expires.
 *
 * @param issuer {@code bearer.auth.issuer.endpoint.url}, the token endpoint
 * @param clientId {@code bearer.auth.client.id}
 * @param clientSecret {@code bearer.auth.client.secret}; never printed
 * @param scope {@code bearer.auth.scope}, or null to ask for none
 * @param scopeClaim {@code bearer.auth.scope.claim.name}: where the token lists its scopes
 * @param subjectClaim {@code bearer.auth.sub.claim.name}: the claim that names the principal,
 *     which a token must have
 * @param expiryBuffer {@code bearer.auth.cache.expiry.buffer.seconds}: a token is replaced at
 *     least this long before it expires
 */
public record OAuthSettings(URI issuer, String clientId, String clientSecret, String scope,
    String scopeClaim, String subjectClaim, Duration expiryBuffer) {

  public OAuthSettings {
    Objects.requireNonNull(issuer, "issuer");
    if (!"http".equalsIgnoreCase(issuer.getScheme()) && !"https".equalsIgnoreCase(issuer.getScheme())
        || issuer.getHost() == null) {
      throw new IllegalArgumentException("bearer.auth.issuer.endpoint.url: '" + issuer
          + "' is not an http(s) URL");
    }
    requireText(clientId, "bearer.auth.client.id");
    requireText(clientSecret, "bearer.auth.client.secret");
    requireText(scopeClaim, "bearer.auth.scope.claim.name");
    requireText(subjectClaim, "bearer.auth.sub.claim.name");
    if (expiryBuffer == null || expiryBuffer.isNegative()) {
      throw new IllegalArgumentException("bearer.auth.cache.expiry.buffer.seconds must be 0 or more");
    }
    scope = scope == null || scope.isBlank() ? null : scope;
  }

  private static void requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("bearer.auth.credentials.source=OAUTHBEARER needs " + key);
    }
  }

  /** Without the secret: settings end up in logs and exception messages. */
  @Override
  public String toString() {
    return "OAuthSettings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=(hidden), scope="
        + scope + ", scopeClaim=" + scopeClaim + ", subjectClaim=" + subjectClaim + ", expiryBuffer="
        + expiryBuffer + "]";
  }
}
