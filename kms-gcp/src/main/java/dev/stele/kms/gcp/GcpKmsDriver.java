package dev.stele.kms.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.kms.AbstractKmsDriver;
import dev.stele.kms.KmsKey;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Confluent's {@code gcp-kms}: the KEK is a Cloud KMS CryptoKey named by its resource name
 * ({@link CryptoKeyName}), reached with the credentials {@link GcpSettings} describes. A DEK is
 * wrapped by Cloud KMS's {@code encrypt} with no additional authenticated data, and the wrapped DEK
 * is the {@code ciphertext} Cloud KMS answers, exactly what Confluent's clients (Tink's GcpKmsAead)
 * store; {@code decrypt} is asked of the KEK's key, so a DEK wrapped under another key is refused
 * rather than opened. Speaks the REST API directly: see decision 0021 for why not Tink's gcpkms.
 *
 * <p>Thread-safe: the JDK's HTTP client and the credentials cache are.
 */
public final class GcpKmsDriver extends AbstractKmsDriver {
  public static final String KMS_TYPE = "gcp-kms";

  private final GcpEndpoints endpoints;
  private final GcpCredentials credentials;
  private final CloudKmsHttp http = new CloudKmsHttp();

  /** Google's endpoints unless the process names others (the ServiceLoader's constructor). */
  public GcpKmsDriver() {
    this(System::getenv, GcpEndpoints.of(System::getProperty, System::getenv));
  }

  /**
   * @param environment looks up environment variables ({@code GOOGLE_APPLICATION_CREDENTIALS}; tests give their own)
   * @param kms Cloud KMS's REST root instead of Google's
   * @param token the OAuth token endpoint for service account keys given as properties, instead of Google's
   */
  public GcpKmsDriver(UnaryOperator<String> environment, URI kms, URI token) {
    this(environment, new GcpEndpoints(kms, token, null));
  }

  private GcpKmsDriver(UnaryOperator<String> environment, GcpEndpoints endpoints) {
    super(KMS_TYPE, environment);
    this.endpoints = endpoints;
    this.credentials = new GcpCredentials(environment, endpoints.token());
  }

  @Override
  public byte[] wrap(KmsKey key, byte[] plaintext) throws GeneralSecurityException {
    JsonNode answer = call(key, "encrypt", Map.of("plaintext", Base64.getEncoder().encodeToString(plaintext)));
    return decoded(answer, "ciphertext", key);
  }

  @Override
  public byte[] unwrap(KmsKey key, byte[] ciphertext) throws GeneralSecurityException {
    JsonNode answer = call(key, "decrypt", Map.of("ciphertext", Base64.getEncoder().encodeToString(ciphertext)));
    return decoded(answer, "plaintext", key);
  }

  private JsonNode call(KmsKey key, String method, Map<String, String> body) throws GeneralSecurityException {
    if (endpoints.invalid() != null) {
      throw new GeneralSecurityException("gcp-kms cannot be used: " + endpoints.invalid());
    }
    CryptoKeyName name = CryptoKeyName.parse(key.kmsKeyId());
    GcpSettings settings = GcpSettings.of(key, this::setting);
    URI uri = endpoints.kms().resolve("v1/" + name + ":" + method);
    CloudKmsHttp.Answer answer = http.post(uri, credentials.headers(settings, uri), body);
    if (answer.reply().refused()) {
      throw new GeneralSecurityException("Cloud KMS refused " + credentials.describe(settings) + " for " + method
          + " with key " + name + " (" + answer.reason() + "): check the credentials and their role on the key"
          + " (roles/cloudkms.cryptoKeyEncrypterDecrypter)");
    }
    if (!answer.reply().ok()) {
      throw new GeneralSecurityException("Cloud KMS could not " + method + " with key " + name + " ("
          + answer.reason() + ")");
    }
    return answer.body();
  }

  private static byte[] decoded(JsonNode answer, String field, KmsKey key) throws GeneralSecurityException {
    String text = answer.path(field).asText("");
    try {
      if (!text.isEmpty()) {
        return Base64.getDecoder().decode(text);
      }
    } catch (IllegalArgumentException e) {
      // worded below
    }
    throw new GeneralSecurityException("Cloud KMS answered no base64 " + field + " for key " + key.kmsKeyId());
  }
}
