package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.http.auth.BasicAuthenticator;
import dev.stele.http.auth.Security;
import dev.stele.registry.RegistryNode;
import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import dev.stele.testkit.Keytool;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code https://} with certificates made for the test by the JDK's keytool: a server key for
 * 127.0.0.1, and client keys for alice (trusted by the server) and mallory (self-signed, not
 * trusted). With client certificates, alice's certificate signs her in without a password.
 */
class TlsTest extends HttpTestBase {
  private static final String PASSWORD = "changeit";
  @TempDir static Path dir;
  static Path users;
  private final List<RestServer> secured = new ArrayList<>();
  private RegistryNode tlsNode;

  @BeforeAll
  static void makeCertificates() throws Exception {
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", "server.p12", "-storepass", PASSWORD);
    for (String user : List.of("alice", "mallory")) {
      keytool("-genkeypair", "-alias", user, "-keyalg", "EC", "-groupname", "secp256r1",
          "-dname", "CN=" + user + ",O=Stele test", "-validity", "2", "-storetype", "PKCS12",
          "-keystore", user + ".p12", "-storepass", PASSWORD);
    }
    keytool("-exportcert", "-alias", "server", "-keystore", "server.p12", "-storepass", PASSWORD,
        "-file", "server.crt");
    keytool("-exportcert", "-alias", "alice", "-keystore", "alice.p12", "-storepass", PASSWORD,
        "-file", "alice.crt");
    keytool("-importcert", "-noprompt", "-alias", "alice", "-file", "alice.crt", "-storetype",
        "PKCS12", "-keystore", "server-trust.p12", "-storepass", PASSWORD);
    keytool("-importcert", "-noprompt", "-alias", "server", "-file", "server.crt", "-storetype",
        "PKCS12", "-keystore", "client-trust.p12", "-storepass", PASSWORD);
    // The nodes of a cluster share the server key here, so each trusts the other's certificate,
    // as a server and as a client (a follower forwarding to its leader).
    keytool("-importcert", "-noprompt", "-alias", "server", "-file", "server.crt", "-storetype",
        "PKCS12", "-keystore", "server-trust.p12", "-storepass", PASSWORD);
    users = TestUsers.write(dir);
  }

  @AfterEach
  void stopSecured() throws Exception {
    for (RestServer server : secured) {
      await(server.close());
    }
    if (tlsNode != null) {
      tlsNode.close();
    }
  }

  private int start(String clientAuth, boolean basic) throws Exception {
    tlsNode = freshNode();
    TlsOptions tls = new TlsOptions(store("server.p12"), null, store("server-trust.p12"),
        clientAuth, List.of("TLSv1.3", "TLSv1.2"), List.of());
    Security security = basic
        ? Security.basic(BasicAuthenticator.open(users), "tls", List.of()).withTls(tls)
        : Security.NONE.withTls(tls);
    RestServer server = await(RestServer.start(vertx, RestServer.Setup.of(tlsNode.registry(),
        tlsNode.settings()).withOptions(options()).withSecurity(security)));
    secured.add(server);
    return server.port();
  }

  @Test
  void servesHttpsWithoutClientCertificates() throws Exception {
    int port = start("NONE", false);
    HttpResponse<String> reply = httpsGet(null, port, "/subjects", null);
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("[]");
    assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/subjects")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString())).as("plain HTTP to a TLS port")
        .isInstanceOf(IOException.class);
  }

  @Test
  void aRequiredClientCertificateIsTheUser() throws Exception {
    int port = start("REQUIRED", true);
    HttpClient alice = https("alice.p12");
    HttpResponse<String> registered = httpsRegister(alice, port, "alice-value", null);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    HttpResponse<String> denied = httpsRegister(alice, port, "bob-value", null);
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("User 'alice' may not write subject 'bob-value'");

    assertThatThrownBy(() -> httpsGet(null, port, "/subjects", null))
        .as("no client certificate").isInstanceOf(IOException.class);
    assertThatThrownBy(() -> httpsGet("mallory.p12", port, "/subjects", null))
        .as("an untrusted certificate").isInstanceOf(IOException.class);
  }

