package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.Keytool;
import dev.stele.testkit.server.ChildJvm;
import dev.stele.testkit.server.SecuredServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code https://} listener configured with Confluent's {@code ssl.*} keys, requiring client
 * certificates, with certificates made by the JDK's keytool for this test, driven by Debian's
 * python3-confluent-kafka SchemaRegistryClient with {@code ssl.certificate.location}: the
 * certificate's CN is the user (examples/secure's users and rules).
 */
class TlsAcceptanceTest {
  private static final String PASSWORD = "changeit";
  @TempDir Path work;

  @Test
  void mutualTlsWithThePythonClient() throws Exception {
    Python.requireModules("confluent_kafka.schema_registry");
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", "server.p12", "-storepass", PASSWORD);
    keytool("-genkeypair", "-alias", "alice", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=alice,O=Stele test", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", "alice.p12", "-storepass", PASSWORD);
    keytool("-exportcert", "-alias", "alice", "-keystore", "alice.p12", "-storepass", PASSWORD,
        "-file", "alice.crt");
    keytool("-importcert", "-noprompt", "-alias", "alice", "-file", "alice.crt", "-storetype",
        "PKCS12", "-keystore", "truststore.p12", "-storepass", PASSWORD);
    // The Python client reads PEM: the server's certificate as CA, alice's certificate and key.
    writePem("server.p12", "server", "ca.pem", false);
    writePem("alice.p12", "alice", "alice.pem", false);
    writePem("alice.p12", "alice", "alice.key", true);

    Path example = Path.of(System.getProperty("stele.examples.dir", "../examples"))
        .toAbsolutePath().normalize().resolve("secure");
    Files.copy(example.resolve("users.conf"), work.resolve("users.conf"));
    String url = "https://127.0.0.1:" + ChildJvm.freePort();
    Path properties = work.resolve("stele.properties");
    Files.writeString(properties, String.join("\n",
        "listeners=" + url,
        "stele.data.dir=" + work.resolve("data"),
        "authentication.method=BASIC",
        "stele.auth.users.file=users.conf",
        "ssl.keystore.location=server.p12",
        "ssl.keystore.password=" + PASSWORD,
        "ssl.keystore.type=PKCS12",
        "ssl.truststore.location=truststore.p12",
        "ssl.truststore.password=" + PASSWORD,
        "ssl.truststore.type=PKCS12",
        "ssl.client.authentication=REQUIRED", ""));
    try (SecuredServer server = SecuredServer.start(work, properties)) {
      Python.Result result = Python.script("tls_client.py", url, work.resolve("ca.pem").toString(),
          work.resolve("alice.pem").toString(), work.resolve("alice.key").toString());
      assertThat(result.exitCode()).as("tls_client.py output:%n%s%n%s", result.output(),
          server.logText()).isZero();
      assertThat(result.output()).contains("tls_client: all checks passed",
          "ok alice (by certificate) registering under bob's subject: (403, 403)",
          "ok alice lists her subjects only: ['alice-payments-value']");
    }
  }

  private void writePem(String store, String alias, String file, boolean privateKey) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(work.resolve(store))) {
      keyStore.load(in, PASSWORD.toCharArray());
    }
    byte[] der;
    String type;
    if (privateKey) {
      Key key = keyStore.getKey(alias, PASSWORD.toCharArray());
      der = key.getEncoded(); // PKCS#8
      type = "PRIVATE KEY";
    } else {
      Certificate certificate = keyStore.getCertificate(alias);
      der = certificate.getEncoded();
      type = "CERTIFICATE";
    }
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    Files.writeString(work.resolve(file), "-----BEGIN " + type + "-----\n" + body
        + "\n-----END " + type + "-----\n");
  }

  private void keytool(String... args) throws Exception {
    Keytool.run(work, args);
  }
}
