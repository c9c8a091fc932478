package dev.stele.kms.azure;

import dev.stele.testkit.Keytool;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The HTTPS identity of {@link AzureDouble}: a self-signed certificate made by the JDK's keytool
 * for the names the tests use (a vault under {@code vault.azure.net}, Entra ID's
 * {@code login.microsoftonline.com}, all resolved to 127.0.0.1 by the module's test hosts file),
 * and a trust context holding only that certificate, which the tests make the JVM's default so the
 * driver's own, unconfigured HTTP client trusts the double as it would trust Azure.
 */
final class DoubleCertificate {
  private static final char[] PASSWORD = "double-pass".toCharArray();
  private final SSLContext server;
  private final SSLContext trust;

  DoubleCertificate(Path dir, String... names) throws Exception {
    StringBuilder san = new StringBuilder("SAN=ip:127.0.0.1");
    for (String name : names) {
      san.append(",dns:").append(name);
    }
    Keytool.run(dir, "-genkeypair", "-alias", "double", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=" + names[0], "-ext", san.toString(), "-storetype", "PKCS12", "-keystore", "double.p12",
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("double.p12"))) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD);
    server = SSLContext.getInstance("TLS");
    server.init(keyManagers.getKeyManagers(), null, null);

    Certificate certificate = keys.getCertificate("double");
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("double", certificate);
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trusted);
    trust = SSLContext.getInstance("TLS");
    trust.init(null, trustManagers.getTrustManagers(), null);
  }

  SSLContext server() {
    return server;
  }

  /** A client context that trusts the double and nothing else. */
  SSLContext trust() {
    return trust;
  }
}
