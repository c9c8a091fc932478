package dev.stele.client;

import dev.stele.client.internal.ClientKeys;
import dev.stele.client.internal.ConfigKey;
import dev.stele.client.internal.ConfigValues;
import dev.stele.client.internal.JaasOptions;
import dev.stele.client.internal.KeyTable;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the client needs to reach the registry, read from the same keys as Confluent's
 * client (API.md §5.2) so a producer's properties carry over unchanged. Which Confluent keys are
 * honoured and which are refused is {@code ClientKeys}' table (docs/client-config.md).
 *
 * @param urls the registry's base URLs, tried in turn when one fails; credentials stripped
 * @param authorization the {@code Authorization} header value, or null for none
 * @param ssl trust and key stores for {@code https} URLs (empty settings use the JDK defaults)
 * @param latestTtl how long a "latest version" answer is reused; null = until evicted
 * @param headers sent with every request ({@code request.header.*}, bearer auth's extras)
 * @param proxy the HTTP proxy to go through, or null for a direct connection
 * @param randomizeUrls start each client at a random URL instead of the first
 * @param latestCacheSize how many subjects' latest versions are cached
 * @param oauth where bearer tokens come from with {@code bearer.auth.credentials.source=OAUTHBEARER},
 *     or null (then {@code authorization} is the fixed header, if any)
 */
public record ClientConfig(List<URI> urls, String authorization, SslSettings ssl,
    Duration connectTimeout, Duration readTimeout, int maxRetries, Duration retryWait,
    Duration retryMaxWait, int cacheCapacity, Duration latestTtl, Map<String, String> headers,
    InetSocketAddress proxy, boolean randomizeUrls, int latestCacheSize, OAuthSettings oauth) {

  public static final String URL = "schema.registry.url";
  public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String BEARER_AUTH_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
  public static final String MAX_RETRIES = "max.retries";
  public static final String RETRIES_WAIT_MS = "retries.wait.ms";
  public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
  public static final String CACHE_CAPACITY = "max.schemas.per.subject";
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
  public static final String URL_RANDOMIZE = "url.randomize";
  public static final String REQUEST_HEADER_PREFIX = "request.header.";
  public static final String PROXY_HOST = "proxy.host";
  public static final String PROXY_PORT = "proxy.port";
  public static final String LATEST_CACHE_SIZE = "latest.cache.size";
  public static final String BEARER_LOGICAL_CLUSTER = "bearer.auth.logical.cluster";
  public static final String BEARER_IDENTITY_POOL = "bearer.auth.identity.pool.id";
  public static final String BEARER_ISSUER_URL = "bearer.auth.issuer.endpoint.url";
  public static final String BEARER_CLIENT_ID = "bearer.auth.client.id";
  public static final String BEARER_CLIENT_SECRET = "bearer.auth.client.secret";
  public static final String BEARER_SCOPE = "bearer.auth.scope";
  public static final String BEARER_SCOPE_CLAIM = "bearer.auth.scope.claim.name";
  public static final String BEARER_SUB_CLAIM = "bearer.auth.sub.claim.name";
  public static final String BEARER_EXPIRY_BUFFER_SECONDS = "bearer.auth.cache.expiry.buffer.seconds";
  /** The keys that only OAUTHBEARER reads: set with another source, they are a mistake. */
  private static final List<String> OAUTH_KEYS = List.of(BEARER_ISSUER_URL, BEARER_CLIENT_ID,
      BEARER_CLIENT_SECRET, BEARER_SCOPE, BEARER_EXPIRY_BUFFER_SECONDS);
  /** Confluent's older spelling of {@link #BASIC_AUTH_USER_INFO}; it wins when both are set. */
  public static final String SCHEMA_REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
  /** Kafka's own key, read by {@code basic.auth.credentials.source=SASL_INHERIT}. */
  public static final String SASL_JAAS_CONFIG = "sasl.jaas.config";

  /** Headers the JDK's HttpClient sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect",
      "host", "upgrade");

  public ClientConfig {
    if (urls == null || urls.isEmpty()) {
      throw new IllegalArgumentException(URL + " must name at least one registry URL");
    }
    urls = List.copyOf(urls);
    Objects.requireNonNull(ssl, "ssl");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (maxRetries < 0 || cacheCapacity < 1 || latestCacheSize < 1) {
      throw new IllegalArgumentException("max.retries must be >= 0 and the cache capacities >= 1");
    }
    headers = Map.copyOf(headers);
    if (oauth != null && authorization != null) {
      throw new IllegalArgumentException("configure either a fixed Authorization header or OAuth tokens, not both");
    }
  }

  /** The settings before headers, proxy and URL order could be set: none, direct, in order. */
  public ClientConfig(List<URI> urls, String authorization, SslSettings ssl, Duration connectTimeout,
      Duration readTimeout, int maxRetries, Duration retryWait, Duration retryMaxWait, int cacheCapacity,
      Duration latestTtl) {
    this(urls, authorization, ssl, connectTimeout, readTimeout, maxRetries, retryWait, retryMaxWait,
        cacheCapacity, latestTtl, Map.of(), null, false, cacheCapacity, null);
  }

  /** Defaults for everything but the URLs: no auth, 60 s timeouts, 3 retries. */
  public static ClientConfig forUrls(String... urls) {
    return fromMap(Map.of(URL, String.join(",", urls)));
  }

  /**
   * Reads a Kafka-style configuration map. Keys Stele does not know are ignored (a producer's map
   * holds many); a Confluent key Stele refuses fails with an {@link UnsupportedConfigException},
   * and values that are present but wrong fail here, naming the key. As in Confluent's client,
   * every key may also be given under {@code schema.registry.}, which wins.
   */
  public static ClientConfig fromMap(Map<String, ?> configs) {
    ClientKeys.TABLE.check(configs, ConfigKey.Side.BOTH);
    Map<String, Object> view = withoutRegistryPrefix(configs == null ? Map.of() : configs);
    ConfigValues values = new ConfigValues(view);
    List<URI> urls = new ArrayList<>();
    String urlUserInfo = null;
    List<String> texts = values.list(URL);
    if (texts.stream().anyMatch(text -> text.startsWith(MockRegistries.SCHEME))) {
      // As in Confluent's client: a mock scope stands alone, the rest of the URL is its name.
      if (texts.size() != 1) {
        throw new IllegalArgumentException(URL + ": a " + MockRegistries.SCHEME + " URL must be the only one, not "
            + texts);
      }
      texts = List.of(MockRegistries.resolve(texts.get(0).substring(MockRegistries.SCHEME.length())).toString());
    }
    for (String text : texts) {
      URI uri = parseUrl(text);
      if (uri.getRawUserInfo() != null && urlUserInfo == null) {
        urlUserInfo = uri.getUserInfo();
      }
      urls.add(withoutUserInfo(uri));
    }
    long ttl = values.longValue(LATEST_CACHE_TTL_SEC, 60);
    int capacity = values.intValue(CACHE_CAPACITY, 1000);
    OAuthSettings oauth = oauth(values);
    String authorization = authorization(values, urlUserInfo, oauth != null);
    return new ClientConfig(urls, authorization, SslSettings.fromMap(view),
        Duration.ofMillis(values.longValue(CONNECT_TIMEOUT_MS, 60_000)),
        Duration.ofMillis(values.longValue(READ_TIMEOUT_MS, 60_000)),
        values.intValue(MAX_RETRIES, 3),
        Duration.ofMillis(values.longValue(RETRIES_WAIT_MS, 1_000)),
        Duration.ofMillis(values.longValue(RETRIES_MAX_WAIT_MS, 20_000)),
        capacity,
        ttl < 0 ? null : Duration.ofSeconds(ttl),
        headers(view, authorization, oauth != null),
        proxy(values), values.bool(URL_RANDOMIZE, false), values.intValue(LATEST_CACHE_SIZE, 1000), oauth);
  }

  /**
   * The map as Confluent's client sees it: {@code schema.registry.X} also answers for {@code X}
   * and wins over it, except the URL key itself and the SSL keys, which are only read prefixed.
   */
  private static Map<String, Object> withoutRegistryPrefix(Map<String, ?> configs) {
    Map<String, Object> view = new HashMap<>(configs);
    configs.forEach((key, value) -> {
      if (key.startsWith(KeyTable.REGISTRY_PREFIX) && !key.equals(URL) && value != null) {
        String bare = key.substring(KeyTable.REGISTRY_PREFIX.length());
        if (!bare.startsWith("ssl.")) {
          view.put(bare, value);
        }
      }
    });
    return view;
  }

  /** OAUTHBEARER's settings, or null for another source (whose OAuth keys must then be unset). */
  private static OAuthSettings oauth(ConfigValues values) {
    String source = values.string(BEARER_AUTH_SOURCE, "STATIC_TOKEN");
    if (!"OAUTHBEARER".equalsIgnoreCase(source)) {
      for (String key : OAUTH_KEYS) {
        if (!values.string(key, "").isEmpty()) {
          throw new IllegalArgumentException(key + " is only read with " + BEARER_AUTH_SOURCE
              + "=OAUTHBEARER, and the source is " + source + "; set the source or remove the key");
        }
      }
      return null;
    }
    long buffer = values.longValue(BEARER_EXPIRY_BUFFER_SECONDS, 300);
    // Confluent reads the buffer as a short; a larger one is a typo, not a wish.
    if (buffer < 0 || buffer > Short.MAX_VALUE) {
      throw new IllegalArgumentException(BEARER_EXPIRY_BUFFER_SECONDS + " must be from 0 to 32767, not " + buffer);
    }
    String issuer = values.required(BEARER_ISSUER_URL);
    URI uri;
    try {
      uri = new URI(issuer);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(BEARER_ISSUER_URL + ": '" + issuer + "' is not a URL", e);
    }
    return new OAuthSettings(uri, values.required(BEARER_CLIENT_ID), values.required(BEARER_CLIENT_SECRET),
        values.string(BEARER_SCOPE, null), values.string(BEARER_SCOPE_CLAIM, "scope"),
        values.string(BEARER_SUB_CLAIM, "sub"), Duration.ofSeconds(buffer));
  }

  private static String authorization(ConfigValues values, String urlUserInfo, boolean oauth) {
    String token = values.string(BEARER_AUTH_TOKEN, null);
    String bearerSource = values.string(BEARER_AUTH_SOURCE, "STATIC_TOKEN");
    String basicSource = values.string(BASIC_AUTH_SOURCE, "URL");
    String basic = switch (basicSource.toUpperCase(Locale.ROOT)) {
      case "URL" -> urlUserInfo;
      // The prefixed spelling was folded into the bare one by withoutRegistryPrefix, winning.
      case "USER_INFO" -> values.required(BASIC_AUTH_USER_INFO);
      case "SASL_INHERIT" -> saslUserInfo(values);
      default -> throw new UnsupportedConfigException(BASIC_AUTH_SOURCE, BASIC_AUTH_SOURCE + "=" + basicSource
          + " is not supported by Stele's schema registry client; use URL, USER_INFO or SASL_INHERIT");
    };
    if (oauth) {
      if (token != null && !token.isEmpty() || basic != null) {
        throw new IllegalArgumentException(BEARER_AUTH_SOURCE + "=OAUTHBEARER fetches its own tokens:"
            + " remove " + (basic != null ? "the basic auth credentials" : BEARER_AUTH_TOKEN));
      }
      return null;
    }
    if (!"STATIC_TOKEN".equalsIgnoreCase(bearerSource)) {
      throw new UnsupportedConfigException(BEARER_AUTH_SOURCE, BEARER_AUTH_SOURCE + "=" + bearerSource
          + " is not supported by Stele's schema registry client; use STATIC_TOKEN with bearer.auth.token"
          + " or OAUTHBEARER");
    }
    if (token != null && !token.isEmpty()) {
      if (basic != null) {
        throw new IllegalArgumentException("configure either basic auth or a bearer token, not both");
      }
      return "Bearer " + token;
    }
    if (basic == null || basic.isEmpty()) {
      return null;
    }
    return "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8));
  }

  /** SASL_INHERIT: the PLAIN or SCRAM username and password the Kafka connection logs in with. */
  private static String saslUserInfo(ConfigValues values) {
    String jaas = values.string(SASL_JAAS_CONFIG, null);
    if (jaas == null || jaas.isEmpty()) {
      throw new IllegalArgumentException(BASIC_AUTH_SOURCE + "=SASL_INHERIT needs " + SASL_JAAS_CONFIG
          + " in the same configs (a JAAS file named by a system property is not read)");
    }
    Map<String, String> options = JaasOptions.firstModule(SASL_JAAS_CONFIG, jaas);
    if (!options.containsKey("username") || !options.containsKey("password")) {
      throw new IllegalArgumentException(BASIC_AUTH_SOURCE + "=SASL_INHERIT: the login module in "
          + SASL_JAAS_CONFIG + " has no username and password options to inherit");
    }
    return options.get("username") + ":" + options.get("password");
  }

  /** {@code request.header.*}, plus bearer auth's cluster and identity pool headers. */
  private static Map<String, String> headers(Map<String, Object> view, String authorization, boolean oauth) {
    boolean bearer = oauth || authorization != null && authorization.startsWith("Bearer ");
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    view.forEach((key, value) -> {
      if (key.startsWith(REQUEST_HEADER_PREFIX) && value != null) {
        String name = key.substring(REQUEST_HEADER_PREFIX.length());
        if (name.isEmpty() || RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
          throw new UnsupportedConfigException(key, key + " cannot be set: the HTTP client sets "
              + (name.isEmpty() ? "no header without a name" : name + " itself"));
        }
        if (name.equalsIgnoreCase("Authorization") && (authorization != null || oauth)) {
          throw new IllegalArgumentException(key + " conflicts with the configured basic or bearer auth;"
              + " configure one of them");
        }
        headers.put(name, ConfigValues.text(value));
      }
    });
    if (bearer) {
      ConfigValues values = new ConfigValues(view);
      putIfSet(headers, "target-sr-cluster", values.string(BEARER_LOGICAL_CLUSTER, null));
      putIfSet(headers, "Confluent-Identity-Pool-Id", values.string(BEARER_IDENTITY_POOL, null));
    }
    return new HashMap<>(headers);
  }

  private static void putIfSet(Map<String, String> headers, String name, String value) {
    if (value != null && !value.isEmpty()) {
      headers.put(name, value);
    }
  }

  /** Both keys or neither: Confluent quietly goes direct when one is missing, which hides the mistake. */
  private static InetSocketAddress proxy(ConfigValues values) {
    String host = values.string(PROXY_HOST, "");
    int port = values.intValue(PROXY_PORT, -1);
    if (host.isEmpty() && port < 0) {
      return null;
    }
    if (host.isEmpty() || port <= 0 || port > 65_535) {
      throw new IllegalArgumentException(PROXY_HOST + " and " + PROXY_PORT + " must be set together, with a port"
          + " from 1 to 65535 (got host '" + host + "', port " + port + ")");
    }
    return InetSocketAddress.createUnresolved(host, port);
  }

  private static URI parseUrl(String text) {
    try {
      URI uri = new URI(text.trim());
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException(URL + ": '" + text + "' is not an http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(URL + ": '" + text + "' is not a URL: " + e.getMessage(), e);
    }
  }

  private static URI withoutUserInfo(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    // Paths are appended to the base: drop a trailing slash so they do not double up.
    path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return URI.create(uri.getScheme() + "://" + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path);
  }
}
