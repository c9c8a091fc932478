package dev.stele.acceptance;

import java.time.Duration;

/**
 * A wall-clock ceiling an acceptance test asserts: the CI default unless
 * {@code -Dstele.ceiling.<name>.ms} says otherwise, so a slower machine can raise it without a code
 * change. Tests print what they measured beside the ceiling, so a run shows how close it came.
 *
 * @param name the key between {@code stele.ceiling.} and {@code .ms}
 */
record Ceiling(String name, Duration limit) {
  static Ceiling of(String name, Duration ciDefault) {
    Long millis = Long.getLong(property(name));
    return new Ceiling(name, millis == null ? ciDefault : Duration.ofMillis(millis));
  }

  long millis() {
    return limit.toMillis();
  }

  /** "NAME: 1234 ms (ceiling 10000 ms, -Dstele.ceiling.NAME.ms)", for the printed report. */
  String report(long measuredMillis) {
    return name + ": " + measuredMillis + " ms (ceiling " + millis() + " ms, -D" + property(name)
        + ")";
  }

  private static String property(String name) {
    return "stele.ceiling." + name + ".ms";
  }
}
