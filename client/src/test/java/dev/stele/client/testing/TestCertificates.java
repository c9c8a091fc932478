package dev.stele.client.testing;

import dev.stele.testkit.Keytool;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Self-signed certificates made by the JDK's keytool, for TLS tests of the client. */
public final class TestCertificates {
  public static final String PASSWORD = "changeit";

  private TestCertificates() {}

  /**
   * A PKCS12 key store {@code <alias>.p12} in {@code dir} with a self-signed certificate for
   * {@code dname} and {@code san}, and a trust store {@code <alias>-trust.p12} holding that
   * certificate.
   */
  public static Path selfSigned(Path dir, String alias, String dname, String san) throws Exception {
    Path keystore = dir.resolve(alias + ".p12");
    Path cert = dir.resolve(alias + ".crt");
    Keytool.run(dir, "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048",
        "-validity", "2", "-dname", dname, "-ext", san, "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
    Keytool.run(dir, "-exportcert", "-rfc", "-alias", alias, "-keystore", keystore.toString(),
        "-storepass", PASSWORD, "-file", cert.toString());
    Keytool.run(dir, "-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(),
        "-storetype", "PKCS12", "-keystore", dir.resolve(alias + "-trust.p12").toString(),
        "-storepass", PASSWORD);
    return keystore;
  }

  /** The certificate of {@link #selfSigned}'s store as PEM text (keytool wrote it with -rfc). */
  public static String certificatePem(Path keystore) throws Exception {
    String name = keystore.getFileName().toString().replace(".p12", ".crt");
    return Files.readString(keystore.resolveSibling(name));
  }

  /** The store's private key as unencrypted PKCS#8 PEM. */
  public static String privateKeyPem(Path keystore) throws Exception {
    return pem("PRIVATE KEY", privateKey(keystore).getEncoded());
  }

  public static PrivateKey privateKey(Path keystore) throws Exception {
    KeyStore store = load(keystore);
    return (PrivateKey) store.getKey(store.aliases().nextElement(), PASSWORD.toCharArray());
  }

  public static String pem(String kind, byte[] der) {
    return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + kind + "-----\n";
  }

  /** A server context presenting the store's certificate and, if given, trusting {@code clients}'. */
  public static SSLContext serverContext(Path keystore, Path clients) throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load(keystore), PASSWORD.toCharArray());
    TrustManagerFactory trust = null;
    if (clients != null) {
      trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      Certificate certificate = load(clients).getCertificate(load(clients).aliases().nextElement());
      trusted.setCertificateEntry("client", certificate);
      trust.init(trusted);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
    return context;
  }

  private static KeyStore load(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }
}
