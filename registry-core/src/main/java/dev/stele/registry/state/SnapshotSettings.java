package dev.stele.registry.state;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a node keeps the snapshot of its state for a quick restart, and how often it saves one
 * (decision 0016), on either store. The keys are store-neutral ({@code stele.snapshot.*}); the
 * Kafka store's first names ({@code stele.kafkastore.snapshot.*}) are still read, on both stores.
 *
 * @param dir the folder ({@code stele.snapshot.dir}); null: no snapshots
 * @param interval {@code stele.snapshot.interval.ms}: at most one snapshot per interval, and none
 *     while nothing new was applied; one more on a clean shutdown
 */
public record SnapshotSettings(Path dir, Duration interval) {
  public static final String ENABLED = "stele.snapshot.enabled";
  public static final String DIR = "stele.snapshot.dir";
  public static final String INTERVAL = "stele.snapshot.interval.ms";
  /** The names these keys had when only the Kafka store kept snapshots; still accepted. */
  public static final String OLD_ENABLED = "stele.kafkastore.snapshot.enabled";
  public static final String OLD_DIR = "stele.kafkastore.snapshot.dir";
  public static final String OLD_INTERVAL = "stele.kafkastore.snapshot.interval.ms";
  public static final Set<String> KEYS =
      Set.of(ENABLED, DIR, INTERVAL, OLD_ENABLED, OLD_DIR, OLD_INTERVAL);

  /**
   * A snapshot of 1,000,000 schemas is a few hundred MB written in a few seconds; every five
   * minutes bounds what a crash leaves to replay to five minutes of writes, at little cost.
   */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
  public static final SnapshotSettings OFF = new SnapshotSettings(null, DEFAULT_INTERVAL);

  public SnapshotSettings {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("a snapshot interval must be positive, not " + interval);
    }
  }

  public boolean enabled() {
    return dir != null;
  }

  /** The snapshot file of a log (its name must be a safe file name: [a-zA-Z0-9._-]). */
  public Path file(String logName) {
    return dir.resolve(logName + ".snapshot");
  }

  /**
   * Reads the keys from server properties: on by default, in {@code dataDir}'s
   * {@code snapshots} folder (null {@code dataDir}, as tests and tools have: off unless a folder is
   * named).
   *
   * @throws IllegalArgumentException naming the key of an invalid value, or both names of a
   *     setting given different values
   */
  public static SnapshotSettings fromProperties(Map<String, String> properties, Path dataDir) {
    if (!bool(given(properties, ENABLED, OLD_ENABLED))) {
      return OFF;
    }
    Given dir = given(properties, DIR, OLD_DIR);
    if (dir.value() == null && dataDir == null) {
      return OFF;
    }
    return new SnapshotSettings(dir.value() == null ? dataDir.resolve("snapshots") : Path.of(dir.value()),
        Duration.ofMillis(millis(given(properties, INTERVAL, OLD_INTERVAL))));
  }

  /** A setting's value (null: not set) and the name it was given under, for messages. */
  private record Given(String key, String value) {}

  /** The value under the new name or the old one; both with different values is refused. */
  private static Given given(Map<String, String> properties, String key, String oldKey) {
    String now = text(properties.get(key));
    String old = text(properties.get(oldKey));
    if (now != null && old != null && !now.equals(old)) {
      throw new IllegalArgumentException(key + "=" + now + " and its old name " + oldKey + "=" + old
          + " disagree; keep " + key + " only");
    }
    return now != null || old == null ? new Given(key, now) : new Given(oldKey, old);
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static boolean bool(Given given) {
    String value = given.value();
    if (value == null) {
      return true;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(given.key() + "=" + value + " is not true or false");
  }

  private static long millis(Given given) {
    String value = given.value();
    if (value == null) {
      return DEFAULT_INTERVAL.toMillis();
    }
    try {
      long number = Long.parseLong(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(given.key() + "=" + value + " must be a positive whole number");
  }
}
