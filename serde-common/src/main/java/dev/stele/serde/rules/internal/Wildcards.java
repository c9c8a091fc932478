package dev.stele.serde.rules.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Matches dotted names against metadata tag paths as Confluent does: {@code ?} is one character
 * and {@code *} any run of characters within one name, {@code **} any run across dots
 * ({@code a.**.*} reads as {@code a.**}); a backslash takes the next character literally.
 * Patterns are compiled once: a schema has a handful, matched for every field of every message.
 */
public final class Wildcards {
  private static final ConcurrentHashMap<String, Pattern> COMPILED = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 10_000;

  private Wildcards() {}

  public static boolean matches(String name, String pattern) {
    Pattern compiled = COMPILED.get(pattern);
    if (compiled == null) {
      compiled = Pattern.compile(toRegex(pattern));
      if (COMPILED.size() < MAX_CACHED) {
        COMPILED.put(pattern, compiled);
      }
    }
    return compiled.matcher(name).matches();
  }

  static String toRegex(String pattern) {
    String glob = pattern.replace("**.*", "**");
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          regex.append(".*");
          i++;
        } else {
          regex.append("[^.]*");
        }
      } else if (c == '?') {
        regex.append("[^.]");
      } else if (c == '\\' && i + 1 < glob.length()) {
        regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
