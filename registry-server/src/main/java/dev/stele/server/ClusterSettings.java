package dev.stele.server;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How a node on the Kafka store takes part in leader election (../shared/API.md §3.5, §6).
 *
 * @param leaderEligible {@code leader.eligibility} (old name {@code master.eligibility}): false
 *     never leads, only forwards writes
 * @param sessionTimeout {@code kafkagroup.session.timeout.ms}: a leader that stops heartbeating is
 *     replaced after this long. Stele's default is 6 s (the broker's minimum), not Confluent's
 *     10 s, so writes resume within seconds of a crash.
 * @param heartbeat {@code kafkagroup.heartbeat.interval.ms} (1 s by default here)
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
public record ClusterSettings(boolean leaderEligible, Duration sessionTimeout, Duration heartbeat,
    boolean sticky, Duration leaderWait) {
  static final String ELIGIBILITY = "leader.eligibility";
  static final String ELIGIBILITY_OLD = "master.eligibility";
  static final String SESSION_TIMEOUT = "kafkagroup.session.timeout.ms";
  static final String HEARTBEAT = "kafkagroup.heartbeat.interval.ms";
  static final String STICKY = "leader.election.sticky";
  static final String LEADER_WAIT = "stele.leader.wait.ms";
  static final Set<String> KEYS = Set.of(ELIGIBILITY, ELIGIBILITY_OLD, SESSION_TIMEOUT, HEARTBEAT,
      STICKY, LEADER_WAIT);

  public static final ClusterSettings DEFAULTS = new ClusterSettings(true, Duration.ofSeconds(6),
      Duration.ofSeconds(1), true, Duration.ofSeconds(15));

  static ClusterSettings parse(Map<String, String> values) throws ConfigException {
    String key = present(values, ELIGIBILITY) ? ELIGIBILITY : ELIGIBILITY_OLD;
    boolean eligible = bool(values, key, DEFAULTS.leaderEligible());
    boolean sticky = bool(values, STICKY, DEFAULTS.sticky());
    Duration wait = millis(values, LEADER_WAIT, DEFAULTS.leaderWait());
    Duration session = millis(values, SESSION_TIMEOUT, DEFAULTS.sessionTimeout());
    Duration heartbeat = millis(values, HEARTBEAT, DEFAULTS.heartbeat());
    if (heartbeat.compareTo(session) >= 0) {
      throw new ConfigException(HEARTBEAT + " must be less than " + SESSION_TIMEOUT
          + " (a third of it is usual)");
    }
    return new ClusterSettings(eligible, session, heartbeat, sticky, wait);
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
