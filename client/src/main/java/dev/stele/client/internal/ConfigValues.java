package dev.stele.client.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads typed values out of a Kafka-style {@code Map<String, ?>} where values arrive as strings
 * (properties files) or already typed (code). A wrong value fails naming its key.
 */
public final class ConfigValues {
  private final Map<String, ?> configs;

  public ConfigValues(Map<String, ?> configs) {
    this.configs = configs == null ? Map.of() : configs;
  }

  public String string(String key, String fallback) {
    Object value = configs.get(key);
    return value == null ? fallback : text(value).trim();
  }

  /**
   * A value as text: a class by its name, a collection comma-joined, and Kafka's {@code Password}
   * by its value (its {@code toString} hides it, which would send "[hidden]" as a credential).
   */
  public static String text(Object value) {
    if (value instanceof Class<?> type) {
      return type.getName();
    }
    if (value instanceof Collection<?> collection) {
      return String.join(",", collection.stream().map(ConfigValues::text).toList());
    }
    if (value.getClass().getName().equals("org.apache.kafka.common.config.types.Password")) {
      try {
        return String.valueOf(value.getClass().getMethod("value").invoke(value));
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("cannot read a password config: " + e, e);
      }
    }
    return value.toString();
  }

  public String required(String key) {
    String value = string(key, null);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("missing required config " + key);
    }
    return value;
  }

  public boolean bool(String key, boolean fallback) {
    Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException(key + " must be true or false, not '" + text + "'");
  }

  public int intValue(String key, int fallback) {
    long value = longValue(key, fallback);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(key + " is out of range: " + value);
    }
    return (int) value;
  }

  public long longValue(String key, long fallback) {
    Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, not '" + value + "'", e);
    }
  }

  /** A comma-separated string or a collection, as Kafka's LIST type accepts. */
  public List<String> list(String key) {
    Object value = configs.get(key);
    List<String> items = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      collection.forEach(item -> items.add(text(item).trim()));
    } else if (value != null) {
      for (String item : text(value).split(",")) {
        items.add(item.trim());
      }
    }
    items.removeIf(String::isEmpty);
    return items;
  }
}
