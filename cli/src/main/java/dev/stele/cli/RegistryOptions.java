package dev.stele.cli;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.ClientConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Where the registry is and how to reach it, in the Java client's own keys (docs/client-config.md):
 * a {@code client.properties} file (the one a producer uses works as is), single keys with
 * {@code -P}, and {@code --url}. Later sources win: file, then {@code -P}, then {@code --url}.
 */
final class RegistryOptions {
  @Option(names = {"-u", "--url"}, paramLabel = "URL", split = ",",
      description = "The registry's URL(s), e.g. http://localhost:8081 (schema.registry.url)."
          + " Default: $STELE_URL, else http://localhost:8081 when no config names one.")
  List<String> urls;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Client properties: schema.registry.url, basic.auth.*, bearer.auth.*,"
          + " schema.registry.ssl.*, proxy.*, request.header.*, timeouts and retries.")
  Path config;

  @Option(names = {"-P", "--property"}, paramLabel = "KEY=VALUE",
      description = "One client property, e.g. -P basic.auth.credentials.source=USER_INFO.")
  Map<String, String> properties;

  /** The merged client settings; the client's own parser checks them and names a bad key. */
  Map<String, Object> settings() {
    return settings(config, properties, urls);
  }

  static Map<String, Object> settings(Path config, Map<String, String> properties, List<String> urls) {
    Map<String, Object> merged = new HashMap<>();
    if (config != null) {
      Properties file = new Properties();
      try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
        file.load(reader);
      } catch (IOException e) {
        throw new UsageException("cannot read the client config " + config + ": " + e.getMessage(), e);
      }
      file.forEach((key, value) -> merged.put(key.toString(), value.toString().trim()));
    }
    if (properties != null) {
      merged.putAll(properties);
    }
    if (urls != null && !urls.isEmpty()) {
      merged.put(ClientConfig.URL, String.join(",", urls));
    }
    if (!merged.containsKey(ClientConfig.URL)) {
      String fromEnvironment = System.getenv("STELE_URL");
      merged.put(ClientConfig.URL, fromEnvironment == null || fromEnvironment.isBlank()
          ? "http://localhost:8081" : fromEnvironment);
    }
    return merged;
  }

  ClientConfig clientConfig() {
    return ClientConfig.fromMap(settings());
  }

  CachedSchemaRegistryClient client() {
    return new CachedSchemaRegistryClient(clientConfig());
  }
}
