package dev.stele.serde.testing;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.ClientConfig;
import dev.stele.client.testing.TestRegistry;
import dev.stele.registry.model.KeyOptions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up every serde test class shares: a real Stele server in-process for the class
 * ({@link TestRegistry}), a client to prepare and inspect subjects, and serde configs pointing
 * at it. Use as {@code @RegisterExtension static final SerdeRegistry REGISTRY = new SerdeRegistry();};
 * it starts before the class's own {@code @BeforeAll} methods, so they can register schemas.
 */
public final class SerdeRegistry implements BeforeAllCallback, AfterAllCallback {
  private final KeyOptions keys;
  private TestRegistry registry;
  private CachedSchemaRegistryClient client;

  public SerdeRegistry() {
    this(KeyOptions.DEFAULTS);
  }

  /** A server whose DEK registry has these options, e.g. KMS drivers for shared KEKs. */
  public SerdeRegistry(KeyOptions keys) {
    this.keys = keys;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    registry = TestRegistry.start(keys);
    client = new CachedSchemaRegistryClient(ClientConfig.forUrls(registry.url()));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    client.close();
    registry.close();
  }

  public String url() {
    return registry.url();
  }

  public CachedSchemaRegistryClient client() {
    return client;
  }

  /** Serde configs for this server plus {@code pairs} (key, value, key, value...). */
  public Map<String, Object> configs(Object... pairs) {
    Map<String, Object> configs = new HashMap<>();
    configs.put(ClientConfig.URL, registry.url());
    for (int i = 0; i < pairs.length; i += 2) {
      configs.put((String) pairs[i], pairs[i + 1]);
    }
    return configs;
  }
}
