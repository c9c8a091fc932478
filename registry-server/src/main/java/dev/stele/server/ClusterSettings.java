package dev.stele.server;

import dev.stele.store.kafka.ElectionTiming;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How a node on the Kafka store takes part in leader election (../shared/API.md §3.5, §6).
 *
 * @param leaderEligible {@code leader.eligibility} (old name {@code master.eligibility}): false
 *     never leads, only forwards writes
 * @param timing the election's clocks: {@code kafkagroup.session.timeout.ms} (a leader that stops
 *     heartbeating is replaced after this long; Stele's default is 6 s, the broker's minimum, not
 *     Confluent's 10 s), {@code kafkagroup.heartbeat.interval.ms} (1 s here),
 *     {@code kafkagroup.rebalance.timeout.ms} (3 s, or two heartbeats if longer: how long an
 *     election waits for members to rejoin before dropping a crashed one) and
 *     {@code leader.probe.interval.ms} (250 ms: how often followers check the leader's listener)
 * @param sticky {@code leader.election.sticky}: a leader keeps leading while it is in the group
 *     and eligible, instead of the smallest URL taking over whenever it joins. Stele's default is
 *     true, Confluent's false: with false, every rolling restart moves leadership twice (away
 *     from the smallest URL when it stops, back when it returns), and each move is a takeover
 *     during which writes wait.
 * @param leaderWait {@code stele.leader.wait.ms}: how long a write that arrives while no leader
 *     is known (a node joining, an election under way, a leader taking over or stopping) waits
 *     for one before it is answered 50004; 15 s covers a crashed leader's 6 s session and the
 *     takeover, and stays below clients' usual 30 to 60 s read timeouts
 */
public record ClusterSettings(boolean leaderEligible, ElectionTiming timing, boolean sticky,
    Duration leaderWait) {
  static final String ELIGIBILITY = "leader.eligibility";
  static final String ELIGIBILITY_OLD = "master.eligibility";
  static final String SESSION_TIMEOUT = "kafkagroup.session.timeout.ms";
  static final String HEARTBEAT = "kafkagroup.heartbeat.interval.ms";
  static final String REBALANCE_TIMEOUT = "kafkagroup.rebalance.timeout.ms";
  static final String PROBE_INTERVAL = "leader.probe.interval.ms";
  static final String STICKY = "leader.election.sticky";
  static final String LEADER_WAIT = "stele.leader.wait.ms";
  static final Set<String> KEYS = Set.of(ELIGIBILITY, ELIGIBILITY_OLD, SESSION_TIMEOUT, HEARTBEAT,
      REBALANCE_TIMEOUT, PROBE_INTERVAL, STICKY, LEADER_WAIT);

  public static final ClusterSettings DEFAULTS = new ClusterSettings(true, ElectionTiming.DEFAULTS,
      true, Duration.ofSeconds(15));

  static ClusterSettings parse(Map<String, String> values) throws ConfigException {
    String key = present(values, ELIGIBILITY) ? ELIGIBILITY : ELIGIBILITY_OLD;
    boolean eligible = bool(values, key, DEFAULTS.leaderEligible());
    boolean sticky = bool(values, STICKY, DEFAULTS.sticky());
    Duration wait = millis(values, LEADER_WAIT, DEFAULTS.leaderWait());
    return new ClusterSettings(eligible, timing(values), sticky, wait);
  }

  private static ElectionTiming timing(Map<String, String> values) throws ConfigException {
    ElectionTiming defaults = ElectionTiming.DEFAULTS;
    Duration session = millis(values, SESSION_TIMEOUT, defaults.session());
    Duration heartbeat = millis(values, HEARTBEAT, defaults.heartbeat());
    Duration rebalance = millis(values, REBALANCE_TIMEOUT, ElectionTiming.defaultRebalance(heartbeat));
    if (present(values, REBALANCE_TIMEOUT) && rebalance.compareTo(session) > 0) {
      // The session would drop a crashed leader first: the probe's election could not help.
      throw new ConfigException(REBALANCE_TIMEOUT + " must not exceed " + SESSION_TIMEOUT
          + " (a crashed leader's session would end before the election it shortens)");
    }
    Duration probe = millis(values, PROBE_INTERVAL, defaults.probe());
    try {
      return new ElectionTiming(session, heartbeat, rebalance, probe);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static boolean bool(Map<String, String> values, String key, boolean fallback)
      throws ConfigException {
    if (!present(values, key)) {
      return fallback;
    }
    String text = values.get(key).trim();
    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
      throw new ConfigException(key + "=" + text + " is not true or false");
    }
    return Boolean.parseBoolean(text);
  }

  private static boolean present(Map<String, String> values, String key) {
    return values.get(key) != null && !values.get(key).isBlank();
  }

  private static Duration millis(Map<String, String> values, String key, Duration fallback)
      throws ConfigException {
    if (!present(values, key)) {
      return fallback;
    }
    String text = values.get(key).trim();
    try {
      long value = Long.parseLong(text);
      if (value > 0 && value <= Integer.MAX_VALUE) {
        return Duration.ofMillis(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(key + "=" + text + " must be a positive number of milliseconds");
  }
}
