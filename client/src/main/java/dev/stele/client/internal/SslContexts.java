package dev.stele.client.internal;

import dev.stele.client.SslSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the {@link SSLContext} for {@code https} registries from the configured stores. */
public final class SslContexts {
  private SslContexts() {}

  /** Null when nothing is configured: the HttpClient then uses the JDK's defaults. */
  public static SSLContext create(SslSettings ssl) {
    if (ssl.isDefault()) {
      return null;
    }
    try {
      TrustManagerFactory trust = null;
      if (ssl.truststoreLocation() != null) {
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(ssl.truststoreLocation(), ssl.truststorePassword(), ssl.truststoreType()));
      }
      KeyManagerFactory keys = null;
      if (ssl.keystoreLocation() != null) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        String keyPassword = ssl.keyPassword() != null ? ssl.keyPassword() : ssl.keystorePassword();
        keys.init(load(ssl.keystoreLocation(), ssl.keystorePassword(), ssl.keystoreType()),
            keyPassword == null ? null : keyPassword.toCharArray());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(),
          trust == null ? null : trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot set up TLS from " + ssl + ": " + e.getMessage(), e);
    }
  }

  private static KeyStore load(String location, String password, String type)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      store.load(in, password == null ? null : password.toCharArray());
    }
    return store;
  }
}
