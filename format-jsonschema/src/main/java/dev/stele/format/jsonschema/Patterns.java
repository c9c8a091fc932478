package dev.stele.format.jsonschema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Matches {@code patternProperties} patterns against property names during a diff. A schema's
 * author chooses the pattern, so a match is bounded: past a fixed number of character reads
 * (catastrophic backtracking) it counts as no match instead of running for minutes.
 */
final class Patterns {
  private static final int MAX_READS = 1_000_000;
  private static final int CACHE_LIMIT = 1_000;
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private Patterns() {}

  /** Whether {@code pattern} matches somewhere in {@code name} (JSON Schema's "find"). */
  static boolean find(String pattern, String name) {
    Pattern compiled = COMPILED.get(pattern);
    if (compiled == null) {
      compiled = Pattern.compile(pattern); // the loader already checked that it compiles
      if (COMPILED.size() >= CACHE_LIMIT) {
        COMPILED.clear();
      }
      COMPILED.put(pattern, compiled);
    }
    try {
      return compiled.matcher(new Bounded(name)).find();
    } catch (TooLong | StackOverflowError e) {
      return false;
    }
  }

  private static final class TooLong extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLong() {
      super(null, null, false, false);
    }
  }

  /** A string that refuses to be read more than {@link #MAX_READS} times. */
  private static final class Bounded implements CharSequence {
    private final String text;
    private int reads;

    Bounded(String text) {
      this.text = text;
    }

    @Override
    public char charAt(int index) {
      if (++reads > MAX_READS) {
        throw new TooLong();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
