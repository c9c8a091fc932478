package dev.stele.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.stele.client.ClientConfig;
import dev.stele.client.testing.KeyTableWalk;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Walks the client's key table (docs/client-config.md) against {@link ClientConfig#fromMap}. */
class ClientKeysTest {
  private static final String T = "dev.stele.client.";

  static final Map<String, String> EVIDENCE = Map.ofEntries(
      Map.entry("schema.registry.url", T + "FailoverAndAuthTest#aDeadUrlIsSkippedAndLaterCallsStartAtTheLiveOne"),
      Map.entry("schema.registry.url.randomize", T + "ConnectionOptionsTest#randomizedUrlsSpreadClientsOverTheList"),
      Map.entry("max.schemas.per.subject", T + "ConnectionOptionsTest#theIdCacheHoldsMaxSchemasPerSubjectEntries"),
      Map.entry("latest.cache.ttl.sec", T + "CachedSchemaRegistryClientTest#answersThatNeverChangeAreCachedAndLatestHonoursItsTtl"),
      // Parsed only: a connect timeout needs an address that never answers a SYN, which loopback is not.
      Map.entry("http.connect.timeout.ms", T + "ClientConfigTest#timeoutsRetriesAndTtlAreRead"),
      Map.entry("http.read.timeout.ms", T + "ConnectionOptionsTest#theReadTimeoutBoundsAWaitForAnAnswer"),
      Map.entry("max.retries", T + "FailoverAndAuthTest#persistentServerErrorsSurfaceWithTheirCode"),
      Map.entry("retries.wait.ms", T + "FailoverAndAuthTest#serverErrorsAreRetriedWithBackoff"),
      // Parsed only: the cap shows after many doublings of the wait, too slow for a unit test.
      Map.entry("retries.max.wait.ms", T + "ClientConfigTest#timeoutsRetriesAndTtlAreRead"),
      Map.entry("request.header.*", T + "ConnectionOptionsTest#requestHeadersAreSentOnEveryCall"),
      Map.entry("proxy.host", T + "ConnectionOptionsTest#aConfiguredProxyCarriesTheCalls"),
      Map.entry("proxy.port", T + "ConnectionOptionsTest#aConfiguredProxyCarriesTheCalls"),
      Map.entry("basic.auth.credentials.source", T + "ConnectionOptionsTest#thePrefixedUserInfoWinsAndSaslInheritTakesTheJaasCredentials"),
      Map.entry("basic.auth.user.info", T + "FailoverAndAuthTest#basicAuthFromUrlOrUserInfoAndBearerTokensAreSent"),
      Map.entry("schema.registry.basic.auth.user.info", T + "ConnectionOptionsTest#thePrefixedUserInfoWinsAndSaslInheritTakesTheJaasCredentials"),
      Map.entry("bearer.auth.credentials.source", T + "OAuthBearerClientTest#theClientFetchesATokenOnceAndTheServerAcceptsIt"),
      Map.entry("bearer.auth.issuer.endpoint.url", T + "OAuthBearerClientTest#theClientFetchesATokenOnceAndTheServerAcceptsIt"),
      Map.entry("bearer.auth.client.id", "dev.stele.client.internal.OAuthTokensTest#theClientCredentialsGrantIsSentAndItsTokenReused"),
      Map.entry("bearer.auth.client.secret", "dev.stele.client.internal.OAuthTokensTest#refusedCredentialsFailAtOnceWithTheEndpointsWords"),
      Map.entry("bearer.auth.scope", "dev.stele.client.internal.OAuthTokensTest#theClientCredentialsGrantIsSentAndItsTokenReused"),
      Map.entry("bearer.auth.cache.expiry.buffer.seconds", "dev.stele.client.internal.OAuthTokensTest#theBufferWinsWhenItComesFirst"),
      Map.entry("bearer.auth.scope.claim.name", "dev.stele.client.internal.OAuthTokensTest#aTokenWithoutExpiryOrSubjectIsRefused"),
      Map.entry("bearer.auth.sub.claim.name", "dev.stele.client.internal.OAuthTokensTest#theSubjectClaimCanBeRenamed"),
      Map.entry("bearer.auth.token", T + "FailoverAndAuthTest#basicAuthFromUrlOrUserInfoAndBearerTokensAreSent"),
      Map.entry("bearer.auth.logical.cluster", T + "ConnectionOptionsTest#bearerAuthSendsTheLogicalClusterAndIdentityPool"),
      Map.entry("bearer.auth.identity.pool.id", T + "ConnectionOptionsTest#bearerAuthSendsTheLogicalClusterAndIdentityPool"),
      Map.entry("schema.registry.ssl.truststore.location", T + "TlsClientTest#theConfiguredTruststoreLetsTheClientIn"),
      Map.entry("schema.registry.ssl.truststore.password", T + "TlsClientTest#theConfiguredTruststoreLetsTheClientIn"),
      Map.entry("schema.registry.ssl.truststore.type", T + "TlsClientTest#theConfiguredTruststoreLetsTheClientIn"),
      Map.entry("schema.registry.ssl.keystore.location", T + "TlsClientTest#protocolAlgorithmsAndSecureRandomNameWhatTheJdkBuilds"),
      Map.entry("schema.registry.ssl.keystore.password", T + "TlsClientTest#protocolAlgorithmsAndSecureRandomNameWhatTheJdkBuilds"),
      Map.entry("schema.registry.ssl.keystore.type", T + "PemTlsClientTest#pemFilesTrustTheServerAndPresentTheClientsCertificate"),
      Map.entry("schema.registry.ssl.keystore.key", T + "PemTlsClientTest#inlinePemWorksTheSame"),
      Map.entry("schema.registry.ssl.keystore.certificate.chain", T + "PemTlsClientTest#inlinePemWorksTheSame"),
      Map.entry("schema.registry.ssl.truststore.certificates", T + "PemTlsClientTest#inlinePemWorksTheSame"),
      Map.entry("schema.registry.ssl.key.password", T + "PemTlsClientTest#anEncryptedKeyOpensWithTheKeyPassword"),
      Map.entry("schema.registry.ssl.protocol", T + "TlsClientTest#protocolAlgorithmsAndSecureRandomNameWhatTheJdkBuilds"),
      Map.entry("schema.registry.ssl.enabled.protocols", T + "TlsClientTest#enabledProtocolsAndCipherSuitesLimitWhatTheClientOffers"),
      Map.entry("schema.registry.ssl.cipher.suites", T + "TlsClientTest#enabledProtocolsAndCipherSuitesLimitWhatTheClientOffers"),
      Map.entry("schema.registry.ssl.endpoint.identification.algorithm", T + "TlsClientTest#anEmptyEndpointIdentificationAlgorithmSkipsTheHostNameCheck"),
      Map.entry("schema.registry.ssl.keymanager.algorithm", T + "TlsClientTest#protocolAlgorithmsAndSecureRandomNameWhatTheJdkBuilds"),
      Map.entry("schema.registry.ssl.trustmanager.algorithm", T + "TlsClientTest#protocolAlgorithmsAndSecureRandomNameWhatTheJdkBuilds"),
      Map.entry("schema.registry.ssl.secure.random.implementation", T + "TlsClientTest#protocolAlgorithmsAndSecureRandomNameWhatTheJdkBuilds"));

