package dev.stele.server;

import dev.stele.http.TlsOptions;
import dev.stele.http.auth.BearerAuthenticator;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How callers authenticate (../shared/API.md §6 {@code authentication.*}, plus Stele's own keys):
 * {@code authentication.method=BASIC} with {@code stele.auth.users.file} naming the users and
 * rules file (README "Security"); {@code BEARER} accepts JWT bearer tokens as well, checked with
 * the {@code stele.auth.jwt.*} keys, the users file giving the rules; NONE (the default) serves
 * without authentication.
 *
 * @param usersFile null when authentication is off; a relative path in a properties file is
 *     resolved against that file's directory, so an example directory works from anywhere
 * @param realm {@code authentication.realm}, named in the 401 challenge
 * @param openPaths {@code stele.auth.open.paths}: comma-separated paths served without
 *     credentials (health checks, metrics), each exact or a prefix ending in {@code *}
 * @param tls the {@code ssl.*} settings when a listener is {@code https://}; else null
 * @param bearer with {@code authentication.method=BEARER}: where token keys come from and what a
 *     token must say ({@code stele.auth.jwt.*}); else null
 */
public record SecuritySettings(Path usersFile, String realm, List<String> openPaths,
    TlsOptions tls, BearerAuthenticator.Settings bearer) {
  static final String METHOD = "authentication.method";
  static final String REALM = "authentication.realm";
  static final String USERS_FILE = "stele.auth.users.file";
  static final String OPEN_PATHS = "stele.auth.open.paths";
  static final String JWKS_URL = "stele.auth.jwt.jwks.url";
  static final String PUBLIC_KEY_FILE = "stele.auth.jwt.public.key.file";
  static final String ISSUER = "stele.auth.jwt.issuer";
  static final String AUDIENCE = "stele.auth.jwt.audience";
  static final String USER_CLAIM = "stele.auth.jwt.user.claim";
  static final String ROLES_CLAIM = "stele.auth.jwt.roles.claim";
  static final Set<String> JWT_KEYS =
      Set.of(JWKS_URL, PUBLIC_KEY_FILE, ISSUER, AUDIENCE, USER_CLAIM, ROLES_CLAIM);
  static final Set<String> KEYS = Set.of(METHOD, REALM, USERS_FILE, OPEN_PATHS, JWKS_URL,
      PUBLIC_KEY_FILE, ISSUER, AUDIENCE, USER_CLAIM, ROLES_CLAIM);
  static final String DEFAULT_REALM = "Stele";

  public static final SecuritySettings NONE =
      new SecuritySettings(null, DEFAULT_REALM, List.of(), null, null);

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
    if (!method.equals("BEARER")) {
      for (String key : JWT_KEYS) {
        if (text(values, key, null) != null) {
          // Token settings without tokens being accepted: the operator expects something else.
          throw new ConfigException(key + " is set but " + METHOD + " is not BEARER");
        }
      }
    }
    switch (method) {
      case "NONE" -> {
        if (file != null) {
          // The operator expects a secured registry: serving it open would be the worst outcome.
          throw new ConfigException(USERS_FILE + " is set but " + METHOD + " is not BASIC;"
              + " set " + METHOD + "=BASIC to require credentials");
        }
        return tls == null ? NONE : new SecuritySettings(null, DEFAULT_REALM, List.of(), tls, null);
      }
      case "BASIC", "BEARER" -> {
        if (file == null) {
          throw new ConfigException(METHOD + "=" + method + " needs " + USERS_FILE
              + " (the users and rules file; see README, Security)");
        }
        return new SecuritySettings(resolve(file, baseDir), text(values, REALM, DEFAULT_REALM),
            openPaths(text(values, OPEN_PATHS, "")), tls,
            method.equals("BEARER") ? bearer(values, baseDir) : null);
      }
      default -> throw new ConfigException(METHOD + "=" + method + " is not supported;"
          + " use BASIC, BEARER, or NONE to serve without authentication");
    }
  }

  private static Path resolve(String file, Path baseDir) {
    Path path = Path.of(file);
    if (!path.isAbsolute() && baseDir != null) {
      path = baseDir.resolve(path);
    }
    return path.normalize();
  }

  private static BearerAuthenticator.Settings bearer(Map<String, String> values, Path baseDir)
      throws ConfigException {
    String url = text(values, JWKS_URL, null);
    String keyFile = text(values, PUBLIC_KEY_FILE, null);
    if ((url == null) == (keyFile == null)) {
      throw new ConfigException(METHOD + "=BEARER needs exactly one of " + JWKS_URL + " and "
          + PUBLIC_KEY_FILE + " (where the token signing keys come from)");
    }
    URI jwks = null;
    if (url != null) {
      try {
        jwks = new URI(url);
      } catch (URISyntaxException e) {
        throw new ConfigException(JWKS_URL + "=" + url + " is not a URL", e);
      }
      if (!"https".equalsIgnoreCase(jwks.getScheme()) && !"http".equalsIgnoreCase(jwks.getScheme())
          || jwks.getHost() == null) {
        throw new ConfigException(JWKS_URL + "=" + url + " is not an http:// or https:// URL");
      }
    }
    return new BearerAuthenticator.Settings(jwks, keyFile == null ? null : resolve(keyFile, baseDir),
        text(values, ISSUER, null), text(values, AUDIENCE, null),
        text(values, USER_CLAIM, "sub"), text(values, ROLES_CLAIM, "roles"));
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
