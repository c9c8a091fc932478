package dev.stele.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.client.OAuthSettings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Bearer tokens from an OAuth 2.0 token endpoint (client credentials, RFC 6749 §4.4), kept until
 * shortly before they expire, with the refresh rule of Confluent's client: at 80% of the token's
 * life, but no later than {@link OAuthSettings#expiryBuffer} before its end (and at 80% of what is
 * left when the buffer is longer than that). A token must be a JWT with {@code exp} and the
 * subject claim, as Confluent's client requires: without {@code exp} the client could not know
 * when to fetch the next one. Its signature is the registry's to check, not the client's.
 *
 * <p>One fetch at a time (callers wait for it rather than all asking the endpoint at once). An
 * unreachable endpoint or a 5xx is retried three times with a short backoff; a 4xx is the
 * endpoint's verdict on the credentials and fails at once, with its {@code error_description}.
 */
public final class OAuthTokens {
  private static final int ATTEMPTS = 4;
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

  private final OAuthSettings settings;
  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;
  private String token; // guarded by this
  private long refreshAtMillis; // guarded by this

  public OAuthTokens(OAuthSettings settings, HttpClient http, Duration timeout) {
    this(settings, http, timeout, Clock.systemUTC());
  }

  OAuthTokens(OAuthSettings settings, HttpClient http, Duration timeout, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** The current token, fetched first when there is none or it is due for refresh. */
  public synchronized String token() throws IOException {
    long now = clock.millis();
    if (token == null || now >= refreshAtMillis) {
      String fresh = fetch();
      refreshAtMillis = refreshAt(fresh, now);
      token = fresh;
    }
    return token;
  }

  private String fetch() throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) {
        sleep(FIRST_BACKOFF.toMillis() << (attempt - 1));
      }
      HttpResponse<String> response;
      try {
        response = http.send(request(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        last = new IOException("cannot reach the OAuth token endpoint " + settings.issuer() + ": " + e, e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while fetching an OAuth token");
      }
      if (response.statusCode() >= 500) {
        last = new IOException(failure(response));
        continue;
      }
      if (response.statusCode() != 200) {
        throw new IOException(failure(response));
      }
      return accessToken(response.body());
    }
    throw last;
  }

  private HttpRequest request() {
    String credentials = form(settings.clientId()) + ":" + form(settings.clientSecret());
    String body = "grant_type=client_credentials"
        + (settings.scope() == null ? "" : "&scope=" + form(settings.scope()));
    return HttpRequest.newBuilder(settings.issuer())
        .timeout(timeout)
        .header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** RFC 6749 §2.3.1: the id and secret are form-encoded before they go into Basic credentials. */
  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private String failure(HttpResponse<String> response) {
    String detail = "";
    try {
      JsonNode error = Json.MAPPER.readTree(response.body());
      if (error != null && error.hasNonNull("error")) {
        detail = ": " + error.get("error").asText()
            + (error.hasNonNull("error_description") ? " (" + error.get("error_description").asText() + ")" : "");
      }
    } catch (IOException notJson) {
      // no OAuth error body: the status says enough
    }
    return "the OAuth token endpoint " + settings.issuer() + " answered HTTP " + response.statusCode()
        + detail + " for client " + settings.clientId();
  }

  private String accessToken(String body) throws IOException {
    JsonNode answer;
    try {
      answer = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IOException("the OAuth token endpoint " + settings.issuer() + " did not answer JSON", e);
    }
    JsonNode token = answer == null ? null : answer.get("access_token");
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      throw new IOException("the OAuth token endpoint " + settings.issuer() + " answered without an access_token");
    }
    return token.asText();
  }

  /** When to fetch the next token; refuses one that lacks what the refresh rule needs. */
  private long refreshAt(String jwt, long now) throws IOException {
    JsonNode claims = claims(jwt);
    JsonNode exp = claims.get("exp");
    if (exp == null || !exp.isNumber()) {
      throw invalid("has no numeric exp claim");
    }
    JsonNode subject = claims.get(settings.subjectClaim());
    if (subject == null || !subject.isTextual() || subject.asText().isBlank()) {
      throw invalid("has no " + settings.subjectClaim() + " claim (bearer.auth.sub.claim.name)");
    }
    JsonNode scope = claims.get(settings.scopeClaim());
    if (scope != null && !scope.isTextual() && !scope.isArray()) {
      throw invalid("has a " + settings.scopeClaim() + " claim that is neither a string nor a list"
          + " (bearer.auth.scope.claim.name)");
    }
    long expires = (long) (exp.asDouble() * 1000);
    if (expires <= now) {
      throw invalid("expired already (exp is " + exp.asText() + "; is this machine's clock right?)");
    }
    long buffer = settings.expiryBuffer().toMillis();
    long soon = now + (long) ((expires - now) * 0.8);
    if (now + buffer > expires) {
      return soon;
    }
    JsonNode iat = claims.get("iat");
    long start = iat != null && iat.isNumber() ? Math.min(now, (long) (iat.asDouble() * 1000)) : now;
    long due = Math.min(start + (long) ((expires - start) * 0.8), expires - buffer);
    // A clock ahead of the issuer's would put 80% of the life in the past and fetch on every call.
    return due > now ? due : soon;
  }

  private JsonNode claims(String jwt) throws IOException {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      throw invalid("is not a JWT (header.payload.signature)");
    }
    JsonNode claims;
    try {
      claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IllegalArgumentException | IOException e) {
      throw invalid("has a payload that is not base64url-encoded JSON");
    }
    if (claims == null || !claims.isObject()) {
      throw invalid("has a payload that is not a JSON object");
    }
    return claims;
  }

  private IOException invalid(String what) {
    return new IOException("the token from the OAuth token endpoint " + settings.issuer() + " " + what);
  }

  private static void sleep(long millis) throws InterruptedIOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to fetch an OAuth token again");
    }
  }
}
