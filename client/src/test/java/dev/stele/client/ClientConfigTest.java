package dev.stele.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientConfigTest {

  @Test
  void defaultsMatchTheDocumentedOnes() {
    ClientConfig config = ClientConfig.forUrls("http://a:8081");
    assertThat(config.urls()).containsExactly(URI.create("http://a:8081"));
    assertThat(config.authorization()).isNull();
    assertThat(config.maxRetries()).isEqualTo(3);
    assertThat(config.cacheCapacity()).isEqualTo(1000);
    assertThat(config.latestTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.ssl().isDefault()).isTrue();
  }

  @Test
  void severalUrlsAreSplitAndTrailingSlashesDropped() {
    ClientConfig config = ClientConfig.fromMap(Map.of(ClientConfig.URL, " http://a:1/ , https://b:2/sr/"));
    assertThat(config.urls()).containsExactly(URI.create("http://a:1"), URI.create("https://b:2/sr"));
    assertThat(ClientConfig.fromMap(Map.of(ClientConfig.URL, List.of("http://a:1", "http://b:2"))).urls())
        .hasSize(2);
  }

  @Test
  void urlCredentialsBecomeBasicAuthAndLeaveTheUrl() {
    ClientConfig config = ClientConfig.fromMap(Map.of(ClientConfig.URL, "http://fred:s3cret@a:8081"));
    assertThat(config.urls()).containsExactly(URI.create("http://a:8081"));
    assertThat(config.authorization()).isEqualTo("Basic " + base64("fred:s3cret"));
  }

  @Test
  void userInfoSourceReadsTheUserInfoKey() {
    ClientConfig config = ClientConfig.fromMap(Map.of(ClientConfig.URL, "http://x:9@a:1",
        ClientConfig.BASIC_AUTH_SOURCE, "USER_INFO", ClientConfig.BASIC_AUTH_USER_INFO, "bob:pw"));
    assertThat(config.authorization()).isEqualTo("Basic " + base64("bob:pw"));
    assertThatThrownBy(() -> ClientConfig.fromMap(Map.of(ClientConfig.URL, "http://a:1",
        ClientConfig.BASIC_AUTH_SOURCE, "USER_INFO")))
        .hasMessageContaining(ClientConfig.BASIC_AUTH_USER_INFO);
  }

  @Test
  void bearerTokenIsSentAsIs() {
    ClientConfig config = ClientConfig.fromMap(Map.of(ClientConfig.URL, "http://a:1",
        ClientConfig.BEARER_AUTH_TOKEN, "tok.en"));
    assertThat(config.authorization()).isEqualTo("Bearer tok.en");
  }

  @Test
  void conflictingOrUnsupportedAuthIsRefused() {
    assertThatThrownBy(() -> ClientConfig.fromMap(Map.of(ClientConfig.URL, "http://u:p@a:1",
        ClientConfig.BEARER_AUTH_TOKEN, "t"))).hasMessageContaining("not both");
    assertThatThrownBy(() -> ClientConfig.fromMap(Map.of(ClientConfig.URL, "http://a:1",
        ClientConfig.BASIC_AUTH_SOURCE, "SASL_INHERIT"))).hasMessageContaining("SASL_INHERIT");
  }

  @Test
  void aMockUrlWithoutTheMockModuleNamesTheModule() {
    // stele-mock is not on this module's class path; its own tests show mock:// working.
    assertThatThrownBy(() -> ClientConfig.fromMap(Map.of(ClientConfig.URL, "mock://unit")))
        .hasMessageContaining("add the dependency dev.stele:stele-mock");
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> ClientConfig.fromMap(Map.of())).hasMessageContaining(ClientConfig.URL);
    assertThatThrownBy(() -> ClientConfig.fromMap(Map.of(ClientConfig.URL, "ftp://a")))
        .hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> ClientConfig.fromMap(Map.of(ClientConfig.URL, "http://a:1",
        ClientConfig.MAX_RETRIES, "many"))).hasMessageContaining(ClientConfig.MAX_RETRIES);
  }

  @Test
  void timeoutsRetriesAndTtlAreRead() {
    ClientConfig config = ClientConfig.fromMap(Map.of(ClientConfig.URL, "http://a:1",
        ClientConfig.CONNECT_TIMEOUT_MS, "250", ClientConfig.READ_TIMEOUT_MS, 500,
        ClientConfig.MAX_RETRIES, "0", ClientConfig.RETRIES_WAIT_MS, "5", ClientConfig.LATEST_CACHE_TTL_SEC, "-1"));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.maxRetries()).isZero();
    assertThat(config.retryWait()).isEqualTo(Duration.ofMillis(5));
    assertThat(config.latestTtl()).isNull();
  }

  @Test
  void sslStoresAreReadAndAMissingOneFailsClearly() {
    Map<String, String> configs = Map.of(ClientConfig.URL, "https://a:1",
        "schema.registry.ssl.truststore.location", "/nonexistent/trust.jks",
        "schema.registry.ssl.truststore.password", "changeit");
    ClientConfig config = ClientConfig.fromMap(configs);
    assertThat(config.ssl().truststoreLocation()).isEqualTo("/nonexistent/trust.jks");
    assertThat(config.ssl().toString()).doesNotContain("changeit");
    assertThatThrownBy(() -> new CachedSchemaRegistryClient(config))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot set up TLS");
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
