package dev.stele.serde.internal;

import java.util.Map;

/**
 * The class a deserializer reads into, as Kafka configs give it: a {@code Class} (set in code)
 * or a class name (from a properties file), loaded with the thread's context class loader as
 * Kafka loads its own plugins, so that application classes are found inside frameworks.
 */
public final class ConfiguredClass {
  private ConfiguredClass() {}

  /** The class under {@code key}, else {@code fallback} (e.g. one given to the constructor). */
  public static Class<?> load(Map<String, ?> configs, String key, Class<?> fallback) {
    Object configured = configs.get(key);
    if (configured instanceof Class<?> cls) {
      return cls;
    }
    if (configured == null || configured.toString().isBlank()) {
      return fallback;
    }
    String name = configured.toString().trim();
    try {
      return Class.forName(name, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(key + ": no class " + name + " on the class path", e);
    }
  }
}
