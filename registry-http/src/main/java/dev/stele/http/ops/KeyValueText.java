package dev.stele.http.ops;

/**
 * The text form of a key/value pair in a log line, {@code key=value}: the value is quoted when it
 * holds a space, a quote, an equals sign or a control character, so that a subject or path an
 * attacker chose cannot forge another field or a second line. The audit sink of the tests and
 * the server's text log format write pairs the same way.
 */
public final class KeyValueText {
  private KeyValueText() {}

  /** Appends {@code key=value}, quoted as above; a null value is written as {@code -}. */
  public static void append(StringBuilder out, String key, Object value) {
    String text = value == null ? "-" : value.toString();
    out.append(key).append('=');
    if (text.isEmpty() || text.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=' || c < 0x20 || c == 0x7f)) {
      out.append('"');
      text.chars().forEach(c -> {
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c < 0x20 || c == 0x7f ? '?' : (char) c);
      });
      out.append('"');
    } else {
      out.append(text);
    }
  }
}
