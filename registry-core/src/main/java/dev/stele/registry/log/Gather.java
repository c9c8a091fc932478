package dev.stele.registry.log;

import java.time.Duration;
import java.util.Objects;

/**
 * How a store's writer gathers its next batch ({@link AppendQueue#take}): besides what is queued
 * already, wait for {@code more} appends, but no longer than {@code atMost} once something is
 * there. Group commit by itself takes whatever queued during the previous commit; when each
 * batch costs much more than its records (a Kafka transaction), waiting a moment for clients that
 * are about to send their next write makes fewer, larger batches (decision 0027).
 *
 * @param more appends expected soon beyond those queued (0: take what is there)
 * @param atMost the longest the writer holds a batch back for them
 */
public record Gather(int more, Duration atMost) {
  /** Take whatever is queued, at once. */
  public static final Gather NONE = new Gather(0, Duration.ZERO);

  public Gather {
    Objects.requireNonNull(atMost, "atMost");
    if (more < 0 || atMost.isNegative()) {
      throw new IllegalArgumentException("more and atMost must not be negative: " + more + ", " + atMost);
    }
  }
}
