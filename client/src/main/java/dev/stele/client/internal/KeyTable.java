package dev.stele.client.internal;

import dev.stele.client.UnsupportedConfigException;
import dev.stele.client.internal.ConfigKey.Side;
import dev.stele.client.internal.ConfigKey.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Confluent keys one layer reads (the client, the serdes' common keys, one format), each
 * honoured or refused. {@link #check} is the one place a refused key fails; keys not in any table
 * pass, because Kafka hands a producer's and consumer's whole configuration to its serdes.
 */
public final class KeyTable {
  /** Confluent's client also reads every one of its keys under this prefix. */
  public static final String REGISTRY_PREFIX = "schema.registry.";

  private final String layer;
  private final List<ConfigKey> keys;
  private final boolean registryPrefix;
  private final Map<String, ConfigKey> byName = new HashMap<>();

  private KeyTable(String layer, List<ConfigKey> keys, boolean registryPrefix) {
    this.layer = layer;
    this.keys = List.copyOf(keys);
    this.registryPrefix = registryPrefix;
    for (ConfigKey key : this.keys) {
      if (byName.put(key.name(), key) != null) {
        throw new IllegalStateException(layer + " lists " + key.name() + " twice");
      }
    }
  }

  /** @param layer how refusals name the reader, e.g. "Avro serializers" */
  public static KeyTable of(String layer, List<ConfigKey> keys) {
    return new KeyTable(layer, keys, false);
  }

  /**
   * The client's table: Confluent's client strips {@code schema.registry.} from any key, so
   * {@code schema.registry.proxy.host} is {@code proxy.host}. Bare {@code ssl.*} keys are Kafka's
   * own (the broker connection) and never the registry's.
   */
  public static KeyTable withRegistryPrefix(String layer, List<ConfigKey> keys) {
    return new KeyTable(layer, keys, true);
  }

  public String layer() {
    return layer;
  }

  public List<ConfigKey> keys() {
    return keys;
  }

  /** The row for a key as the user spelled it, if this layer reads it. */
  public Optional<ConfigKey> find(String userKey) {
    ConfigKey found = lookup(userKey);
    if (found == null && registryPrefix && !userKey.startsWith("ssl.")) {
      found = userKey.startsWith(REGISTRY_PREFIX) ? lookup(userKey.substring(REGISTRY_PREFIX.length()))
          : lookup(REGISTRY_PREFIX + userKey);
    }
    return Optional.ofNullable(found);
  }

  private ConfigKey lookup(String name) {
    ConfigKey exact = byName.get(name);
    if (exact != null) {
      return exact;
    }
    for (ConfigKey key : keys) {
      if (key.isPrefix() && name.startsWith(key.name().substring(0, key.name().length() - 1))) {
        return key;
      }
    }
    return null;
  }

  /**
   * Fails on the first key the user set that this layer refuses for {@code side}, naming it and
   * saying why. A refused key set to the value that describes what Stele does anyway passes, and
   * so does an empty value for a key whose default is empty.
   */
  public void check(Map<String, ?> configs, Side side) {
    if (configs == null) {
      return;
    }
    for (Map.Entry<String, ?> entry : configs.entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      Optional<ConfigKey> row = find(entry.getKey());
      if (row.isEmpty() || row.get().status() == Status.HONOURED || !row.get().appliesTo(side)) {
        continue;
      }
      ConfigKey key = row.get();
      String value = ConfigValues.text(entry.getValue());
      if (value.isEmpty() && (key.confluentDefault() == null || key.confluentDefault().isEmpty())) {
        continue;
      }
      if (key.accepted() != null && normal(value).equals(normal(key.accepted()))) {
        continue;
      }
      throw new UnsupportedConfigException(entry.getKey(), refusal(entry.getKey(), value, key));
    }
  }

  private String refusal(String userKey, String value, ConfigKey key) {
    String shown = secret(userKey) ? userKey : userKey + "=" + value;
    return shown + " is not supported by Stele's " + layer + " yet: " + key.note()
        + (key.accepted() == null ? ". Remove it." : ". Remove it, or set it to " + key.accepted()
        + ", which is what Stele does.");
  }

  private static boolean secret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.contains("password") || lower.contains("secret") || lower.contains("user.info")
        || lower.contains("token") || lower.endsWith("keystore.key") || lower.contains("certificate")
        || lower.contains("jaas");
  }

  private static String normal(String value) {
    return value.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
  }
}
