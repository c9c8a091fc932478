package dev.stele.kms.gcp;

import dev.stele.kms.AbstractKmsDriver;
import dev.stele.kms.KmsKey;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which Google credentials the driver uses, with Confluent's property keys, read from a KEK's
 * {@code kmsProps} (or a client's executor params): a service account's key given as its parts
 * ({@code client.id}, {@code client.email}, {@code private.key.id}, {@code private.key}, and
 * {@code account.type}, which can only be {@code service_account}, its default), else Google's
 * application default credentials. Confluent reads these keys from the properties only, with no
 * environment fallback; so does this driver. A value, used as the cache key of one credentials
 * object (which keeps its access token until it expires); {@link #toString} never shows the key.
 */
record GcpSettings(String clientId, String clientEmail, String privateKeyId, String privateKey) {
  static final String ACCOUNT_TYPE = "account.type";
  static final String CLIENT_ID = "client.id";
  static final String CLIENT_EMAIL = "client.email";
  static final String PRIVATE_KEY_ID = "private.key.id";
  static final String PRIVATE_KEY = "private.key";
  static final String SERVICE_ACCOUNT = "service_account";

  /**
   * The settings of {@code key}. Confluent's driver falls back to the default credentials when any
   * of the four parts is missing; a partial key is a mistake that would then run as another
   * identity, so it is refused here naming what is missing, and so is an account type no key of
   * these parts can be.
   */
  static GcpSettings of(KmsKey key, AbstractKmsDriver.Setting settings) throws GeneralSecurityException {
    String type = settings.of(key, ACCOUNT_TYPE, null);
    if (type != null && !type.equals(SERVICE_ACCOUNT)) {
      throw new GeneralSecurityException("gcp-kms " + ACCOUNT_TYPE + " '" + type + "' is refused: only "
          + SERVICE_ACCOUNT + " keys can be given as properties (other credentials come from the application"
          + " default credentials, e.g. GOOGLE_APPLICATION_CREDENTIALS)");
    }
    GcpSettings read = new GcpSettings(settings.of(key, CLIENT_ID, null), settings.of(key, CLIENT_EMAIL, null),
        settings.of(key, PRIVATE_KEY_ID, null), pem(settings.of(key, PRIVATE_KEY, null)));
    List<String> missing = read.missing();
    if (!missing.isEmpty() && missing.size() < 4) {
      throw new GeneralSecurityException("gcp-kms needs all of " + CLIENT_ID + ", " + CLIENT_EMAIL + ", "
          + PRIVATE_KEY_ID + " and " + PRIVATE_KEY + ", or none of them (then the application default"
          + " credentials); key " + key.kmsKeyId() + " lacks " + String.join(", ", missing));
    }
    return read;
  }

  /**
   * Confluent pastes the key into a JSON string, so a key written on one line with {@code \n}
   * escapes (as in a service account's JSON file) works there; it is unescaped here to the same effect.
   */
  private static String pem(String value) {
    return value == null ? null : value.replace("\\n", "\n");
  }

  private List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (clientId == null) {
      missing.add(CLIENT_ID);
    }
    if (clientEmail == null) {
      missing.add(CLIENT_EMAIL);
    }
    if (privateKeyId == null) {
      missing.add(PRIVATE_KEY_ID);
    }
    if (privateKey == null) {
      missing.add(PRIVATE_KEY);
    }
    return missing;
  }

  boolean serviceAccountKey() {
    return clientEmail != null;
  }

  /** What a refusal names, so the operator knows which setting to look at. */
  String describe() {
    return serviceAccountKey() ? "the service account " + clientEmail + " (key " + privateKeyId + ", from "
        + CLIENT_EMAIL + "/" + PRIVATE_KEY + ")" : "the application default credentials (no " + CLIENT_EMAIL + " set)";
  }

  @Override
  public String toString() {
    return "GcpSettings[" + describe() + "]";
  }
}
