package dev.stele.serde.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.ClientConfig;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.KeyTable;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RegistrySerdeTest {
  /** The smallest serde: exposes what subclasses see. */
  static final class Probe extends RegistrySerde {
    Probe(SchemaRegistryClient client) {
      super(client, "Avro", KeyTable.of("serializers", List.of()));
    }

    RegistryAccess connectFor(Map<String, ?> configs, boolean isKey) {
      return connect(configs, isKey);
    }

    RegistryAccess access() {
      return registry();
    }
  }

  @Test
  void aSerdeUsedBeforeConfigureSaysWhichAndClosesQuietly() {
    Probe probe = new Probe(null);
    assertThatThrownBy(probe::access).isInstanceOf(IllegalStateException.class)
        .hasMessage("Probe used before configure()");
    probe.close();
  }

  @Test
  void aGivenClientIsUsedAndLeftOpenForItsOwner() {
    AtomicInteger closes = new AtomicInteger();
    SchemaRegistryClient given = (SchemaRegistryClient) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {SchemaRegistryClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            closes.incrementAndGet();
          }
          return null;
        });
    Probe probe = new Probe(given);
    RegistryAccess access = probe.connectFor(Map.of(), true);
    assertThat(probe.access()).isSameAs(access);
    assertThat(access.client()).isSameAs(given);
    assertThat(access.describe("orders")).isEqualTo("Avro key for topic 'orders'");
    probe.close();
    assertThat(closes).hasValue(0);
  }

  @Test
  void withoutAClientOneIsBuiltFromTheConfigs() {
    Probe probe = new Probe(null);
    RegistryAccess access = probe.connectFor(Map.of(ClientConfig.URL, "http://127.0.0.1:1"), false);
    assertThat(access.client()).isInstanceOf(CachedSchemaRegistryClient.class);
    assertThat(access.describe("orders")).isEqualTo("Avro value for topic 'orders'");
    RegistryAccess again = probe.connectFor(Map.of(ClientConfig.URL, "http://127.0.0.1:2"), false);
    assertThat(probe.access()).isSameAs(again).isNotSameAs(access);
    probe.close();
  }
}
