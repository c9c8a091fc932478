package dev.stele.kms.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.stele.testkit.HttpDouble;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A double of Cloud KMS's REST API and of Google's OAuth 2.0 token endpoint, as far as the
 * gcp-kms driver uses them, because Google cannot be reached from the machines these tests run
 * on. Token endpoint ({@code POST /token}): the JWT bearer grant of a service account, whose
 * signed assertion {@link JwtAssertion} checks; it answers an access token. Cloud KMS
 * ({@code POST /v1/{name}:encrypt} and {@code :decrypt}): JSON with base64 {@code plaintext},
 * {@code ciphertext} and optional {@code additionalAuthenticatedData}; every request must carry a
 * bearer token it issued, to an account allowed on the key; errors as Google's
 * {@code {"error": {"code", "message", "status"}}}. Keys are real AES-256-GCM keys and a ciphertext
 * names its key, so decrypt with another key fails as Cloud KMS's does. 127.0.0.1 only.
 */
final class CloudKmsDouble extends HttpDouble {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CALL = Pattern.compile("/v1/(projects/.+/cryptoKeys/[^/:]+):(encrypt|decrypt)");

  private record Key(SecretKey secret, Set<String> accounts) {}

  private final Map<String, Key> keys = new ConcurrentHashMap<>();
  private final Map<String, ServiceAccount> accounts = new ConcurrentHashMap<>();
  /** Access token → the account it was issued to. */
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final SecureRandom random = new SecureRandom();

  CloudKmsDouble() throws IOException {
    super("/");
  }

  /** Cloud KMS's REST root here. */
  URI endpoint() {
    return URI.create(address() + "/");
  }

  URI tokenUri() {
    return endpoint().resolve("token");
  }

  static String keyName(String location, String ring, String key) {
    return "projects/stele-test/locations/" + location + "/keyRings/" + ring + "/cryptoKeys/" + key;
  }

  /** A key that {@code accounts} may encrypt and decrypt with. */
  CloudKmsDouble withKey(String name, ServiceAccount... accounts) throws GeneralSecurityException {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    Set<String> allowed = ConcurrentHashMap.newKeySet();
    for (ServiceAccount account : accounts) {
      allowed.add(account.email());
      this.accounts.put(account.email(), account);
    }
    keys.put(name, new Key(generator.generateKey(), allowed));
    return this;
  }

  /** An account the token endpoint knows, allowed on no key. */
  CloudKmsDouble withAccount(ServiceAccount account) {
    accounts.put(account.email(), account);
    return this;
  }

  int tokensIssued() {
    return issued.get();
  }

  @Override
  protected void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      Matcher call = CALL.matcher(path);
      if (!exchange.getRequestMethod().equals("POST")) {
        error(exchange, 405, "INVALID_ARGUMENT", "POST only");
      } else if (path.equals("/token")) {
        token(exchange, new String(body, StandardCharsets.UTF_8));
      } else if (!call.matches()) {
        error(exchange, 404, "NOT_FOUND", "no method at " + path);
      } else {
        kms(exchange, call.group(1), call.group(2), JSON.readTree(body));
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      error(exchange, 500, "INTERNAL", e.toString());
    }
  }

  private void token(HttpExchange exchange, String form) throws IOException, GeneralSecurityException {
    JwtAssertion.Grant grant = JwtAssertion.check(form, accounts, GcpCredentials.SCOPE);
    if (grant.refusal() != null) {
      reply(exchange, 400, Map.of("error", "invalid_grant", "error_description", grant.refusal()));
      return;
    }
    String token = "ya29.double-" + issued.incrementAndGet() + "-" + random.nextInt(1 << 30);
    tokens.put(token, grant.account());
    reply(exchange, 200, Map.of("access_token", token, "expires_in", 3599, "token_type", "Bearer"));
  }

  private void kms(HttpExchange exchange, String name, String method, JsonNode request)
      throws IOException, GeneralSecurityException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String account = authorization == null || !authorization.startsWith("Bearer ") ? null
        : tokens.get(authorization.substring("Bearer ".length()));
    if (account == null) {
      error(exchange, 401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2"
          + " access token, login cookie or other valid authentication credential.");
      return;
    }
    Key key = keys.get(name);
    if (key != null && !key.accounts().contains(account)) {
      error(exchange, 403, "PERMISSION_DENIED", "Permission 'cloudkms.cryptoKeyVersions.use" + (method.equals(
          "encrypt") ? "ToEncrypt" : "ToDecrypt") + "' denied on resource '" + name + "' (or it may not exist).");
    } else if (key == null) {
      error(exchange, 404, "NOT_FOUND", name + " not found.");
    } else if (method.equals("encrypt")) {
      encrypt(exchange, name, key.secret(), request);
    } else {
      decrypt(exchange, name, request);
    }
  }

  private void encrypt(HttpExchange exchange, String name, SecretKey key, JsonNode request)
      throws IOException, GeneralSecurityException {
    byte[] iv = new byte[12];
    random.nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
    cipher.updateAAD(base64(request, "additionalAuthenticatedData"));
    byte[] sealed = cipher.doFinal(base64(request, "plaintext"));
    byte[] named = name.getBytes(StandardCharsets.UTF_8);
    byte[] blob = ByteBuffer.allocate(2 + named.length + 12 + sealed.length).putShort((short) named.length)
        .put(named).put(iv).put(sealed).array();
    reply(exchange, 200, Map.of("name", name + "/cryptoKeyVersions/1", "ciphertext",
        Base64.getEncoder().encodeToString(blob), "protectionLevel", "SOFTWARE"));
  }

  private void decrypt(HttpExchange exchange, String name, JsonNode request) throws IOException {
    try {
      ByteBuffer blob = ByteBuffer.wrap(base64(request, "ciphertext"));
      byte[] named = new byte[blob.getShort()];
      blob.get(named);
      if (!name.equals(new String(named, StandardCharsets.UTF_8))) {
        throw new GeneralSecurityException("made under another key");
      }
      byte[] iv = new byte[12];
      blob.get(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, keys.get(name).secret(), new GCMParameterSpec(128, iv));
      cipher.updateAAD(base64(request, "additionalAuthenticatedData"));
      byte[] plaintext = cipher.doFinal(blob.array(), blob.position(), blob.remaining());
      reply(exchange, 200, Map.of("plaintext", Base64.getEncoder().encodeToString(plaintext), "usedPrimary", true,
          "protectionLevel", "SOFTWARE"));
    } catch (GeneralSecurityException | RuntimeException e) {
      error(exchange, 400, "INVALID_ARGUMENT", "Decryption failed: the ciphertext is invalid.");
    }
  }

  private static byte[] base64(JsonNode request, String field) {
    return Base64.getDecoder().decode(request.path(field).asText(""));
  }

  private static void error(HttpExchange exchange, int code, String status, String message) throws IOException {
    reply(exchange, code, Map.of("error", Map.of("code", code, "message", message, "status", status)));
  }

  private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    reply(exchange, status, "application/json; charset=UTF-8", JSON.writeValueAsBytes(body));
  }
}
