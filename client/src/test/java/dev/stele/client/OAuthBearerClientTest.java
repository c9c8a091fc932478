package dev.stele.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.testing.OAuthServer;
import dev.stele.client.testing.TestRegistry;
import dev.stele.http.auth.BasicAuthenticator;
import dev.stele.http.auth.BearerAuthenticator;
import dev.stele.http.auth.Security;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bearer.auth.credentials.source=OAUTHBEARER} end to end: the client gets its tokens from
 * an identity provider (an HTTP double of an OAuth 2.0 token endpoint and its JWKS, as no real one
 * runs here) and a real Stele server with bearer authentication checks them against the same
 * provider's keys and applies its rules to the token's roles.
 */
class OAuthBearerClientTest {
  @TempDir
  static Path dir;
  static OAuthServer idp;
  static TestRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    idp = new OAuthServer("orders-service", "orders-secret");
    Path rules = Files.writeString(dir.resolve("rules.conf"), """
        allow role:writers all subject:*
        allow role:writers all global
        """);
    BearerAuthenticator bearer = BearerAuthenticator.open(new BearerAuthenticator.Settings(idp.jwksUrl(),
        null, null, null, "sub", "roles"));
    registry = TestRegistry.start(Security.basic(BasicAuthenticator.open(rules), "Stele test", List.of())
        .withBearer(bearer));
  }

  @AfterAll
  static void stop() throws Exception {
    registry.close();
    idp.close();
  }

  private static Map<String, Object> oauth(String secret) {
    Map<String, Object> configs = new HashMap<>();
    configs.put(ClientConfig.URL, registry.url());
    configs.put(ClientConfig.BEARER_AUTH_SOURCE, "OAUTHBEARER");
    configs.put(ClientConfig.BEARER_ISSUER_URL, idp.tokenUrl().toString());
    configs.put(ClientConfig.BEARER_CLIENT_ID, "orders-service");
    configs.put(ClientConfig.BEARER_CLIENT_SECRET, secret);
    configs.put(ClientConfig.BEARER_SCOPE, "schema-registry");
    return configs;
  }

  @Test
  void theClientFetchesATokenOnceAndTheServerAcceptsIt() throws Exception {
    int before = idp.calls().size();
    SchemaRegistryClient client = new CachedSchemaRegistryClient(ClientConfig.fromMap(oauth("orders-secret")));
    int id = client.register("orders-value", CachedSchemaRegistryClientTest.USER);
    assertThat(client.getSubjects()).contains("orders-value");
    assertThat(client.getVersions("orders-value")).containsExactly(1);
    assertThat(id).isPositive();
    assertThat(idp.calls()).hasSize(before + 1);
  }

  @Test
  void withoutATokenTheServerRefuses() {
    SchemaRegistryClient anonymous = new CachedSchemaRegistryClient(ClientConfig.forUrls(registry.url()));
    assertThatThrownBy(anonymous::getSubjects).isInstanceOfSatisfying(RestClientException.class,
        e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void aSecretTheProviderRefusesFailsTheCallNamingTheProvider() {
    SchemaRegistryClient client = new CachedSchemaRegistryClient(ClientConfig.fromMap(oauth("wrong")));
    assertThatThrownBy(client::getSubjects).isInstanceOf(IOException.class)
        .hasMessageContaining(idp.tokenUrl().toString()).hasMessageContaining("invalid_client");
  }

  @Test
  void oauthKeysNeedTheirSourceAndTheSourceNeedsItsKeys() {
    Map<String, Object> noSource = oauth("orders-secret");
    noSource.remove(ClientConfig.BEARER_AUTH_SOURCE);
    assertThatThrownBy(() -> ClientConfig.fromMap(noSource))
        .hasMessageContaining("bearer.auth.issuer.endpoint.url is only read with bearer.auth.credentials.source=OAUTHBEARER");
    Map<String, Object> noId = oauth("orders-secret");
    noId.remove(ClientConfig.BEARER_CLIENT_ID);
    assertThatThrownBy(() -> ClientConfig.fromMap(noId)).hasMessageContaining("bearer.auth.client.id");
    Map<String, Object> withToken = oauth("orders-secret");
    withToken.put(ClientConfig.BEARER_AUTH_TOKEN, "static");
    assertThatThrownBy(() -> ClientConfig.fromMap(withToken)).hasMessageContaining("remove bearer.auth.token");
    Map<String, Object> badBuffer = oauth("orders-secret");
    badBuffer.put(ClientConfig.BEARER_EXPIRY_BUFFER_SECONDS, "40000");
    assertThatThrownBy(() -> ClientConfig.fromMap(badBuffer)).hasMessageContaining("from 0 to 32767");
    assertThat(ClientConfig.fromMap(oauth("orders-secret")).oauth().toString())
        .doesNotContain("orders-secret").contains("(hidden)");
  }
}
