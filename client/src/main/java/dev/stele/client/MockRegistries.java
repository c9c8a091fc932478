package dev.stele.client;

import java.net.URI;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * What {@code schema.registry.url=mock://SCOPE} reaches, as in Confluent's client: an in-process
 * registry per scope, shared by every client and serde of the JVM that names the scope, for
 * tests that should not need a registry running. Stele's is a real Stele server on a loopback
 * port (module {@code dev.stele:stele-mock}, found through {@link ServiceLoader}), so a test sees
 * exactly the registry's answers; without that module on the class path a mock URL fails at once.
 */
public interface MockRegistries {
  String SCHEME = "mock://";

  /** The {@code http://} URL of the scope's registry, started if it is not running. */
  URI url(String scope);

  /** The scope's URL from the implementation on the class path; fails naming the module to add. */
  static URI resolve(String scope) {
    Iterator<MockRegistries> found = ServiceLoader.load(MockRegistries.class, MockRegistries.class.getClassLoader())
        .iterator();
    if (!found.hasNext()) {
      throw new IllegalArgumentException(ClientConfig.URL + "=" + SCHEME + scope + " needs Stele's in-process"
          + " registry on the class path: add the dependency dev.stele:stele-mock (test scope)");
    }
    return found.next().url(scope);
  }
}
