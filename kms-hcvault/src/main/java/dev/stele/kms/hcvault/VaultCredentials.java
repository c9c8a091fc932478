package dev.stele.kms.hcvault;

import dev.stele.kms.AbstractKmsDriver;
import dev.stele.kms.KmsKey;
import java.security.GeneralSecurityException;

/**
 * How the driver logs in to Vault, from a KEK's (or a client's) properties with Confluent's keys,
 * else the environment variables Confluent's clients read: an AppRole ({@code approle.role.id}
 * and {@code approle.secret.id}, else {@code VAULT_APPROLE_ROLE_ID} and
 * {@code VAULT_APPROLE_SECRET_ID}) wins over a token ({@code token.id}, else {@code VAULT_TOKEN});
 * {@code namespace} (else {@code VAULT_NAMESPACE}) goes in every request's namespace header.
 * {@link #toString} never shows the token or the secret id.
 */
record VaultCredentials(String token, String roleId, String secretId, String namespace) {
  static final String TOKEN_ID = "token.id";
  static final String NAMESPACE = "namespace";
  static final String APPROLE_ROLE_ID = "approle.role.id";
  static final String APPROLE_SECRET_ID = "approle.secret.id";

  static VaultCredentials of(KmsKey key, AbstractKmsDriver.Setting settings) throws GeneralSecurityException {
    String token = settings.of(key, TOKEN_ID, "VAULT_TOKEN");
    String roleId = settings.of(key, APPROLE_ROLE_ID, "VAULT_APPROLE_ROLE_ID");
    String secretId = settings.of(key, APPROLE_SECRET_ID, "VAULT_APPROLE_SECRET_ID");
    String namespace = settings.of(key, NAMESPACE, "VAULT_NAMESPACE");
    boolean appRole = roleId != null && secretId != null;
    if (!appRole && token == null) {
      throw new GeneralSecurityException("hcvault has no credentials: set the kmsProps (or client param) '"
          + TOKEN_ID + "', or both '" + APPROLE_ROLE_ID + "' and '" + APPROLE_SECRET_ID
          + "', or the VAULT_TOKEN or VAULT_APPROLE_ROLE_ID and VAULT_APPROLE_SECRET_ID environment variables");
    }
    return appRole ? new VaultCredentials(null, roleId, secretId, namespace)
        : new VaultCredentials(token, null, null, namespace);
  }

  boolean appRole() {
    return roleId != null;
  }

  /** What a refusal names, so the operator knows which setting to look at. */
  String describe() {
    return appRole() ? "the AppRole " + roleId + " (" + APPROLE_ROLE_ID + "/" + APPROLE_SECRET_ID + ")"
        : "the token (" + TOKEN_ID + ")";
  }

  @Override
  public String toString() {
    return "VaultCredentials[" + describe() + (namespace == null ? "" : ", namespace " + namespace) + "]";
  }
}
