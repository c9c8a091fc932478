package dev.stele.server;

import dev.stele.http.TlsOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How callers authenticate (../shared/API.md §6 {@code authentication.*}, plus Stele's own keys):
 * {@code authentication.method=BASIC} with {@code stele.auth.users.file} naming the users and
 * rules file (README "Security"); NONE (the default) serves without authentication.
 *
 * @param usersFile null when authentication is off; a relative path in a properties file is
 *     resolved against that file's directory, so an example directory works from anywhere
 * @param realm {@code authentication.realm}, named in the 401 challenge
 * @param openPaths {@code stele.auth.open.paths}: comma-separated paths served without
 *     credentials (health checks, metrics), each exact or a prefix ending in {@code *}
 * @param tls the {@code ssl.*} settings when a listener is {@code https://}; else null
 */
public record SecuritySettings(Path usersFile, String realm, List<String> openPaths,
    TlsOptions tls) {
  static final String METHOD = "authentication.method";
  static final String REALM = "authentication.realm";
  static final String USERS_FILE = "stele.auth.users.file";
  static final String OPEN_PATHS = "stele.auth.open.paths";
  static final Set<String> KEYS = Set.of(METHOD, REALM, USERS_FILE, OPEN_PATHS);
  static final String DEFAULT_REALM = "Stele";

  public static final SecuritySettings NONE =
      new SecuritySettings(null, DEFAULT_REALM, List.of(), null);

  public SecuritySettings {
    openPaths = List.copyOf(openPaths);
  }

  public boolean enabled() {
    return usersFile != null;
  }

  /** Whether this configuration acts on {@code key} (ssl.* only with an https:// listener). */
  boolean uses(String key) {
    return KEYS.contains(key) || tls != null && TlsSettings.KEYS.contains(key);
  }

  /** @param baseDir the properties file's directory (null: relative paths stay relative) */
  static SecuritySettings parse(Map<String, String> values, Path baseDir) throws ConfigException {
    String method = text(values, METHOD, "NONE").toUpperCase(Locale.ROOT);
    String file = text(values, USERS_FILE, null);
    TlsOptions tls = TlsSettings.parse(values, baseDir);
    switch (method) {
      case "NONE" -> {
        if (file != null) {
          // The operator expects a secured registry: serving it open would be the worst outcome.
          throw new ConfigException(USERS_FILE + " is set but " + METHOD + " is not BASIC;"
              + " set " + METHOD + "=BASIC to require credentials");
        }
        return tls == null ? NONE : new SecuritySettings(null, DEFAULT_REALM, List.of(), tls);
      }
      case "BASIC" -> {
        if (file == null) {
          throw new ConfigException(METHOD + "=BASIC needs " + USERS_FILE
              + " (the users and rules file; see README, Security)");
        }
        Path path = Path.of(file);
        if (!path.isAbsolute() && baseDir != null) {
          path = baseDir.resolve(path);
        }
        return new SecuritySettings(path.normalize(), text(values, REALM, DEFAULT_REALM),
            openPaths(text(values, OPEN_PATHS, "")), tls);
      }
      default -> throw new ConfigException(METHOD + "=" + method + " is not supported;"
          + " use BASIC, or NONE to serve without authentication");
    }
  }

  private static List<String> openPaths(String text) throws ConfigException {
    List<String> paths = new ArrayList<>();
    for (String item : text.split(",")) {
      String path = item.trim();
      if (path.isEmpty()) {
        continue;
      }
      if (!path.startsWith("/") || path.contains("..") || path.indexOf('*') != path.length() - 1
          && path.contains("*")) {
        throw new ConfigException(OPEN_PATHS + ": '" + path + "' must be a path such as"
            + " /health/live or a prefix such as /health/*");
      }
      paths.add(path);
    }
    return paths;
  }

  private static String text(Map<String, String> values, String key, String fallback) {
    String value = values.get(key);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
