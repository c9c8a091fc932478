package dev.stele.client.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The options of the first login module in a Kafka {@code sasl.jaas.config} value, e.g.
 * {@code org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";}.
 * Enough of JAAS's grammar for {@code basic.auth.credentials.source=SASL_INHERIT}: a module class,
 * a control flag, then {@code name=value} pairs, values quoted (backslash escapes) or bare.
 */
public final class JaasOptions {
  private JaasOptions() {}

  /** @throws IllegalArgumentException naming {@code key} when the text does not parse */
  public static Map<String, String> firstModule(String key, String text) {
    Map<String, String> options = new HashMap<>();
    int[] at = {0};
    String module = word(text, at);
    String flag = word(text, at);
    if (module.isEmpty() || flag.isEmpty()) {
      throw new IllegalArgumentException(key + " does not start with a login module and a control flag");
    }
    while (true) {
      skipSpace(text, at);
      if (at[0] >= text.length() || text.charAt(at[0]) == ';') {
        return options;
      }
      int equals = text.indexOf('=', at[0]);
      if (equals < 0) {
        throw new IllegalArgumentException(key + ": expected name=value at position " + at[0]);
      }
      String name = text.substring(at[0], equals).trim();
      at[0] = equals + 1;
      skipSpace(text, at);
      options.put(name, at[0] < text.length() && text.charAt(at[0]) == '"' ? quoted(key, text, at) : word(text, at));
    }
  }

  private static String quoted(String key, String text, int[] at) {
    StringBuilder value = new StringBuilder();
    for (int i = at[0] + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        value.append(text.charAt(++i));
      } else if (c == '"') {
        at[0] = i + 1;
        return value.toString();
      } else {
        value.append(c);
      }
    }
    throw new IllegalArgumentException(key + ": a quoted value is not closed");
  }

  private static String word(String text, int[] at) {
    skipSpace(text, at);
    int start = at[0];
    while (at[0] < text.length() && !Character.isWhitespace(text.charAt(at[0])) && text.charAt(at[0]) != ';') {
      at[0]++;
    }
    return text.substring(start, at[0]);
  }

  private static void skipSpace(String text, int[] at) {
    while (at[0] < text.length() && Character.isWhitespace(text.charAt(at[0]))) {
      at[0]++;
    }
  }
}
