package dev.stele.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.testing.RecordingProxy;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client keys that shape each request (headers, proxy, URL order, auth spellings, caches),
 * seen from a recording proxy in front of a real in-process server.
 */
class ConnectionOptionsTest extends ProxiedRegistryTest {
  @Test
  void requestHeadersAreSentOnEveryCall() throws Exception {
    client(Map.of(ClientConfig.URL, proxy.url(), "request.header.X-Team", "payments",
        "request.header.Authorization", "Bearer from-header")).getSubjects();
    assertThat(proxy.headers().get(0).get("X-team")).containsExactly("payments");
    assertThat(proxy.headers().get(0).get("Authorization")).containsExactly("Bearer from-header");
  }

  @Test
  void headersTheHttpClientOwnsOrThatClashWithAuthAreRefused() {
    assertThatThrownBy(() -> client(Map.of(ClientConfig.URL, proxy.url(), "request.header.Host", "x")))
        .isInstanceOf(UnsupportedConfigException.class).hasMessageContaining("request.header.Host");
    assertThatThrownBy(() -> client(Map.of(ClientConfig.URL, proxy.url(), ClientConfig.BEARER_AUTH_TOKEN, "t",
        "request.header.Authorization", "Bearer other")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request.header.Authorization");
  }

  @Test
  void aConfiguredProxyCarriesTheCalls() throws Exception {
    String port = proxy.url().substring(proxy.url().lastIndexOf(':') + 1);
    SchemaRegistryClient client = client(Map.of(ClientConfig.URL, registry.url(),
        ClientConfig.PROXY_HOST, "127.0.0.1", ClientConfig.PROXY_PORT, port));
    int id = client.register("proxied-value", CachedSchemaRegistryClientTest.USER);
    assertThat(id).isPositive();
    // The proxy saw the absolute URI of the registry, so the call went through it.
    assertThat(proxy.calls()).singleElement().asString().startsWith("POST " + registry.url() + "/subjects/");
  }

  @Test
  void aProxyHostWithoutAPortIsRefused() {
    assertThatThrownBy(() -> client(Map.of(ClientConfig.URL, registry.url(), ClientConfig.PROXY_HOST, "p")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.port");
  }

  @Test
  void randomizedUrlsSpreadClientsOverTheList() throws Exception {
    try (RecordingProxy second = new RecordingProxy(registry.url())) {
      String urls = proxy.url() + "," + second.url();
      for (int i = 0; i < 40; i++) {
        client(Map.of(ClientConfig.URL, urls)).getSubjects();
      }
      assertThat(second.calls()).isEmpty(); // in order: every client starts at the first URL
      for (int i = 0; i < 40; i++) {
        client(Map.of(ClientConfig.URL, urls, "schema.registry.url.randomize", "true")).getSubjects();
      }
      // Each of 40 randomized clients picks the second URL with probability 1/2: all 40 missing it
      // has probability 2^-40.
      assertThat(second.calls()).isNotEmpty();
      assertThat(proxy.calls()).hasSizeGreaterThan(40);
    }
  }

  @Test
  void theLatestCacheHoldsLatestCacheSizeSubjects() throws Exception {
    SchemaRegistryClient setup = client(Map.of(ClientConfig.URL, registry.url()));
    setup.register("a", CachedSchemaRegistryClientTest.USER);
    setup.register("b", CachedSchemaRegistryClientTest.USER);
    SchemaRegistryClient big = client(Map.of(ClientConfig.URL, proxy.url()));
    SchemaRegistryClient small = client(Map.of(ClientConfig.URL, proxy.url(), ClientConfig.LATEST_CACHE_SIZE, "1"));
    for (SchemaRegistryClient client : List.of(big, small)) {
      client.getLatest("a");
      client.getLatest("b");
      client.getLatest("a");
    }
    // The default size keeps both (2 calls); a size of 1 evicts "a" for "b" (3 calls).
    assertThat(proxy.calls()).hasSize(5);
  }

  @Test
  void theIdCacheHoldsMaxSchemasPerSubjectEntries() throws Exception {
    SchemaRegistryClient setup = client(Map.of(ClientConfig.URL, registry.url()));
    int a = setup.register("a", CachedSchemaRegistryClientTest.USER);
    int b = setup.register("b", SchemaDefinition.avro("\"string\""));
    SchemaRegistryClient big = client(Map.of(ClientConfig.URL, proxy.url()));
    SchemaRegistryClient small = client(Map.of(ClientConfig.URL, proxy.url(), ClientConfig.CACHE_CAPACITY, "1"));
    for (SchemaRegistryClient client : List.of(big, small)) {
      client.getById(a);
      client.getById(b);
      client.getById(a);
    }
    assertThat(proxy.calls()).hasSize(5);
  }

  @Test
  void thePrefixedUserInfoWinsAndSaslInheritTakesTheJaasCredentials() throws Exception {
    client(Map.of(ClientConfig.URL, proxy.url(), ClientConfig.BASIC_AUTH_SOURCE, "USER_INFO",
        ClientConfig.BASIC_AUTH_USER_INFO, "plain:x", ClientConfig.SCHEMA_REGISTRY_USER_INFO, "prefixed:y"))
        .getSubjects();
    client(Map.of(ClientConfig.URL, proxy.url(), ClientConfig.BASIC_AUTH_SOURCE, "SASL_INHERIT",
        ClientConfig.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"alice\" password=\"p;w \\\"q\\\"\";")).getSubjects();
    assertThat(proxy.headers()).extracting(h -> h.get("Authorization")).containsExactly(
        List.of("Basic " + base64("prefixed:y")), List.of("Basic " + base64("alice:p;w \"q\"")));
  }

  @Test
  void saslInheritWithoutCredentialsFailsAtConfiguration() {
    assertThatThrownBy(() -> client(Map.of(ClientConfig.URL, proxy.url(),
        ClientConfig.BASIC_AUTH_SOURCE, "SASL_INHERIT")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sasl.jaas.config");
    assertThatThrownBy(() -> client(Map.of(ClientConfig.URL, proxy.url(), ClientConfig.BASIC_AUTH_SOURCE,
        "SASL_INHERIT", ClientConfig.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no username and password");
  }

  @Test
  void bearerAuthSendsTheLogicalClusterAndIdentityPool() throws Exception {
    client(Map.of(ClientConfig.URL, proxy.url(), ClientConfig.BEARER_AUTH_TOKEN, "t",
        ClientConfig.BEARER_LOGICAL_CLUSTER, "lsrc-1", ClientConfig.BEARER_IDENTITY_POOL, "pool-9")).getSubjects();
    assertThat(proxy.headers().get(0).get("Target-sr-cluster")).containsExactly("lsrc-1");
    assertThat(proxy.headers().get(0).get("Confluent-identity-pool-id")).containsExactly("pool-9");
  }

  @Test
  void theReadTimeoutBoundsAWaitForAnAnswer() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor = new Thread(() -> {
        try {
          held.add(silent.accept()); // accepted, never answered
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.start();
      SchemaRegistryClient client = client(Map.of(ClientConfig.URL, "http://127.0.0.1:" + silent.getLocalPort(),
          ClientConfig.READ_TIMEOUT_MS, "300", ClientConfig.MAX_RETRIES, "0"));
      long start = System.nanoTime();
      assertThatThrownBy(client::getSubjects).isInstanceOf(IOException.class);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  private static SchemaRegistryClient client(Map<String, String> configs) {
    return CachedSchemaRegistryClient.fromConfigs(new HashMap<>(configs));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
