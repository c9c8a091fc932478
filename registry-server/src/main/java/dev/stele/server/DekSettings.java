package dev.stele.server;

import static dev.stele.server.ConfigKeys.DEK_MAX_KEYS;
import static dev.stele.server.ConfigKeys.DEK_TOPIC;
import static dev.stele.server.ConfigKeys.DEK_UPDATE_HANDLERS;

import dev.stele.registry.model.KeyOptions;
import java.util.Map;

/**
 * The DEK registry's keys, Confluent's {@code dek.registry.*}. The embedded store keeps KEKs and
 * DEKs in its own file, so {@code dek.registry.topic} only names the topic a Kafka store would
 * use; the Kafka store does not hold the DEK registry yet (decision 0014), so any of these keys
 * there stops the start rather than promise keys that would not be kept.
 *
 * @param maxKeys {@code dek.registry.max.keys}: how many KEKs, and how many DEKs, may exist
 * @param topic {@code dek.registry.topic}: Confluent's {@code _dek_registry_keys} by default
 */
record DekSettings(int maxKeys, String topic) {
  static final String DEFAULT_TOPIC = "_dek_registry_keys";

  static DekSettings parse(Map<String, String> values, boolean onKafka) throws ConfigException {
    if (onKafka) {
      for (String key : new String[] {DEK_TOPIC, DEK_MAX_KEYS, DEK_UPDATE_HANDLERS}) {
        if (values.containsKey(key)) {
          throw new ConfigException(key + ": the DEK registry is served on the embedded store"
              + " only for now (the Kafka store does not keep its keys yet); remove the"
              + " dek.registry.* keys or run on the embedded store");
        }
      }
    }
    String handlers = values.get(DEK_UPDATE_HANDLERS);
    if (handlers != null && !handlers.isBlank()) {
      throw new ConfigException(DEK_UPDATE_HANDLERS + "=" + handlers + ": Stele runs no custom"
          + " DEK registry cache handlers (Java classes of Confluent's); remove the key");
    }
    String topic = values.get(DEK_TOPIC);
    if (topic != null && !topic.isBlank() && !topic.trim().matches("[a-zA-Z0-9._-]{1,249}")) {
      throw new ConfigException(DEK_TOPIC + "=" + topic + " is not a Kafka topic name");
    }
    int maxKeys = KeyOptions.DEFAULT_MAX_KEYS;
    String max = values.get(DEK_MAX_KEYS);
    if (max != null && !max.isBlank()) {
      try {
        maxKeys = Integer.parseInt(max.trim());
      } catch (NumberFormatException e) {
        maxKeys = -1;
      }
      if (maxKeys < 0) {
        throw new ConfigException(DEK_MAX_KEYS + "=" + max + " must be a whole number of keys, 0 or more");
      }
    }
    return new DekSettings(maxKeys,
        topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic.trim());
  }
}
