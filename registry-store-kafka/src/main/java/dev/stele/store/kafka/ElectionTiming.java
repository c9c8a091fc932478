package dev.stele.store.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * The clocks of the leader election (docs/kafka-store.md, "Failover timing").
 *
 * @param session {@code kafkagroup.session.timeout.ms}: a member silent this long is dropped
 * @param heartbeat {@code kafkagroup.heartbeat.interval.ms}: also how soon a member hears that an
 *     election started
 * @param rebalance {@code kafkagroup.rebalance.timeout.ms}, sent as the consumer's
 *     {@code max.poll.interval.ms}: how long an election waits for every member to rejoin; the
 *     broker then drops those that did not (a crashed leader that the probe noticed)
 * @param probe {@code leader.probe.interval.ms}: how often a follower opens a connection to the
 *     leader's listener to learn that the leader's process is gone
 */
public record ElectionTiming(Duration session, Duration heartbeat, Duration rebalance,
    Duration probe) {
  public static final ElectionTiming DEFAULTS = new ElectionTiming(Duration.ofSeconds(6),
      Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMillis(250));

  /** @throws IllegalArgumentException for clocks that contradict each other, saying which */
  public ElectionTiming {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(rebalance, "rebalance");
    Objects.requireNonNull(probe, "probe");
    if (heartbeat.compareTo(session) >= 0) {
      throw new IllegalArgumentException("kafkagroup.heartbeat.interval.ms must be less than"
          + " kafkagroup.session.timeout.ms (a third of it is usual)");
    }
    // A live member learns of an election at its next heartbeat and then rejoins: with less
    // time than two heartbeats, live members would be dropped from elections too.
    if (rebalance.compareTo(heartbeat.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("kafkagroup.rebalance.timeout.ms must be at least twice"
          + " kafkagroup.heartbeat.interval.ms (members hear of an election at their heartbeat)");
    }
    if (probe.isNegative() || probe.isZero()) {
      throw new IllegalArgumentException("leader.probe.interval.ms must be positive");
    }
  }

  /** The rebalance timeout when none is set: 3 s, or two heartbeats if that is longer. */
  public static Duration defaultRebalance(Duration heartbeat) {
    Duration two = heartbeat.multipliedBy(2);
    return two.compareTo(DEFAULTS.rebalance()) > 0 ? two : DEFAULTS.rebalance();
  }
}
