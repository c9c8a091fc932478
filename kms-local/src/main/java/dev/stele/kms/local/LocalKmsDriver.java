package dev.stele.kms.local;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import dev.stele.kms.KmsDriver;
import dev.stele.kms.KmsKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.function.UnaryOperator;

/**
 * Confluent's {@code local-kms}: no KMS at all, the KEK is derived from a secret. The secret is
 * the KEK's {@code secret} property, else the {@code LOCAL_SECRET} environment variable, as in
 * Confluent's drivers; the key is HKDF-SHA256 of its UTF-8 bytes (no salt, no info) cut to 16
 * bytes, used as AES-128-GCM (12-byte IV, ciphertext and tag, no associated data). So a DEK
 * wrapped here unwraps in a Confluent client given the same secret, and the other way round.
 * For development and tests: anyone with the secret has every key.
 */
public final class LocalKmsDriver implements KmsDriver {
  public static final String KMS_TYPE = "local-kms";
  public static final String SECRET_PROPERTY = "secret";
  public static final String SECRET_VARIABLE = "LOCAL_SECRET";
  private static final int KEY_BYTES = 16;
  private static final byte[] NO_ASSOCIATED_DATA = new byte[0];

  private final UnaryOperator<String> environment;

  /** Reads {@code LOCAL_SECRET} from the process environment (the ServiceLoader's constructor). */
  public LocalKmsDriver() {
    this(System::getenv);
  }

  /** @param environment looks up environment variables (tests give their own) */
  public LocalKmsDriver(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  @Override
  public String kmsType() {
    return KMS_TYPE;
  }

  @Override
  public byte[] wrap(KmsKey key, byte[] plaintext) throws GeneralSecurityException {
    return aead(key).encrypt(plaintext, NO_ASSOCIATED_DATA);
  }

  @Override
  public byte[] unwrap(KmsKey key, byte[] ciphertext) throws GeneralSecurityException {
    return aead(key).decrypt(ciphertext, NO_ASSOCIATED_DATA);
  }

  private AesGcmJce aead(KmsKey key) throws GeneralSecurityException {
    String secret = key.kmsProps().get(SECRET_PROPERTY);
    if (secret == null || secret.isEmpty()) {
      secret = environment.apply(SECRET_VARIABLE);
    }
    if (secret == null || secret.isEmpty()) {
      throw new GeneralSecurityException("the local-kms key " + key.kmsKeyId() + " has no secret:"
          + " set its kmsProps '" + SECRET_PROPERTY + "' or the " + SECRET_VARIABLE
          + " environment variable of the registry");
    }
    byte[] derived = Hkdf.computeHkdf("HMACSHA256", secret.getBytes(StandardCharsets.UTF_8),
        new byte[0], new byte[0], KEY_BYTES);
    return new AesGcmJce(derived);
  }
}
