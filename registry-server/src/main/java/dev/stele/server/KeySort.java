package dev.stele.server;

import static dev.stele.server.ConfigKeys.STELE_PREFIX;
import static dev.stele.server.ConfigKeys.USED;

import dev.stele.registry.state.SnapshotSettings;
import dev.stele.store.kafka.KafkaStoreConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sorts a config file's keys into those Stele reads, the Confluent registry's that it does not act
 * on (logged at start), and unknown ones. An unknown key stops the start with the nearest known
 * key: a misspelt {@code schema.compatability.level=full} would otherwise leave the registry at
 * BACKWARD, weaker than asked, with nothing but a warning in a log. An operator whose file carries
 * keys of their own sets {@code stele.config.unknown.keys=warn}.
 *
 * @param ignored Confluent keys Stele does not act on (yet)
 * @param unknown keys nobody knows, when {@code stele.config.unknown.keys=warn}
 */
record KeySort(List<String> ignored, List<String> unknown) {
  static final String UNKNOWN_KEYS = "stele.config.unknown.keys";

  KeySort {
    ignored = List.copyOf(ignored);
    unknown = List.copyOf(unknown);
  }

  static KeySort of(Map<String, String> values, SecuritySettings security, boolean onKafka)
      throws ConfigException {
    boolean warnOnly = unknownKeysWarnOnly(values.get(UNKNOWN_KEYS));
    List<String> ignored = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String key : values.keySet()) {
      if (read(key, security, onKafka)) {
        continue;
      }
      if (key.startsWith(STELE_PREFIX)) {
        // Stele's own namespace: a typo here (say stele.data.dri) would silently put the data
        // somewhere else, so it stops the start even when unknown keys only warn.
        throw new ConfigException("unknown setting " + key + suggestion(key)
            + "; Stele's own settings are listed in the README");
      }
      (ConfigKeys.isConfluentKeyNotActedOn(key) ? ignored : unknown).add(key);
    }
    if (!unknown.isEmpty() && !warnOnly) {
      String first = unknown.get(0);
      throw new ConfigException("unknown setting " + first + suggestion(first)
          + (unknown.size() > 1 ? " (and " + String.join(", ", unknown.subList(1, unknown.size()))
          + ")" : "") + ": neither Stele nor the Confluent registry reads it, and a misspelt key"
          + " would leave its setting at the default; correct it, or set " + UNKNOWN_KEYS
          + "=warn to start anyway");
    }
    return new KeySort(ignored, unknown);
  }

  private static boolean read(String key, SecuritySettings security, boolean onKafka) {
    return USED.contains(key) || key.equals(LogFormat.KEY) || key.equals(UNKNOWN_KEYS)
        || security.uses(key) || HttpLimits.KEYS.contains(key) || CorsSettings.KEYS.contains(key)
        || SchemaShapeSettings.KEYS.contains(key)
        || KafkaStoreConfig.STELE_KEYS.contains(key) // harmless on the embedded store
        || SnapshotSettings.KEYS.contains(key) // both stores
        || key.equals(ClusterSettings.LEADER_WAIT) // likewise
        || onKafka && (KafkaStoreConfig.isUsed(key) || ClusterSettings.KEYS.contains(key));
  }

  private static boolean unknownKeysWarnOnly(String text) throws ConfigException {
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("refuse")) {
      return false;
    }
    if (text.trim().equalsIgnoreCase("warn")) {
      return true;
    }
    throw new ConfigException(UNKNOWN_KEYS + "=" + text + " must be refuse or warn");
  }

  private static String suggestion(String key) {
    return KeySuggestions.closest(key.toLowerCase(Locale.ROOT), known())
        .map(near -> " (did you mean " + near + "?)").orElse("");
  }

  /** Every exact key Stele or the Confluent registry reads. */
  static Set<String> known() {
    Set<String> all = new TreeSet<>(USED);
    all.add(LogFormat.KEY);
    all.add(UNKNOWN_KEYS);
    all.addAll(SecuritySettings.KEYS);
    all.addAll(SecuritySettings.JWT_KEYS);
    all.addAll(TlsSettings.KEYS);
    all.addAll(HttpLimits.KEYS);
    all.addAll(CorsSettings.KEYS);
    all.addAll(SchemaShapeSettings.KEYS);
    all.addAll(ClusterSettings.KEYS);
    all.addAll(KafkaStoreConfig.OWN_KEYS);
    all.addAll(SnapshotSettings.KEYS);
    all.addAll(ConfigKeys.CONFLUENT_EXACT);
    return all;
  }
}
