package dev.stele.client;

import dev.stele.client.internal.ConfigValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the client needs to reach the registry, read from the same keys as Confluent's
 * client (API.md §5.2) so a producer's properties carry over unchanged.
 *
 * @param urls the registry's base URLs, tried in turn when one fails; credentials stripped
 * @param authorization the {@code Authorization} header value, or null for none
 * @param ssl trust and key stores for {@code https} URLs (empty settings use the JDK defaults)
 * @param latestTtl how long a "latest version" answer is reused; null = until evicted
 */
public record ClientConfig(List<URI> urls, String authorization, SslSettings ssl,
    Duration connectTimeout, Duration readTimeout, int maxRetries, Duration retryWait,
    Duration retryMaxWait, int cacheCapacity, Duration latestTtl) {

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

  public ClientConfig {
    if (urls == null || urls.isEmpty()) {
      throw new IllegalArgumentException(URL + " must name at least one registry URL");
    }
    urls = List.copyOf(urls);
    Objects.requireNonNull(ssl, "ssl");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (maxRetries < 0 || cacheCapacity < 1) {
      throw new IllegalArgumentException("max.retries must be >= 0 and the cache capacity >= 1");
    }
  }

  /** Defaults for everything but the URLs: no auth, 60 s timeouts, 3 retries. */
  public static ClientConfig forUrls(String... urls) {
    return fromMap(Map.of(URL, String.join(",", urls)));
  }

  /**
   * Reads a Kafka-style configuration map. Unknown keys are ignored (a producer's map holds
   * many); values that are present but wrong fail here, naming the key.
   */
  public static ClientConfig fromMap(Map<String, ?> configs) {
    ConfigValues values = new ConfigValues(configs);
    List<URI> urls = new ArrayList<>();
    String urlUserInfo = null;
    for (String text : values.list(URL)) {
      URI uri = parseUrl(text);
      if (uri.getRawUserInfo() != null && urlUserInfo == null) {
        urlUserInfo = uri.getUserInfo();
      }
      urls.add(withoutUserInfo(uri));
    }
    long ttl = values.longValue(LATEST_CACHE_TTL_SEC, 60);
    return new ClientConfig(urls, authorization(values, urlUserInfo), SslSettings.fromMap(configs),
        Duration.ofMillis(values.longValue(CONNECT_TIMEOUT_MS, 60_000)),
        Duration.ofMillis(values.longValue(READ_TIMEOUT_MS, 60_000)),
        values.intValue(MAX_RETRIES, 3),
        Duration.ofMillis(values.longValue(RETRIES_WAIT_MS, 1_000)),
        Duration.ofMillis(values.longValue(RETRIES_MAX_WAIT_MS, 20_000)),
        values.intValue(CACHE_CAPACITY, 1000),
        ttl < 0 ? null : Duration.ofSeconds(ttl));
  }

  private static String authorization(ConfigValues values, String urlUserInfo) {
    String token = values.string(BEARER_AUTH_TOKEN, null);
    String bearerSource = values.string(BEARER_AUTH_SOURCE, "STATIC_TOKEN");
    String basicSource = values.string(BASIC_AUTH_SOURCE, "URL");
    String basic = switch (basicSource.toUpperCase(java.util.Locale.ROOT)) {
      case "URL" -> urlUserInfo;
      case "USER_INFO" -> values.required(BASIC_AUTH_USER_INFO);
      default -> throw new IllegalArgumentException(BASIC_AUTH_SOURCE + "=" + basicSource
          + " is not supported; use URL or USER_INFO");
    };
    if (token != null && !token.isEmpty()) {
      if (!"STATIC_TOKEN".equalsIgnoreCase(bearerSource)) {
        throw new IllegalArgumentException(BEARER_AUTH_SOURCE + "=" + bearerSource
            + " is not supported; use STATIC_TOKEN");
      }
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
