package dev.stele.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** Confluent's connection parameters as the Java client's keys, and what is refused. */
class ClientSettingsTest {
  private static final List<String> URLS = List.of("http://one:8081", " http://two:8081 ");

  @Test
  void userInfoHeadersAndConfigsBecomeClientKeys() throws Exception {
    Map<String, Object> map = new ClientSettings(URLS, "alice:secret", Map.of("X-Team", "orders"),
        Map.of("schema.registry.ssl.truststore.location", "/etc/trust.jks")).map("register");
    assertThat(map).containsEntry("schema.registry.url", "http://one:8081,http://two:8081")
        .containsEntry("basic.auth.credentials.source", "USER_INFO")
        .containsEntry("basic.auth.user.info", "alice:secret")
        .containsEntry("request.header.X-Team", "orders")
        .containsEntry("schema.registry.ssl.truststore.location", "/etc/trust.jks");
    assertThat(new ClientSettings(URLS, "alice:secret", null, null).config("register").authorization())
        .startsWith("Basic ");
  }

  @Test
  void aGoalThatNeedsARegistryNamesTheMissingUrl() {
    assertThatThrownBy(() -> new ClientSettings(null, null, null, null).map("download"))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("download talks to a registry").hasMessageContaining("<schemaRegistryUrls>");
  }

  @Test
  void aConfigsKeyTheClientDoesNotKnowFailsInsteadOfBeingDropped() {
    assertThatThrownBy(() -> new ClientSettings(URLS, null, null, Map.of("schema.registry.sll.keystore.location", "x"))
        .map("register"))
        .hasMessageContaining("configs: 'schema.registry.sll.keystore.location' is not a schema registry client setting");
    assertThatThrownBy(() -> new ClientSettings(URLS, null, null, Map.of("schema.registry.url", "http://x")).map("register"))
        .hasMessageContaining("give the registry's URLs in <schemaRegistryUrls>");
  }

  @Test
  void keysTheClientRefusesOrBadValuesFailNamingTheParameters() {
    assertThatThrownBy(() -> new ClientSettings(URLS, null, null, Map.of("bearer.auth.credentials.source", "SASL_OAUTHBEARER_INHERIT"))
        .config("register"))
        .isInstanceOf(MojoExecutionException.class).hasMessageContaining("configs");
    assertThatThrownBy(() -> new ClientSettings(List.of("not a url"), null, null, null).config("register"))
        .isInstanceOf(MojoExecutionException.class).hasMessageContaining("schemaRegistryUrls");
  }
}
