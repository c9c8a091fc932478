package dev.stele.kms.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.stele.testkit.FormBody;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.net.ssl.SSLContext;

/**
 * A double of Azure Key Vault's and Entra ID's documented REST APIs, as far as the azure-kms
 * driver uses them, because Azure cannot be reached from the machines these tests run on. Served
 * over HTTPS on 127.0.0.1 (Key Vault's bearer-token challenge is refused over plain HTTP).
 * Key Vault: {@code GET /keys/NAME[/VERSION]} (the public JWK), {@code POST
 * /keys/NAME/VERSION/encrypt} and {@code /decrypt} (an empty version is the current one) with {@code RSA-OAEP-256} (SHA-256 and MGF1
 * with SHA-256), each needing {@code api-version}; a request without a token this double issued
 * for {@code https://vault.azure.net/.default} is answered 401 with the challenge
 * {@code WWW-Authenticate: Bearer authorization="https://login.microsoftonline.com/TENANT",
 * resource="https://vault.azure.net"}. Entra ID: the client-credentials grant at
 * {@code POST /TENANT/oauth2/v2.0/token}, checking the client's secret. Keys are real RSA-2048
 * pairs with 32-hex-digit versions; decrypting with another key or version fails as Key Vault does.
 */
final class AzureDouble implements AutoCloseable {
  static final String RESOURCE = "https://vault.azure.net";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern KEY = Pattern.compile("/keys/([A-Za-z0-9-]+)(?:/([0-9a-f]{32})?(?:/(encrypt|decrypt))?)?");
  private static final OAEPParameterSpec OAEP_256 = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
      PSource.PSpecified.DEFAULT);

  private final HttpsServer server;
  private final String tenant;
  private final Map<String, String> clients = new ConcurrentHashMap<>();
  private final Map<String, LinkedHashMap<String, KeyPair>> keys = new ConcurrentHashMap<>();
  private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger challenges = new AtomicInteger();
  private final List<String> unknown = new CopyOnWriteArrayList<>();

  AzureDouble(SSLContext tls, String tenant) throws IOException {
    this.tenant = tenant;
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  AzureDouble withClient(String clientId, String secret) {
    clients.put(clientId, secret);
    return this;
  }

  /** Adds a new version of key {@code name} (creating it), which becomes its current version; answers the version. */
  synchronized String rotate(String name) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String version = UUID.randomUUID().toString().replace("-", "");
    keys.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(version, generator.generateKeyPair());
    return version;
  }

  int tokensIssued() {
    return tokens.size();
  }

  /** Requests answered 401 with the challenge, because they carried no token (or not one of ours). */
  int challenges() {
    return challenges.get();
  }

  /** Requests this double does not know, for a test's failure message. */
  List<String> unknownRequests() {
    return unknown;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/" + tenant + "/oauth2/v2.0/token") && exchange.getRequestMethod().equals("POST")) {
        token(exchange, FormBody.parse(body));
        return;
      }
      if (path.equals("/common/discovery/instance") && exchange.getRequestMethod().equals("GET")) {
        discovery(exchange);
        return;
      }
      Matcher key = KEY.matcher(path);
      String query = exchange.getRequestURI().getQuery();
      if (!key.matches() || query == null || !query.contains("api-version=")) {
        unknown.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        vaultError(exchange, 404, "NotFound", "no such operation: " + path);
      } else if (!authorized(exchange)) {
        challenges.incrementAndGet();
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer authorization=\"https://login.microsoftonline.com/"
            + tenant + "\", resource=\"" + RESOURCE + "\"");
        vaultError(exchange, 401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.");
      } else {
        vault(exchange, key.group(1), key.group(2), key.group(3), body);
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      vaultError(exchange, 500, "InternalError", e.toString());
    }
  }

  private boolean authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    return header != null && header.startsWith("Bearer ") && tokens.containsKey(header.substring(7));
  }

  private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
    String secret = clients.get(form.get("client_id"));
    if (!"client_credentials".equals(form.get("grant_type")) || secret == null
        || !secret.equals(form.get("client_secret"))) {
      reply(exchange, 401, Map.of("error", "invalid_client", "error_description", "AADSTS7000215: Invalid client"
          + " secret provided. Ensure the secret being sent in the request is the client secret value."));
    } else if (!List.of(form.getOrDefault("scope", "").split(" ")).contains(RESOURCE + "/.default")) {
      reply(exchange, 400, Map.of("error", "invalid_scope", "error_description", "AADSTS70011: The provided"
          + " value for the input parameter 'scope' is not valid: " + form.get("scope")));
    } else {
      String token = "double-token-" + UUID.randomUUID();
      tokens.put(token, true);
      reply(exchange, 200, Map.of("token_type", "Bearer", "expires_in", 3599, "ext_expires_in", 3599,
          "access_token", token));
    }
  }

  /** Entra ID's instance discovery, which the identity library asks before its first sign-in. */
  private void discovery(HttpExchange exchange) throws IOException {
    String host = "login.microsoftonline.com";
    reply(exchange, 200, Map.of("tenant_discovery_endpoint", "https://" + host + "/" + tenant
        + "/v2.0/.well-known/openid-configuration", "api-version", "1.1", "metadata", List.of(Map.of(
        "preferred_network", host, "preferred_cache", "login.windows.net", "aliases", List.of(host,
        "login.windows.net", "login.microsoft.com", "sts.windows.net")))));
  }

  private void vault(HttpExchange exchange, String name, String version, String operation, byte[] body)
      throws IOException, GeneralSecurityException {
    LinkedHashMap<String, KeyPair> versions = keys.get(name);
    String current = versions == null ? null : new ArrayList<>(versions.keySet()).get(versions.size() - 1);
    KeyPair pair = versions == null ? null : versions.get(version == null ? current : version);
    String kid = "https://" + exchange.getRequestHeaders().getFirst("Host").replaceFirst(":\\d+$", "") + "/keys/"
        + name + "/" + (version == null ? current : version);
    if (pair == null) {
      vaultError(exchange, 404, "KeyNotFound", "A key with (name/id) " + name + (version == null ? "" : "/" + version)
          + " was not found in this key vault.");
    } else if (operation == null && exchange.getRequestMethod().equals("GET")) {
      RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
      reply(exchange, 200, Map.of("key", Map.of("kid", kid, "kty", "RSA", "key_ops", List.of("encrypt", "decrypt"),
          "n", base64url(unsigned(pub.getModulus().toByteArray())), "e",
          base64url(unsigned(pub.getPublicExponent().toByteArray()))),
          "attributes", Map.of("enabled", true, "created", 1_700_000_000, "updated", 1_700_000_000)));
    } else if (operation != null && exchange.getRequestMethod().equals("POST")) {
      JsonNode request = JSON.readTree(body);
      if (!"RSA-OAEP-256".equals(request.path("alg").asText())) {
        vaultError(exchange, 400, "BadParameter", "this double only does RSA-OAEP-256, not " + request.path("alg"));
        return;
      }
      byte[] value = Base64.getUrlDecoder().decode(request.path("value").asText());
      Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
      byte[] result;
      try {
        rsa.init(operation.equals("encrypt") ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
            operation.equals("encrypt") ? pair.getPublic() : pair.getPrivate(), OAEP_256);
        result = rsa.doFinal(value);
      } catch (GeneralSecurityException e) {
        vaultError(exchange, 400, "BadParameter", "Error occurred while decrypting the value.");
        return;
      }
      reply(exchange, 200, Map.of("kid", kid, "value", base64url(result)));
    } else {
      vaultError(exchange, 405, "BadParameter", "no " + exchange.getRequestMethod() + " here");
    }
  }

  private static byte[] unsigned(byte[] twosComplement) {
    return twosComplement.length > 1 && twosComplement[0] == 0
        ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
  }

  private static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void vaultError(HttpExchange exchange, int status, String code, String message) throws IOException {
    reply(exchange, status, Map.of("error", Map.of("code", code, "message", message)));
  }

  private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
