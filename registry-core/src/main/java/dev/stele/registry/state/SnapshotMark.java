package dev.stele.registry.state;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where in its log a state snapshot stands, and what lets a store check that the log is still
 * the one the state was built from (decision 0016). The core keeps it opaque: the store names its
 * log, says where to resume and which facts to compare (the Kafka store: topic id, the key and
 * value hash and leader epoch of the record before {@code next}).
 *
 * @param log the log's name (the Kafka store: its topic)
 * @param next the offset to resume reading at: every record below it is in the state
 * @param checks the store's facts about the log at {@code next - 1}, compared when loading
 */
public record SnapshotMark(String log, long next, Map<String, String> checks) {
  public SnapshotMark {
    Objects.requireNonNull(log, "log");
    if (next < 0) {
      throw new IllegalArgumentException("a snapshot resumes at offset 0 or later, not " + next);
    }
    checks = java.util.Collections.unmodifiableMap(new TreeMap<>(checks));
  }

  /** A check's value, "" when the store did not record it. */
  public String check(String name) {
    return checks.getOrDefault(name, "");
  }
}
