package dev.stele.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.testing.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failover, retries and auth headers, seen through a proxy in front of a real server. */
class FailoverAndAuthTest extends ProxiedRegistryTest {
  @Test
  void aDeadUrlIsSkippedAndLaterCallsStartAtTheLiveOne() throws Exception {
    String dead = TestRegistry.deadUrl();
    SchemaRegistryClient client = client(Map.of(ClientConfig.URL, dead + "," + proxy.url(),
        ClientConfig.RETRIES_WAIT_MS, "1"));
    int id = client.register("s", CachedSchemaRegistryClientTest.USER);
    assertThat(client.getById(id).text()).contains("User");
    assertThat(proxy.calls()).hasSize(2);
  }

  @Test
  void serverErrorsAreRetriedWithBackoff() throws Exception {
    SchemaRegistryClient client = retrying(proxy.url(), 3);
    proxy.failNext(2, 503);
    assertThat(client.register("s", CachedSchemaRegistryClientTest.USER)).isPositive();
    assertThat(proxy.calls()).hasSize(3);
  }

  @Test
  void persistentServerErrorsSurfaceWithTheirCode() throws Exception {
    SchemaRegistryClient client = retrying(proxy.url(), 2);
    proxy.failNext(10, 500);
    assertThatThrownBy(() -> client.getVersions("s"))
        .isInstanceOfSatisfying(RestClientException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.errorCode()).isEqualTo(50000);
        });
    assertThat(proxy.calls()).hasSize(3);
  }

  @Test
  void clientErrorsAreNotRetried() throws Exception {
    SchemaRegistryClient client = retrying(proxy.url(), 3);
    assertThatThrownBy(() -> client.getVersions("missing")).isInstanceOf(RestClientException.class);
    assertThat(proxy.calls()).hasSize(1);
  }

  @Test
  void anUnreachableRegistryIsAnIoExceptionNamingTheUrls() throws Exception {
    String dead = TestRegistry.deadUrl();
    SchemaRegistryClient client = retrying(dead, 1);
    assertThatThrownBy(() -> client.getById(1))
        .isInstanceOf(IOException.class).hasMessageContaining(dead).hasMessageContaining("2 attempts");
  }

  @Test
  void basicAuthFromUrlOrUserInfoAndBearerTokensAreSent() throws Exception {
    String withCredentials = proxy.url().replace("http://", "http://fred:pw@");
    client(Map.of(ClientConfig.URL, withCredentials)).getSubjects();
    client(Map.of(ClientConfig.URL, proxy.url(), ClientConfig.BASIC_AUTH_SOURCE, "USER_INFO",
        ClientConfig.BASIC_AUTH_USER_INFO, "bob:secret")).getSubjects();
    client(Map.of(ClientConfig.URL, proxy.url(), ClientConfig.BEARER_AUTH_TOKEN, "abc.def")).getSubjects();
    client(Map.of(ClientConfig.URL, proxy.url())).getSubjects();
    assertThat(proxy.headers()).extracting(h -> h.get("Authorization")).containsExactly(
        java.util.List.of("Basic " + base64("fred:pw")),
        java.util.List.of("Basic " + base64("bob:secret")),
        java.util.List.of("Bearer abc.def"),
        null);
  }

  @Test
  void bodiesAreSentAsTheRegistryMediaType() throws Exception {
    client(Map.of(ClientConfig.URL, proxy.url())).register("s", CachedSchemaRegistryClientTest.USER);
    assertThat(proxy.headers().get(0).get("Content-type"))
        .containsExactly("application/vnd.schemaregistry.v1+json");
  }

  private static SchemaRegistryClient client(Map<String, String> configs) {
    return CachedSchemaRegistryClient.fromConfigs(new HashMap<>(configs));
  }

  /** A client that retries {@code maxRetries} times with a 1 ms wait, so tests stay fast. */
  private static SchemaRegistryClient retrying(String urls, int maxRetries) {
    return client(Map.of(ClientConfig.URL, urls, ClientConfig.MAX_RETRIES, String.valueOf(maxRetries),
        ClientConfig.RETRIES_WAIT_MS, "1"));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
