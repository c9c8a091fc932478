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

  /**
   * How the log's record at {@code next - 1} differs from the one this mark was taken after: the
   * first of {@code now} (that record's facts as the store reads them now) that this mark
   * records otherwise; empty when none does.
   */
  public java.util.Optional<String> differenceFrom(Map<String, String> now) {
    return difference("the record at offset " + (next - 1), checks, now);
  }

  /**
   * The first fact of {@code now} that {@code noted} records otherwise, worded for a log whose
   * {@code record} (e.g. "the record at offset 41 of '_schemas'") changed since a snapshot noted
   * it; empty when none differs. Facts absent from {@code noted} count as "". Both stores compare
   * through this one rule (the Kafka store also for its key topic, whose facts a mark carries
   * under a prefix).
   */
  public static java.util.Optional<String> difference(String record, Map<String, String> noted,
      Map<String, String> now) {
    for (Map.Entry<String, String> fact : new TreeMap<>(now).entrySet()) {
      String was = noted.getOrDefault(fact.getKey(), "");
      if (!fact.getValue().equals(was)) {
        return java.util.Optional.of(record + " differs from the one the snapshot was taken after ("
            + fact.getKey() + " " + was + ", now " + fact.getValue() + ")");
      }
    }
    return java.util.Optional.empty();
  }

  /** The SHA-256 of a record's key or value, in hex ("null" for none): a fact stores compare. */
  public static String sha256(byte[] bytes) {
    if (bytes == null) {
      return "null";
    }
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
