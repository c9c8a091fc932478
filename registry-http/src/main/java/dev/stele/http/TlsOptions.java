package dev.stele.http;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyStoreOptions;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An {@code https://} listener's TLS settings, from Confluent's {@code ssl.*} keys
 * (../shared/API.md §6).
 *
 * @param keystore the server's key and certificate chain
 * @param keyPassword the key's own password when it differs from the keystore's; null otherwise
 * @param truststore the certificates client certificates must chain to; null: the JDK's
 * @param clientAuth NONE, REQUESTED (a client certificate is checked when sent) or REQUIRED
 * @param protocols enabled TLS versions (empty: the JDK's defaults)
 * @param cipherSuites enabled suites (empty: the JDK's defaults)
 */
public record TlsOptions(Store keystore, String keyPassword, Store truststore, String clientAuth,
    List<String> protocols, List<String> cipherSuites) {

  /** A key or trust store file: path, password and type (JKS or PKCS12). */
  public record Store(String path, String password, String type) {
    public Store {
      Objects.requireNonNull(path, "path");
      type = type == null || type.isBlank() ? "JKS" : type.trim().toUpperCase(Locale.ROOT);
    }

    KeyStoreOptions options() {
      return new KeyStoreOptions().setType(type).setPath(path).setPassword(password);
    }
  }

  public TlsOptions {
    Objects.requireNonNull(keystore, "keystore");
    clientAuth = clientAuth == null ? "NONE" : clientAuth.trim().toUpperCase(Locale.ROOT);
    if (!List.of("NONE", "REQUESTED", "REQUIRED").contains(clientAuth)) {
      throw new IllegalArgumentException("ssl.client.authentication=" + clientAuth
          + " is not NONE, REQUESTED or REQUIRED");
    }
    protocols = List.copyOf(protocols);
    cipherSuites = List.copyOf(cipherSuites);
  }

  /** Turns TLS on in Vert.x's server options. */
  void applyTo(HttpServerOptions options) {
    options.setSsl(true).setKeyCertOptions(key()).setClientAuth(switch (clientAuth) {
      case "REQUESTED" -> ClientAuth.REQUEST;
      case "REQUIRED" -> ClientAuth.REQUIRED;
      default -> ClientAuth.NONE;
    });
    if (truststore != null) {
      options.setTrustOptions(truststore.options());
    }
    if (!protocols.isEmpty()) {
      options.setEnabledSecureTransportProtocols(new java.util.LinkedHashSet<>(protocols));
    }
    cipherSuites.forEach(options::addEnabledCipherSuite);
  }

  /**
   * The same keys for this node as a client of another (a follower forwarding a write to an
   * {@code https://} leader, as Confluent's instances use their {@code ssl.*} settings between
   * them): the keystore's certificate answers a leader that asks for one, the truststore (the
   * JDK's when none) is what the leader's certificate must chain to, and the leader's host name
   * must match its certificate.
   */
  void applyTo(HttpClientOptions options) {
    options.setKeyCertOptions(key()).setVerifyHost(true);
    if (truststore != null) {
      options.setTrustOptions(truststore.options());
    }
    if (!protocols.isEmpty()) {
      options.setEnabledSecureTransportProtocols(new java.util.LinkedHashSet<>(protocols));
    }
    cipherSuites.forEach(options::addEnabledCipherSuite);
  }

  private KeyStoreOptions key() {
    KeyStoreOptions key = keystore.options();
    if (keyPassword != null && !keyPassword.isEmpty()) {
      key.setAliasPassword(keyPassword);
    }
    return key;
  }
}
