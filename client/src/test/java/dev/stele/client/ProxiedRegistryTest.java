package dev.stele.client;

import dev.stele.client.testing.RecordingProxy;
import dev.stele.client.testing.TestRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Tests that watch the client's requests: a real in-process server with a recording proxy. */
abstract class ProxiedRegistryTest {
  TestRegistry registry;
  RecordingProxy proxy;

  @BeforeEach
  void startRegistryAndProxy() throws Exception {
    registry = TestRegistry.start();
    proxy = new RecordingProxy(registry.url());
  }

  @AfterEach
  void stopRegistryAndProxy() throws Exception {
    proxy.close();
    registry.close();
  }
}