  @Test
  void everyHonouredKeyNamesTheTestThatShowsItsEffect() {
    KeyTableWalk.honouredKeysHaveEvidence(ClientKeys.TABLE, EVIDENCE);
  }

  @Test
  void everyRefusedKeyFailsNamingItself() {
    KeyTableWalk.refusedKeysFailNamingThemselves(ClientKeys.TABLE, Map.of(ClientConfig.URL, "http://a:1"),
        (side, configs) -> ClientConfig.fromMap(configs));
  }

  @Test
  void refusedKeysAreAlsoCaughtUnderTheOtherSpelling() {
    assertThat(ClientKeys.TABLE.find("schema.registry.bearer.auth.custom.provider.class")).isPresent();
    assertThat(ClientKeys.TABLE.find("url.randomize")).isPresent();
    // Bare ssl.* keys are Kafka's broker connection, never the registry's: not ours to refuse.
    assertThat(ClientKeys.TABLE.find("ssl.keystore.key")).isEmpty();
    assertThatCode(() -> ClientConfig.fromMap(Map.of(ClientConfig.URL, "http://a:1", "ssl.keystore.key", "pem",
        "ssl.provider", "x", "bootstrap.servers", "b:9092"))).doesNotThrowAnyException();
  }

  @Test
  void everyKeyIsInTheDocs() {
    KeyTableWalk.documented(ClientKeys.TABLE);
  }
}