  @Test
  void aRequestedClientCertificateIsOptional() throws Exception {
    int port = start("REQUESTED", true);
    HttpResponse<String> anonymous = httpsGet(null, port, "/subjects", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> reader = httpsGet(null, port, "/subjects", TestUsers.basic("reader"));
    assertThat(reader.statusCode()).isEqualTo(200);
    HttpResponse<String> alice = httpsGet("alice.p12", port, "/config", null);
    assertThat(alice.statusCode()).as("alice, by certificate, may not read the global config")
        .isEqualTo(403);
    assertThat(ClientCertificates.commonName("CN=alice,OU=team,O=Stele test")).isEqualTo("alice");
    assertThat(ClientCertificates.commonName("O=no common name")).isNull();
  }

  @Test
  void aFollowerForwardsWritesToItsLeaderOverMutualTls() throws Exception {
    int leaderPort = start("REQUIRED", true);
    RegistryNode leaderNode = tlsNode;
    RegistryNode followerNode = freshNode();
    try {
      TlsOptions tls = new TlsOptions(store("server.p12"), null, store("server-trust.p12"),
          "REQUIRED", List.of("TLSv1.3", "TLSv1.2"), List.of());
      NodeIdentity leader = new NodeIdentity("https", "127.0.0.1", leaderPort, true);
      Leadership follows = new Following(leader);
      RestServer follower = await(RestServer.start(vertx, RestServer.Setup.of(
              followerNode.registry(), followerNode.settings()).withOptions(options())
          .withSecurity(Security.basic(BasicAuthenticator.open(users), "tls", List.of()).withTls(tls))
          .withLeadership(follows)));
      secured.add(follower);

      // alice's own certificate to reach the follower, her password for the leader's checks.
      HttpResponse<String> registered = httpsRegister(https("alice.p12"), follower.port(),
          "alice-value", TestUsers.basic("alice"));
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
      assertThat(registered.body()).isEqualTo("{\"id\":1,\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\"}");
      // Decided and stored by the leader; the follower's own (unshared) log has nothing.
      HttpResponse<String> onLeader = httpsGet("alice.p12", leaderPort,
          "/subjects/alice-value/versions", TestUsers.basic("alice"));
      assertThat(onLeader.body()).isEqualTo("[1]");
      assertThat(followerNode.registry().subjects(new dev.stele.registry.model.Requests.ListSubjects(
          null, false, false, 0, -1))).isEmpty();
    } finally {
      followerNode.close();
      tlsNode = leaderNode;
    }
  }

  /** GET over HTTPS with {@code keystore}'s certificate and an Authorization header, if any. */
  private static HttpResponse<String> httpsGet(String keystore, int port, String path,
      String authorization) throws Exception {
    return https(keystore).send(request(port, path, authorization).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Registers {@link #STRING} under {@code subject} through {@code client}. */
  private static HttpResponse<String> httpsRegister(HttpClient client, int port, String subject,
      String authorization) throws Exception {
    return client.send(request(port, "/subjects/" + subject + "/versions", authorization)
            .header("Content-Type", V1).POST(HttpRequest.BodyPublishers.ofString(STRING)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(int port, String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request;
  }

  /** A client trusting the test's server certificate, presenting {@code keystore}'s key if any. */
  private static HttpClient https(String keystore) throws Exception {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(load("client-trust.p12"));
    KeyManagerFactory keys = null;
    if (keystore != null) {
      keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(load(keystore), PASSWORD.toCharArray());
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10))
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  private static KeyStore load(String name) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve(name))) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private static TlsOptions.Store store(String name) {
    return new TlsOptions.Store(dir.resolve(name).toString(), PASSWORD, "PKCS12");
  }

  private static void keytool(String... args) throws Exception {
    Keytool.run(dir, args);
  }
}
