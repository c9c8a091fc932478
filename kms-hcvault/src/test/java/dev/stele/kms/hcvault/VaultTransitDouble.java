package dev.stele.kms.hcvault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.stele.testkit.HttpDouble;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A double of HashiCorp Vault's HTTP API, as far as the hcvault driver uses it, because no Vault
 * server can be reached from the machines these tests run on. It follows the documented API:
 * {@code POST /v1/MOUNT/encrypt/NAME} ({@code plaintext} in base64, answering
 * {@code data.ciphertext} as {@code vault:v1:BASE64}), {@code POST /v1/MOUNT/decrypt/NAME}
 * ({@code data.plaintext} in base64), {@code POST /v1/auth/approle/login} ({@code role_id},
 * {@code secret_id}, answering {@code auth.client_token}), the {@code X-Vault-Token} and
 * {@code X-Vault-Namespace} headers, and errors as {@code {"errors": [...]}} with 400 or 403. Keys
 * are real AES-256-GCM keys, so what it decrypts is what it encrypted. Bound to 127.0.0.1.
 */
final class VaultTransitDouble extends HttpDouble {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "vault:v1:";

  private final String mount;
  private final String namespace;
  private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
  private final List<String> tokens = new CopyOnWriteArrayList<>();
  private final Map<String, String> appRoles = new ConcurrentHashMap<>();
  private final AtomicInteger logins = new AtomicInteger();
  private final SecureRandom random = new SecureRandom();

  /** @param namespace the namespace every request must name, or null for none */
  VaultTransitDouble(String mount, String namespace) throws IOException {
    super("/v1/");
    this.mount = mount;
    this.namespace = namespace;
  }

  String url() {
    return address();
  }

  /** The kmsKeyId of transit key {@code name} on this double. */
  String keyUrl(String name) {
    return url() + "/" + mount + "/keys/" + name;
  }

  VaultTransitDouble withKey(String name) throws GeneralSecurityException {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    keys.put(name, generator.generateKey());
    return this;
  }

  VaultTransitDouble withToken(String token) {
    tokens.add(token);
    return this;
  }

  VaultTransitDouble withAppRole(String roleId, String secretId) {
    appRoles.put(roleId, secretId);
    return this;
  }

  /** Forgets every token issued or given, as when they expire. */
  void revokeTokens() {
    tokens.clear();
  }

  int logins() {
    return logins.get();
  }

  @Override
  protected void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      String path = exchange.getRequestURI().getPath();
      if (!"POST".equals(exchange.getRequestMethod())) {
        reply(exchange, 405, errors("unsupported operation"));
      } else if (namespace != null && !namespace.equals(exchange.getRequestHeaders().getFirst("X-Vault-Namespace"))) {
        // Outside its namespace a path does not exist for the caller, and Vault denies it.
        reply(exchange, 403, errors("permission denied"));
      } else if (path.equals("/v1/auth/approle/login")) {
        login(exchange, body);
      } else if (!tokens.contains(String.valueOf(exchange.getRequestHeaders().getFirst("X-Vault-Token")))) {
        reply(exchange, 403, errors("permission denied"));
      } else if (path.startsWith("/v1/" + mount + "/encrypt/")) {
        encrypt(exchange, path.substring(("/v1/" + mount + "/encrypt/").length()), body);
      } else if (path.startsWith("/v1/" + mount + "/decrypt/")) {
        decrypt(exchange, path.substring(("/v1/" + mount + "/decrypt/").length()), body);
      } else {
        reply(exchange, 404, errors("no handler for route \"" + path + "\""));
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      reply(exchange, 500, errors(e.toString()));
    }
  }

  private void login(HttpExchange exchange, JsonNode body) throws IOException {
    String secretId = appRoles.get(body.path("role_id").asText());
    if (secretId == null || !secretId.equals(body.path("secret_id").asText())) {
      reply(exchange, 400, errors("invalid role or secret ID"));
      return;
    }
    String token = "hvs.approle-" + logins.incrementAndGet();
    tokens.add(token);
    reply(exchange, 200, Map.of("auth", Map.of("client_token", token, "lease_duration", 3600)));
  }

  private void encrypt(HttpExchange exchange, String name, JsonNode body) throws IOException, GeneralSecurityException {
    SecretKey key = keys.get(name);
    if (key == null) {
      // A token allowed to encrypt but not to create the key (no upsert) is denied, as Vault does.
      reply(exchange, 403, errors("permission denied"));
      return;
    }
    byte[] iv = new byte[12];
    random.nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
    byte[] sealed = cipher.doFinal(Base64.getDecoder().decode(body.path("plaintext").asText()));
    String ciphertext = PREFIX + Base64.getEncoder().encodeToString(
        ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    reply(exchange, 200, Map.of("data", Map.of("ciphertext", ciphertext, "key_version", 1)));
  }

  private void decrypt(HttpExchange exchange, String name, JsonNode body) throws IOException {
    SecretKey key = keys.get(name);
    if (key == null) {
      reply(exchange, 400, errors("encryption key not found"));
      return;
    }
    String ciphertext = body.path("ciphertext").asText();
    try {
      if (!ciphertext.startsWith(PREFIX)) {
        throw new GeneralSecurityException("no version prefix");
      }
      byte[] all = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      byte[] plaintext = cipher.doFinal(all, 12, all.length - 12);
      reply(exchange, 200, Map.of("data", Map.of("plaintext", Base64.getEncoder().encodeToString(plaintext))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      reply(exchange, 400, errors("invalid ciphertext: unable to decrypt"));
    }
  }

  private static Map<String, Object> errors(String message) {
    return Map.of("errors", List.of(message));
  }

  private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    reply(exchange, status, "application/json", JSON.writeValueAsBytes(body));
  }
}
