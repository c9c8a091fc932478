package dev.stele.kms.azure;

import dev.stele.kms.AbstractKmsDriver;
import dev.stele.kms.KmsKey;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the driver's Azure credentials come from, with Confluent's property keys, read from a
 * KEK's {@code kmsProps} (or a client's executor params): a service principal's secret
 * ({@code tenant.id}, {@code client.id} and {@code client.secret}), else the Azure SDK's default
 * chain (the {@code AZURE_*} environment variables, workload identity, managed identity, the Azure
 * CLI, ...). Confluent's driver falls back to the default chain when only some of the three are
 * set; that hides a typo behind a confusing sign-in failure, so Stele refuses it instead. A value,
 * used as a cache key for one credential and its token cache; {@link #toString} never shows the secret.
 */
record AzureSettings(String tenantId, String clientId, String clientSecret) {
  static final String TENANT_ID = "tenant.id";
  static final String CLIENT_ID = "client.id";
  static final String CLIENT_SECRET = "client.secret";

  static AzureSettings of(KmsKey key, AbstractKmsDriver.Setting settings) throws GeneralSecurityException {
    AzureSettings s = new AzureSettings(settings.of(key, TENANT_ID, null), settings.of(key, CLIENT_ID, null),
        settings.of(key, CLIENT_SECRET, null));
    int set = present(s).size();
    if (set != 0 && set != 3) {
      throw new GeneralSecurityException("azure-kms needs all of " + TENANT_ID + ", " + CLIENT_ID + " and "
          + CLIENT_SECRET + ", or none of them (then the Azure SDK's default credentials); key " + key
          + " has only " + String.join(" and ", present(s)));
    }
    return s;
  }

  private static List<String> present(AzureSettings s) {
    List<String> names = new ArrayList<>();
    if (s.tenantId != null) {
      names.add(TENANT_ID);
    }
    if (s.clientId != null) {
      names.add(CLIENT_ID);
    }
    if (s.clientSecret != null) {
      names.add(CLIENT_SECRET);
    }
    return names;
  }

  boolean servicePrincipal() {
    return clientSecret != null;
  }

  /** What a refusal names, so the operator knows which setting to look at. */
  String describe() {
    return servicePrincipal() ? "the client " + clientId + " of tenant " + tenantId + " (" + TENANT_ID + "/"
        + CLIENT_ID + "/" + CLIENT_SECRET + ")"
        : "the Azure SDK's default credentials (no " + CLIENT_SECRET + " set)";
  }

  @Override
  public String toString() {
    return "AzureSettings[" + describe() + "]";
  }
}
