package dev.stele.client;

import java.util.Map;

/**
 * Trust and key stores for {@code https} registries, under Confluent's
 * {@code schema.registry.ssl.*} keys. Null locations mean the JDK's default trust store and no
 * client certificate.
 */
public record SslSettings(String truststoreLocation, String truststorePassword, String truststoreType,
    String keystoreLocation, String keystorePassword, String keystoreType, String keyPassword) {
  public static final String PREFIX = "schema.registry.ssl.";
  public static final SslSettings NONE = new SslSettings(null, null, "JKS", null, null, "JKS", null);

  public boolean isDefault() {
    return truststoreLocation == null && keystoreLocation == null;
  }

  static SslSettings fromMap(Map<String, ?> configs) {
    return new SslSettings(get(configs, "truststore.location", null), get(configs, "truststore.password", null),
        get(configs, "truststore.type", "JKS"), get(configs, "keystore.location", null),
        get(configs, "keystore.password", null), get(configs, "keystore.type", "JKS"),
        get(configs, "key.password", null));
  }

  private static String get(Map<String, ?> configs, String key, String fallback) {
    Object value = configs.get(PREFIX + key);
    if (value == null) {
      return fallback;
    }
    // Kafka hands passwords over as its Password type; its toString hides the value.
    String text = value.getClass().getSimpleName().equals("Password") ? passwordValue(value) : value.toString();
    return text.isEmpty() ? fallback : text;
  }

  private static String passwordValue(Object password) {
    try {
      return (String) password.getClass().getMethod("value").invoke(password);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot read a password config: " + e, e);
    }
  }

  @Override
  public String toString() {
    return "SslSettings[truststore=" + truststoreLocation + ", keystore=" + keystoreLocation + "]";
  }
}
