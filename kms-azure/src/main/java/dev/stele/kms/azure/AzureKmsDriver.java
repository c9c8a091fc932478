package dev.stele.kms.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.KeyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.CryptographyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.models.EncryptionAlgorithm;
import com.microsoft.aad.msal4j.MsalServiceException;
import dev.stele.kms.AbstractKmsDriver;
import dev.stele.kms.KmsKey;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent's {@code azure-kms}: the KEK is an RSA key in Azure Key Vault named by its identifier
 * ({@link KeyVaultKeyId}), reached with the credentials {@link AzureSettings} describes. A DEK is
 * wrapped by Key Vault's {@code encrypt} with RSA-OAEP-256 and opened by {@code decrypt}, as
 * Confluent's driver does (so the same Key Vault permissions, keys/get, encrypt and decrypt,
 * serve both); the SDK encrypts with the key's public half locally when it may read the key.
 * The wrapped DEK is Key Vault's ciphertext, or with {@code encrypt.azure.key.version.save} that
 * ciphertext behind {@link VersionPrefix}, byte for byte what Confluent's clients store.
 *
 * <p>A versionless key id encrypts with the key's current version and decrypts with the current
 * version too: after a rotation the old DEKs no longer open unless they carry the version. That is
 * Confluent's behaviour, kept for interop; the driver warns once per key, as Confluent's does.
 *
 * <p>Thread-safe: one credential (which caches its tokens) per settings and one SDK client
 * (itself thread-safe) per key version, kept for the driver's life in concurrent maps.
 */
public final class AzureKmsDriver extends AbstractKmsDriver {
  public static final String KMS_TYPE = "azure-kms";
  static final String SAVE_VERSION = "encrypt.azure.key.version.save";
  private static final Logger LOG = LoggerFactory.getLogger(AzureKmsDriver.class);
  private static final EncryptionAlgorithm ALGORITHM = EncryptionAlgorithm.RSA_OAEP_256;
  /**
   * Microsoft's advice for Key Vault throttling, as Confluent's driver has it: 5 retries, 1 s to
   * 16 s apart, of what the SDK deems retryable, but never a sign-in that Entra ID refused: the SDK
   * puts its retries before the token is fetched, and a wrong secret would otherwise cost half a
   * minute before the caller hears of it.
   */
  private static final RetryOptions RETRIES = retries();
  /** Bounds on one try; the retries above come on top, as for Confluent's driver. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<Integer> REFUSALS = Set.of(401, 403);

  /**
   * The JDK's client, one for every call, so the SDK never looks for (or starts) another one. Made
   * on first use: the server loads every driver on its class path, and an unused one should not
   * start the client's selector thread. It trusts what the JVM's default TLS context trusts.
   */
  private volatile HttpClient http;
  private final Map<AzureSettings, TokenCredential> credentials = new ConcurrentHashMap<>();
  private final Map<ClientKey, CryptographyClient> clients = new ConcurrentHashMap<>();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  /**
   * The ServiceLoader's constructor. No setting falls back to a variable of Stele's: the Azure SDK
   * reads its own ({@code AZURE_CLIENT_ID}, {@code AZURE_AUTHORITY_HOST}, ...), as with Confluent's.
   */
  public AzureKmsDriver() {
    super(KMS_TYPE, variable -> null);
  }

  @Override
  public byte[] wrap(KmsKey key, byte[] plaintext) throws GeneralSecurityException {
    KeyVaultKeyId id = KeyVaultKeyId.parse(key.kmsKeyId());
    AzureSettings settings = AzureSettings.of(key, this::setting);
    boolean saveVersion = saveVersion(key);
    if (!saveVersion) {
      if (id.version() == null && warned.add(id.url())) {
        LOG.warn("azure-kms key {} has no version and {} is not true: its DEKs will not open after the key is"
            + " rotated", id.url(), SAVE_VERSION);
      }
      return call("encrypt", id, settings, () -> client(settings, id).encrypt(ALGORITHM, plaintext).getCipherText());
    }
    KeyVaultKeyId versioned = id.version() != null ? id : currentVersion(id, settings);
    if (!KeyVaultKeyId.isVersion(versioned.version())) {
      throw new GeneralSecurityException("Azure Key Vault answered version '" + versioned.version() + "' for key "
          + id.url() + ": " + SAVE_VERSION + " needs a 32-hex-digit version");
    }
    byte[] ciphertext = call("encrypt", versioned, settings,
        () -> client(settings, versioned).encrypt(ALGORITHM, plaintext).getCipherText());
    return VersionPrefix.prepend(versioned.version(), ciphertext);
  }

