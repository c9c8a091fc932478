package dev.stele.kms.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.testkit.FormBody;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * The token endpoint double's check of a service account's JWT bearer grant, as Google documents
 * it ("Using OAuth 2.0 for Server to Server Applications"): {@code grant_type} is
 * {@code urn:ietf:params:oauth:grant-type:jwt-bearer}; the assertion is a JWT whose header is
 * RS256 with the account's key id, whose claims name the account ({@code iss}), Google's token endpoint
 * ({@code aud}, {@code https://oauth2.googleapis.com/token} wherever the assertion is sent), the scope, and a lifetime of at most an hour around now; and whose signature
 * verifies with the account's public key. A refusal is worded as Google's {@code error_description}.
 */
final class JwtAssertion {
  static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  static final String AUDIENCE = "https://oauth2.googleapis.com/token";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The account a grant is for, or why it is refused. */
  record Grant(String account, String refusal) {}

  private JwtAssertion() {}

  static Grant check(String form, Map<String, ServiceAccount> accounts, String scope)
      throws IOException, GeneralSecurityException {
    Map<String, String> fields = FormBody.parse(form);
    if (!GRANT.equals(fields.get("grant_type"))) {
      return new Grant(null, "Invalid grant_type: " + fields.get("grant_type"));
    }
    String[] parts = fields.getOrDefault("assertion", "").split("\\.");
    if (parts.length != 3) {
      return new Grant(null, "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.");
    }
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    ServiceAccount account = accounts.get(claims.path("iss").asText());
    long now = System.currentTimeMillis() / 1000;
    long iat = claims.path("iat").asLong();
    long exp = claims.path("exp").asLong();
    if (account == null) {
      return new Grant(null, "Invalid JWT: no service account " + claims.path("iss").asText());
    }
    if (!header.path("alg").asText().equals("RS256") || !header.path("kid").asText().equals(account.keyId())) {
      return new Grant(null, "Invalid JWT: header " + header + " is not RS256 with key " + account.keyId());
    }
    if (!claims.path("aud").asText().equals(AUDIENCE)) {
      return new Grant(null, "Invalid JWT: aud " + claims.path("aud") + " is not " + AUDIENCE);
    }
    if (!Arrays.asList(claims.path("scope").asText().split(" ")).contains(scope)) {
      return new Grant(null, "Invalid JWT: scope " + claims.path("scope") + " lacks " + scope);
    }
    if (iat > now + 60 || exp <= now || exp - iat > 3600) {
      return new Grant(null, "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable"
          + " timeframe. Check your iat and exp values in the JWT claim.");
    }
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(account.publicKey());
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
      return new Grant(null, "Invalid JWT Signature.");
    }
    return new Grant(account.email(), null);
  }
}
