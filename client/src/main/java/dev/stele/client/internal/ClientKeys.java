package dev.stele.client.internal;

import static dev.stele.client.internal.ConfigKey.defaultOnly;
import static dev.stele.client.internal.ConfigKey.honoured;
import static dev.stele.client.internal.ConfigKey.refused;

import java.util.List;

/**
 * Every key Confluent 8.5's schema registry client reads ({@code SchemaRegistryClientConfig}, the
 * client keys of {@code AbstractKafkaSchemaSerDeConfig}, Kafka's client SSL keys under
 * {@code schema.registry.ssl.}), and what Stele does with it. docs/client-config.md is this
 * table in prose; {@code ClientKeysTest} walks it.
 */
public final class ClientKeys {

  public static final KeyTable TABLE = KeyTable.withRegistryPrefix("schema registry client", List.of(
      honoured("schema.registry.url", null, "comma-separated http(s) URLs, tried in turn; user info in a URL"
          + " is basic auth; mock://SCOPE alone is an in-process registry per scope (module stele-mock)"),
      honoured("schema.registry.url.randomize", "false", "start at a random URL of the list instead of the first"),
      honoured("max.schemas.per.subject", "1000", "capacity of each of the client's caches"),
      honoured("latest.cache.ttl.sec", "60", "how long a latest-version answer is reused; -1 = until evicted"
          + " (the serdes default to -1, as Confluent's)"),
      honoured("http.connect.timeout.ms", "60000", "connect timeout per attempt"),
      honoured("http.read.timeout.ms", "60000", "time to wait for each answer"),
      honoured("max.retries", "3", "retries after a failed call, over all URLs"),
      honoured("retries.wait.ms", "1000", "first backoff, doubled per retry"),
      honoured("retries.max.wait.ms", "20000", "the longest backoff"),
      honoured("request.header.*", null, "each key sets the named header on every request; Host,"
          + " Connection, Content-Length, Expect and Upgrade are refused (the HTTP client owns them)"),
      honoured("proxy.host", "", "HTTP proxy host; needs proxy.port (one without the other fails)"),
      honoured("proxy.port", "-1", "HTTP proxy port; needs proxy.host"),
      honoured("basic.auth.credentials.source", "URL", "URL, USER_INFO or SASL_INHERIT (username and"
          + " password from sasl.jaas.config); other values fail"),
      honoured("basic.auth.user.info", "", "user:password for USER_INFO"),
      honoured("schema.registry.basic.auth.user.info", "", "the same, Confluent's older spelling; wins"
          + " over basic.auth.user.info when both are set, as in Confluent"),
      honoured("bearer.auth.credentials.source", "STATIC_TOKEN", "STATIC_TOKEN (bearer.auth.token) or"
          + " OAUTHBEARER (tokens from the issuer's endpoint); SASL_OAUTHBEARER_INHERIT, CUSTOM and the"
          + " Azure sources fail"),
      honoured("bearer.auth.token", "", "the static bearer token"),
      honoured("bearer.auth.logical.cluster", null, "sent as the target-sr-cluster header with bearer auth"),
      honoured("bearer.auth.identity.pool.id", null, "sent as the Confluent-Identity-Pool-Id header with"
          + " bearer auth"),
      honoured("bearer.auth.issuer.endpoint.url", null, "OAUTHBEARER: the OAuth 2.0 token endpoint, asked"
          + " for tokens with the client-credentials grant; set with another source, it fails"),
      honoured("bearer.auth.client.id", null, "OAUTHBEARER: the client id, sent form-encoded in Basic"
          + " credentials (RFC 6749 2.3.1)"),
      honoured("bearer.auth.client.secret", null, "OAUTHBEARER: the client secret"),
      honoured("bearer.auth.scope", null, "OAUTHBEARER: the scope asked for; unset asks for none"),
      honoured("bearer.auth.cache.expiry.buffer.seconds", "300", "OAUTHBEARER: a token is replaced at 80% of"
          + " its life and at least this long before it expires"),
      honoured("bearer.auth.scope.claim.name", "scope", "OAUTHBEARER: the claim that lists the token's"
          + " scopes; a token whose claim is neither a string nor a list is refused"),
      honoured("bearer.auth.sub.claim.name", "sub", "OAUTHBEARER: the claim naming the principal; a"
          + " token without it (or without exp) is refused"),
      refused("bearer.auth.custom.provider.class", null, "custom bearer token providers are not supported"),
      refused("bearer.auth.uami.endpoint.url", "http://169.254.169.254/metadata/identity/oauth2/token",
          "Azure managed identity tokens are not supported"),
      refused("bearer.auth.uami.endpoint.query", null, "Azure managed identity tokens are not supported"),
      defaultOnly("missing.cache.size", "10000", "Stele does not cache \"not found\" answers"),
      defaultOnly("missing.id.cache.ttl.sec", "0", "Stele does not cache \"not found\" answers"),
      defaultOnly("missing.version.cache.ttl.sec", "0", "Stele does not cache \"not found\" answers"),
      defaultOnly("missing.schema.cache.ttl.sec", "0", "Stele does not cache \"not found\" answers"),
      defaultOnly("use.apache.http.client", "false", "Stele always uses the JDK's HttpClient"),
      // Kafka's client SSL keys, read only under schema.registry.ssl. (bare ssl.* are the broker's).
      honoured("schema.registry.ssl.truststore.location", null, "trust store file (with type PEM, a file of"
          + " PEM certificates)"),
      honoured("schema.registry.ssl.truststore.password", null, "trust store password; none with type PEM"),
      honoured("schema.registry.ssl.truststore.type", "JKS", "JKS, PKCS12 or PEM"),
      honoured("schema.registry.ssl.keystore.location", null, "client certificate store file (with type PEM,"
          + " a file holding the PKCS#8 private key and its certificate chain)"),
      honoured("schema.registry.ssl.keystore.password", null, "key store password; none with type PEM"),
      honoured("schema.registry.ssl.keystore.type", "JKS", "JKS, PKCS12 or PEM"),
      honoured("schema.registry.ssl.key.password", null, "the private key's password; defaults to the"
          + " key store's; with PEM, opens an ENCRYPTED PRIVATE KEY"),
      honoured("schema.registry.ssl.keystore.key", null, "the client's PKCS#8 private key as PEM text; needs"
          + " keystore.type=PEM and keystore.certificate.chain, and no keystore.location"),
      honoured("schema.registry.ssl.keystore.certificate.chain", null, "the client's certificate chain as PEM"
          + " text, with keystore.key"),
      honoured("schema.registry.ssl.truststore.certificates", null, "trusted certificates as PEM text; needs"
          + " truststore.type=PEM and no truststore.location"),
      honoured("schema.registry.ssl.protocol", "TLSv1.3", "the SSLContext protocol"),
      honoured("schema.registry.ssl.enabled.protocols", "TLSv1.2,TLSv1.3", "the protocols offered"),
      honoured("schema.registry.ssl.cipher.suites", null, "the cipher suites offered; unset = the JDK's"),
      honoured("schema.registry.ssl.endpoint.identification.algorithm", "https", "https checks the"
          + " server's host name against its certificate; empty or none skips the check. Unset, Stele"
          + " checks (Confluent's client skips it unless set)"),
      honoured("schema.registry.ssl.keymanager.algorithm", "SunX509", "key manager algorithm"),
      honoured("schema.registry.ssl.trustmanager.algorithm", "PKIX", "trust manager algorithm"),
      honoured("schema.registry.ssl.secure.random.implementation", null, "SecureRandom algorithm"),
      refused("schema.registry.ssl.provider", null, "a named security provider is not supported;"
          + " the JDK's providers are used"),
      refused("schema.registry.ssl.engine.factory.class", null, "custom SSL engine factories are not"
          + " supported")));

  private ClientKeys() {}
}