  @Override
  public byte[] unwrap(KmsKey key, byte[] ciphertext) throws GeneralSecurityException {
    KeyVaultKeyId id = KeyVaultKeyId.parse(key.kmsKeyId());
    AzureSettings settings = AzureSettings.of(key, this::setting);
    String version = VersionPrefix.version(ciphertext);
    KeyVaultKeyId target = version == null ? id : id.withVersion(version);
    byte[] sealed = version == null ? ciphertext : VersionPrefix.ciphertext(ciphertext);
    return call("decrypt", target, settings, () -> client(settings, target).decrypt(ALGORITHM, sealed).getPlainText());
  }

  /** Confluent reads anything but {@code true} as false; a typo here would lose DEKs at the next rotation. */
  private boolean saveVersion(KmsKey key) throws GeneralSecurityException {
    String value = setting(key, SAVE_VERSION, null);
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new GeneralSecurityException("azure-kms " + SAVE_VERSION + " is '" + value + "' for key " + key
        + ": it must be true or false");
  }

  private KeyVaultKeyId currentVersion(KeyVaultKeyId id, AzureSettings settings) throws GeneralSecurityException {
    KeyClient keys = new KeyClientBuilder().vaultUrl(id.vaultUrl()).credential(credential(settings)).httpClient(http())
        .retryOptions(RETRIES).buildClient();
    return id.withVersion(call("read the current version of", id, settings,
        () -> keys.getKey(id.name()).getProperties().getVersion()));
  }

  private static RetryOptions retries() {
    ExponentialBackoffOptions backoff = new ExponentialBackoffOptions().setMaxRetries(5)
        .setBaseDelay(Duration.ofSeconds(1)).setMaxDelay(Duration.ofSeconds(16));
    ExponentialBackoff strategy = new ExponentialBackoff(backoff);
    return new RetryOptions(backoff).setShouldRetryCondition(c -> c.getThrowable() == null
        ? strategy.shouldRetry(c.getResponse())
        : !refusedSignIn(c.getThrowable()) && strategy.shouldRetryException(c.getThrowable()));
  }

  private static boolean refusedSignIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClientAuthenticationException || t instanceof MsalServiceException) {
        return true;
      }
    }
    return false;
  }

  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        if (http == null) {
          http = new JdkHttpClientBuilder().connectionTimeout(CONNECT_TIMEOUT).responseTimeout(CALL_TIMEOUT)
              .readTimeout(CALL_TIMEOUT).build();
        }
        client = http;
      }
    }
    return client;
  }

  private CryptographyClient client(AzureSettings settings, KeyVaultKeyId id) {
    return clients.computeIfAbsent(new ClientKey(settings, id.url()), k -> new CryptographyClientBuilder()
        .keyIdentifier(id.url()).credential(credential(settings)).httpClient(http()).retryOptions(RETRIES)
        .buildClient());
  }

  /** One SDK client per credentials and key version: a client holds its credential. */
  private record ClientKey(AzureSettings settings, String keyUrl) {}

  private TokenCredential credential(AzureSettings s) {
    return credentials.computeIfAbsent(s, k -> s.servicePrincipal()
        ? new ClientSecretCredentialBuilder().tenantId(s.tenantId()).clientId(s.clientId())
            .clientSecret(s.clientSecret()).httpClient(http()).build()
        : new DefaultAzureCredentialBuilder().httpClient(http()).build());
  }

  /** A call to Key Vault whose unchecked failures become the SPI's checked one, naming what to look at. */
  private interface Call<T> {
    T run();
  }

  private static <T> T call(String operation, KeyVaultKeyId id, AzureSettings settings, Call<T> call)
      throws GeneralSecurityException {
    try {
      return call.run();
    } catch (RuntimeException e) {
      Integer status = e instanceof HttpResponseException http && http.getResponse() != null
          ? http.getResponse().getStatusCode() : null;
      if (refusedSignIn(e) || status != null && REFUSALS.contains(status)) {
        throw new GeneralSecurityException("Azure Key Vault refused " + settings.describe() + " to " + operation
            + " key " + id.url() + " (" + reason(e) + "): check the credentials and the vault's access policy"
            + " or role assignments", e);
      }
      if (status != null) {
        throw new GeneralSecurityException("Azure Key Vault could not " + operation + " with key " + id.url()
            + " (HTTP " + status + ": " + reason(e) + ")", e);
      }
      throw new GeneralSecurityException("could not " + operation + " with Azure Key Vault key " + id.url()
          + " using " + settings.describe() + ": " + reason(e), e);
    }
  }

  /**
   * The innermost message (the SDK wraps Entra ID's answer in two layers of exceptions), first line
   * only: the SDK's messages run on into a troubleshooting essay.
   */
  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
