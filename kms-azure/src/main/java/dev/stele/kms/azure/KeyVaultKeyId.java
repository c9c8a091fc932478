package dev.stele.kms.azure;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.regex.Pattern;

/**
 * An Azure Key Vault key as Confluent's azure-kms driver names it in a KEK's {@code kmsKeyId}:
 * {@code https://VAULT.vault.azure.net/keys/NAME/VERSION}, or without the version (the key's
 * current version; see {@link AzureKmsDriver} for what that means after a rotation). The vault is
 * the URL's scheme and authority, so one driver serves every vault, sovereign clouds included.
 */
record KeyVaultKeyId(String vaultUrl, String name, String version) {
  static final String FORM = "a Key Vault key identifier, https://VAULT.vault.azure.net/keys/NAME/VERSION"
      + " (or without /VERSION)";
  /** Key Vault's key names: 1 to 127 letters, digits and dashes. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]{1,127}");
  /** Key Vault's versions are 32 hex digits: the only ones an {@code azure:v1:} prefix can carry. */
  private static final Pattern VERSION = Pattern.compile("[0-9A-Fa-f]{32}");

  static KeyVaultKeyId parse(String kmsKeyId) throws GeneralSecurityException {
    URI uri;
    try {
      uri = new URI(kmsKeyId);
    } catch (URISyntaxException e) {
      throw refused(kmsKeyId);
    }
    // Key Vault's bearer-token challenge is only answered over HTTPS; a query or fragment would be dropped silently.
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null || uri.getRawPath() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw refused(kmsKeyId);
    }
    String[] segments = uri.getRawPath().split("/", -1);
    boolean versioned = segments.length == 4 && !segments[3].isEmpty();
    if (segments.length < 3 || segments.length > 4 || !segments[0].isEmpty() || !"keys".equals(segments[1])
        || !NAME.matcher(segments[2]).matches() || versioned && !isVersion(segments[3])
        || segments.length == 4 && !versioned) {
      throw refused(kmsKeyId);
    }
    return new KeyVaultKeyId("https://" + uri.getRawAuthority(), segments[2], versioned ? segments[3] : null);
  }

  static boolean isVersion(String value) {
    return value != null && VERSION.matcher(value).matches();
  }

  KeyVaultKeyId withVersion(String other) {
    return new KeyVaultKeyId(vaultUrl, name, other);
  }

  /** The identifier the SDK is handed: the vault, the key, and the version when there is one. */
  String url() {
    return vaultUrl + "/keys/" + name + (version == null ? "" : "/" + version);
  }

  private static GeneralSecurityException refused(String kmsKeyId) {
    return new GeneralSecurityException("azure-kms kmsKeyId '" + kmsKeyId + "' is refused: it must be " + FORM);
  }
}
