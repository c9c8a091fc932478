package dev.stele.kms.hcvault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.kms.AbstractKmsDriver;
import dev.stele.kms.KmsKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Confluent's {@code hcvault}: the KEK is a key of HashiCorp Vault's transit secrets engine, named
 * by its URL ({@link VaultKey}), reached with a token or an AppRole ({@link VaultCredentials}). A
 * DEK is wrapped by Vault's {@code encrypt} endpoint and the wrapped DEK is Vault's ciphertext
 * string ({@code vault:v1:...}) as UTF-8 bytes, exactly what Confluent's clients store, so either
 * side unwraps the other's DEKs. No associated data is sent (Confluent sends none either), so the
 * key need not be a derived one.
 *
 * <p>Thread-safe: AppRole tokens are cached per login in a concurrent map; two threads that log in
 * at once both get a valid token and the last one is kept.
 */
public final class HcVaultKmsDriver extends AbstractKmsDriver {
  public static final String KMS_TYPE = "hcvault";

  private final VaultHttp http = new VaultHttp();
  /** AppRole tokens by Vault address and credentials. */
  private final Map<List<Object>, String> appRoleTokens = new ConcurrentHashMap<>();

  /** Reads the {@code VAULT_*} fallbacks from the process environment (the ServiceLoader's constructor). */
  public HcVaultKmsDriver() {
    this(System::getenv);
  }

  /** @param environment looks up environment variables (tests give their own) */
  public HcVaultKmsDriver(UnaryOperator<String> environment) {
    super(KMS_TYPE, environment);
  }

  @Override
  public byte[] wrap(KmsKey key, byte[] plaintext) throws GeneralSecurityException {
    JsonNode data = call(key, "encrypt", Map.of("plaintext", Base64.getEncoder().encodeToString(plaintext)));
    String ciphertext = data.path("ciphertext").asText("");
    if (!ciphertext.startsWith("vault:")) {
      throw new GeneralSecurityException("Vault answered encrypt for " + key.kmsKeyId() + " without a ciphertext");
    }
    return ciphertext.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] unwrap(KmsKey key, byte[] ciphertext) throws GeneralSecurityException {
    String text = new String(ciphertext, StandardCharsets.UTF_8);
    if (!text.startsWith("vault:")) {
      throw new GeneralSecurityException("the wrapped DEK is not a Vault transit ciphertext (vault:v...:...),"
          + " so it was not wrapped by hcvault key " + key.kmsKeyId());
    }
    JsonNode data = call(key, "decrypt", Map.of("ciphertext", text));
    try {
      return Base64.getDecoder().decode(data.path("plaintext").asText(""));
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("Vault answered decrypt for " + key.kmsKeyId() + " with no base64 plaintext");
    }
  }

  /** POSTs to the key's transit endpoint and returns the answer's {@code data}; logs in again once if an AppRole token expired. */
  private JsonNode call(KmsKey key, String operation, Map<String, String> body) throws GeneralSecurityException {
    VaultKey vault = VaultKey.parse(key.kmsKeyId());
    VaultCredentials credentials = VaultCredentials.of(key, this::setting);
    URI endpoint = vault.endpoint(operation);
    List<Object> login = List.of(vault.address(), credentials);
    boolean cached = appRoleTokens.containsKey(login);
    VaultHttp.Answer answer = http.post(endpoint, token(vault, credentials), credentials.namespace(), body);
    if (answer.refused() && credentials.appRole() && cached) {
      // The cached token may have expired: log in again once.
      appRoleTokens.remove(login);
      answer = http.post(endpoint, token(vault, credentials), credentials.namespace(), body);
    }
    if (answer.refused()) {
      throw new GeneralSecurityException("Vault at " + vault.address() + " refused " + credentials.describe()
          + " for " + operation + " with transit key " + vault.name() + " (" + answer.errors()
          + "): check the credentials and that their policy allows " + endpoint.getPath());
    }
    if (!answer.ok()) {
      throw new GeneralSecurityException("Vault at " + vault.address() + " could not " + operation
          + " with transit key " + vault.name() + " of mount " + vault.mount() + " (" + answer.errors() + ")");
    }
    return answer.body().path("data");
  }

  private String token(VaultKey vault, VaultCredentials credentials) throws GeneralSecurityException {
    if (!credentials.appRole()) {
      return credentials.token();
    }
    List<Object> login = List.of(vault.address(), credentials);
    String cached = appRoleTokens.get(login);
    if (cached != null) {
      return cached;
    }
    VaultHttp.Answer answer = http.post(vault.address().resolve("/v1/auth/approle/login"), null,
        credentials.namespace(), Map.of("role_id", credentials.roleId(), "secret_id", credentials.secretId()));
    String token = answer.body().path("auth").path("client_token").asText("");
    if (!answer.ok() || token.isEmpty()) {
      throw new GeneralSecurityException("Vault at " + vault.address() + " refused the login of "
          + credentials.describe() + " (" + answer.errors() + ")");
    }
    appRoleTokens.put(login, token);
    return token;
  }
}
