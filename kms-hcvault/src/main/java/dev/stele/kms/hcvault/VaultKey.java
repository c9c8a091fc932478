package dev.stele.kms.hcvault;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;

/**
 * A transit key as Confluent's hcvault driver names it in a KEK's {@code kmsKeyId}: the Vault
 * server's URL followed by the key's path, {@code https://vault.example:8200/transit/keys/orders}
 * ({@code transit} is the engine's mount path, which may have several segments). The encrypt and
 * decrypt endpoints are the same path with {@code keys} replaced by {@code encrypt}/{@code decrypt},
 * under {@code /v1}, as Vault's transit API documents them.
 */
record VaultKey(URI address, String mount, String name) {
  static final String FORM = "https://HOST:PORT/MOUNT/keys/NAME (e.g. https://vault:8200/transit/keys/orders)";

  static VaultKey parse(String kmsKeyId) throws GeneralSecurityException {
    URI uri;
    try {
      uri = new URI(kmsKeyId);
    } catch (URISyntaxException e) {
      throw refused(kmsKeyId, "it is not a URL");
    }
    String scheme = uri.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw refused(kmsKeyId, "it does not start with https:// or http://");
    }
    if (uri.getHost() == null) {
      throw refused(kmsKeyId, "it names no Vault host");
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw refused(kmsKeyId, "it has a query or fragment");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    int keys = path.lastIndexOf("/keys/");
    // keys < 1: no "/keys/", or no mount before it.
    String mount = keys < 1 ? "" : path.substring(1, keys);
    String name = keys < 1 ? "" : path.substring(keys + "/keys/".length());
    if (mount.isEmpty() || name.isEmpty() || name.contains("/") || mount.startsWith("v1/")) {
      throw refused(kmsKeyId, "its path is not /MOUNT/keys/NAME");
    }
    URI address = URI.create(scheme + "://" + uri.getRawAuthority());
    return new VaultKey(address, mount, name);
  }

  /** {@code /v1/MOUNT/OPERATION/NAME}, e.g. the transit engine's encrypt endpoint. */
  URI endpoint(String operation) {
    return address.resolve("/v1/" + mount + "/" + operation + "/" + name);
  }

  private static GeneralSecurityException refused(String kmsKeyId, String why) {
    return new GeneralSecurityException("hcvault kmsKeyId '" + kmsKeyId + "' is refused: " + why
        + "; it must be " + FORM);
  }
}
