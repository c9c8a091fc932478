package dev.stele.client.internal;

import dev.stele.client.SslSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** Builds the {@link SSLContext} and parameters for {@code https} registries from the settings. */
public final class SslContexts {
  private SslContexts() {}

  /** Null when nothing is configured: the HttpClient then uses the JDK's defaults. */
  public static SSLContext create(SslSettings ssl) {
    if (ssl.isDefault()) {
      return null;
    }
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(ssl.trustManagerAlgorithm() != null
          ? ssl.trustManagerAlgorithm() : TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore(ssl));
      KeyManagerFactory keys = null;
      if (ssl.keystoreLocation() != null || ssl.keystoreKey() != null) {
        keys = KeyManagerFactory.getInstance(ssl.keyManagerAlgorithm() != null
            ? ssl.keyManagerAlgorithm() : KeyManagerFactory.getDefaultAlgorithm());
        String keyPassword = ssl.keyPassword() != null ? ssl.keyPassword() : ssl.keystorePassword();
        char[] password = keyPassword == null ? null : keyPassword.toCharArray();
        if (isPem(ssl.keystoreType())) {
          String where = ssl.keystoreKey() != null ? SslSettings.PREFIX + "keystore.key"
              : ssl.keystoreLocation();
          String keyPem = ssl.keystoreKey() != null ? ssl.keystoreKey() : read(ssl.keystoreLocation());
          String chainPem = ssl.keystoreKey() != null ? ssl.keystoreCertificateChain() : keyPem;
          keys.init(PemStores.keyStore(keyPem, chainPem, password, where), PemStores.entryPassword(password));
        } else {
          keys.init(load(ssl.keystoreLocation(), ssl.keystorePassword(), ssl.keystoreType()), password);
        }
      }
      SSLContext context = SSLContext.getInstance(ssl.protocol() != null ? ssl.protocol() : "TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trustManagers(trust, ssl.checksHostName()),
          ssl.secureRandom() == null ? null : SecureRandom.getInstance(ssl.secureRandom()));
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot set up TLS from " + ssl + ": " + e.getMessage(), e);
    }
  }

  /** The protocols and cipher suites to offer, or null for the JDK's. */
  public static SSLParameters parameters(SslSettings ssl) {
    if (ssl.enabledProtocols() == null && ssl.cipherSuites() == null) {
      return null;
    }
    SSLParameters parameters = new SSLParameters();
    if (ssl.enabledProtocols() != null) {
      parameters.setProtocols(ssl.enabledProtocols().toArray(new String[0]));
    }
    if (ssl.cipherSuites() != null) {
      parameters.setCipherSuites(ssl.cipherSuites().toArray(new String[0]));
    }
    return parameters;
  }

  /**
   * The JDK's HttpClient always asks for the HTTPS host name check and offers no switch but a
   * JVM-wide system property. A trust manager that checks the chain without the engine (the
   * engine carries the host name) skips that check for this client only.
   */
  private static TrustManager[] trustManagers(TrustManagerFactory trust, boolean checkHostName) {
    TrustManager[] managers = trust.getTrustManagers();
    if (checkHostName) {
      return managers;
    }
    TrustManager[] lenient = new TrustManager[managers.length];
    for (int i = 0; i < managers.length; i++) {
      lenient[i] = managers[i] instanceof X509TrustManager x509 ? new ChainOnly(x509) : managers[i];
    }
    return lenient;
  }

  /** Checks the certificate chain, never the host name. */
  private static final class ChainOnly extends X509ExtendedTrustManager {
    private final X509TrustManager chain;

    ChainOnly(X509TrustManager chain) {
      this.chain = chain;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
      chain.checkServerTrusted(certificates, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket)
        throws CertificateException {
      chain.checkServerTrusted(certificates, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
        throws CertificateException {
      chain.checkServerTrusted(certificates, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
      chain.checkClientTrusted(certificates, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket)
        throws CertificateException {
      chain.checkClientTrusted(certificates, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
        throws CertificateException {
      chain.checkClientTrusted(certificates, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return chain.getAcceptedIssuers();
    }
  }

  /** Null for the JDK's default trust store. */
  private static KeyStore trustStore(SslSettings ssl) throws GeneralSecurityException, IOException {
    if (ssl.truststoreCertificates() != null) {
      return PemStores.trustStore(ssl.truststoreCertificates(), SslSettings.PREFIX + "truststore.certificates");
    }
    if (ssl.truststoreLocation() == null) {
      return null;
    }
    return isPem(ssl.truststoreType()) ? PemStores.trustStore(read(ssl.truststoreLocation()), ssl.truststoreLocation())
        : load(ssl.truststoreLocation(), ssl.truststorePassword(), ssl.truststoreType());
  }

  private static boolean isPem(String type) {
    return "PEM".equalsIgnoreCase(type);
  }

  private static String read(String location) throws IOException {
    return Files.readString(Path.of(location), java.nio.charset.StandardCharsets.US_ASCII);
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
