package dev.stele.store.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a node keeps the snapshot of its state for a quick restart, and how often it saves one
 * (decision 0016).
 *
 * @param dir the folder ({@code stele.kafkastore.snapshot.dir}); null: no snapshots
 * @param interval {@code stele.kafkastore.snapshot.interval.ms}: at most one snapshot per
 *     interval, and none while nothing new was read; one more on a clean shutdown
 */
public record SnapshotSettings(Path dir, Duration interval) {
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

  /** The file of {@code topic}'s snapshot (topic names are safe file names: [a-zA-Z0-9._-]). */
  Path file(String topic) {
    return dir.resolve(topic + ".snapshot");
  }
}
