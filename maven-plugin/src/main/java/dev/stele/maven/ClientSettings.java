package dev.stele.maven;

import dev.stele.client.ClientConfig;
import dev.stele.client.internal.ClientKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The connection parameters the server goals share, as the Java client's own settings
 * (docs/client-config.md): {@code configs} are client keys as they are, {@code userInfoConfig} is
 * basic auth from USER_INFO, {@code httpHeaders} are {@code request.header.*}, and
 * {@code schemaRegistryUrls} is {@code schema.registry.url}. A key the client does not know fails
 * here rather than being dropped, and the client refuses the Confluent keys it does not act on.
 */
record ClientSettings(List<String> urls, String userInfo, Map<String, String> headers, Map<String, String> configs) {

  ClientConfig config(String goal) throws MojoExecutionException {
    Map<String, Object> settings = map(goal);
    try {
      return ClientConfig.fromMap(settings);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("the registry client's settings (schemaRegistryUrls, userInfoConfig,"
          + " httpHeaders, configs): " + e.getMessage(), e);
    }
  }

  Map<String, Object> map(String goal) throws MojoExecutionException {
    if (urls == null || urls.isEmpty() || urls.stream().allMatch(url -> url == null || url.isBlank())) {
      throw new MojoExecutionException(goal + " talks to a registry: give its URL in <schemaRegistryUrls>"
          + "<param>http://host:8081</param></schemaRegistryUrls>");
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    if (configs != null) {
      for (Map.Entry<String, String> entry : configs.entrySet()) {
        String key = entry.getKey();
        if (ClientKeys.TABLE.find(key).isEmpty()) {
          throw new MojoExecutionException("configs: '" + key + "' is not a schema registry client setting;"
              + " the keys Stele's client reads are listed in docs/client-config.md");
        }
        if (key.endsWith(ClientConfig.URL)) {
          throw new MojoExecutionException("configs: give the registry's URLs in <schemaRegistryUrls>, not as "
              + key);
        }
        settings.put(key, entry.getValue() == null ? "" : entry.getValue().trim());
      }
    }
    if (userInfo != null && !userInfo.isBlank()) {
      settings.put(ClientConfig.BASIC_AUTH_SOURCE, "USER_INFO");
      settings.put(ClientConfig.BASIC_AUTH_USER_INFO, userInfo);
    }
    if (headers != null) {
      headers.forEach((name, value) -> settings.put(ClientConfig.REQUEST_HEADER_PREFIX + name, value == null ? "" : value));
    }
    settings.put(ClientConfig.URL, String.join(",", urls.stream().map(String::trim).toList()));
    return settings;
  }
}
