package dev.stele.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.ClientConfig;
import dev.stele.client.testing.RecordingProxy;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How often {@link AssociatedNameStrategy} asks a real registry (through a recording proxy):
 * once per topic by default, again when {@code subject.name.strategy.cache.size} pushed the topic
 * out or {@code subject.name.strategy.cache.expiry.secs} let it expire.
 */
class AssociatedNameStrategyCacheTest {
  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  private static long asked(RecordingProxy proxy) {
    return proxy.calls().stream().filter(call -> call.startsWith("GET /associations/")).count();
  }

  private static SubjectNameStrategy bound(RecordingProxy proxy, Map<String, ?> configs) {
    return new AssociatedNameStrategy().bind(CachedSchemaRegistryClient.fromConfigs(
        Map.of(ClientConfig.URL, proxy.url())), configs);
  }

  @Test
  void theCacheHoldsCacheSizeTopicsForItsExpiry() throws Exception {
    try (RecordingProxy proxy = new RecordingProxy(REGISTRY.url())) {
      SubjectNameStrategy kept = bound(proxy, Map.of());
      assertThat(kept.subjectName("a", false, null)).isEqualTo("a-value");
      kept.subjectName("a", false, null);
      assertThat(asked(proxy)).as("asked once, then kept").isEqualTo(1);

      SubjectNameStrategy small = bound(proxy, Map.of(AssociatedNameStrategy.CACHE_SIZE, "1"));
      for (String topic : new String[] {"a", "b", "a"}) {
        small.subjectName(topic, false, null);
      }
      assertThat(asked(proxy)).as("b pushed a out").isEqualTo(4);

      SubjectNameStrategy expiring = bound(proxy, Map.of(AssociatedNameStrategy.CACHE_EXPIRY_SECS, "0"));
      expiring.subjectName("a", true, null);
      expiring.subjectName("a", true, null);
      assertThat(asked(proxy)).as("expired at once").isEqualTo(6);
      assertThat(proxy.calls()).contains("GET /associations/resources/-/a?resourceType=topic&associationType=key");
    }
  }
}
