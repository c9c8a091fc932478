package dev.stele.server;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * "Did you mean ..." for a setting nobody knows: the known key fewest edits away, if it is close
 * enough to be a typo ({@code schema.compatability.level} for {@code schema.compatibility.level}).
 * The edit distance is a dozen lines over keys of a few dozen characters; not worth a library.
 */
final class KeySuggestions {
  private KeySuggestions() {}

  static Optional<String> closest(String key, Collection<String> known) {
    int allowed = Math.max(2, key.length() / 8);
    return known.stream()
        .filter(candidate -> Math.abs(candidate.length() - key.length()) <= allowed)
        .map(candidate -> new Scored(candidate, distance(key, candidate)))
        .filter(scored -> scored.edits() <= allowed)
        .min(Comparator.comparingInt(Scored::edits).thenComparing(Scored::key))
        .map(Scored::key);
  }

  private record Scored(String key, int edits) {}

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
