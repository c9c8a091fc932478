package dev.stele.server;

import java.util.Locale;

/**
 * {@code stele.log.format}: how the server's log lines look on stderr. {@code text} (the default)
 * is one line of {@code timestamp level logger - message key=value...}; {@code json} is one JSON
 * object per line (logback's JsonEncoder), for log shippers. logback.xml picks its appender from
 * the system property of the same name, so {@link #install} must run before the first logger is
 * created: logback reads its configuration once, then.
 */
public enum LogFormat {
  TEXT,
  JSON;

  static final String KEY = "stele.log.format";
  /** For bin/stele-start without editing the properties file. */
  static final String ENV = "STELE_LOG_FORMAT";

  /** A value of the key; null or blank is the default, {@link #TEXT}. */
  static LogFormat parse(String text) throws ConfigException {
    return parse(KEY, text);
  }

  /**
   * The format in force: the system property {@code stele.log.format}, else the environment
   * variable {@code STELE_LOG_FORMAT}, else {@code fromFile} (the properties file's key). A start
   * command's choice wins over the file's, as an operator expects of a one-off override.
   */
  static LogFormat choose(LogFormat fromFile, String systemProperty, String environment)
      throws ConfigException {
    if (systemProperty != null && !systemProperty.isBlank()) {
      return parse("-D" + KEY, systemProperty);
    }
    if (environment != null && !environment.isBlank()) {
      return parse(ENV, environment);
    }
    return fromFile;
  }

  /** Sets the system property that logback.xml reads. */
  void install() {
    System.setProperty(KEY, name().toLowerCase(Locale.ROOT));
  }

  private static LogFormat parse(String where, String text) throws ConfigException {
    if (text == null || text.isBlank()) {
      return TEXT;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "text" -> TEXT;
      case "json" -> JSON;
      default -> throw new ConfigException(where + "=" + text.trim() + " is not a log format; use text"
          + " or json");
    };
  }
}
