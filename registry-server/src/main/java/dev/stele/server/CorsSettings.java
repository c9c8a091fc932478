package dev.stele.server;

import dev.stele.http.CorsOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Confluent registry's CORS keys (rest-utils' {@code access.control.*}), read into the
 * listeners' {@link CorsOptions}: comma-separated lists, blank meaning unset, as rest-utils
 * reads them. No {@code access.control.allow.origin}: no CORS, whatever the other keys say.
 */
final class CorsSettings {
  static final String ALLOW_ORIGIN = "access.control.allow.origin";
  static final String ALLOW_METHODS = "access.control.allow.methods";
  static final String ALLOW_HEADERS = "access.control.allow.headers";
  static final String EXPOSE_HEADERS = "access.control.expose.headers";
  static final Set<String> KEYS = Set.of(ALLOW_ORIGIN, ALLOW_METHODS, ALLOW_HEADERS, EXPOSE_HEADERS);

  private CorsSettings() {}

  static CorsOptions parse(Map<String, String> values) throws ConfigException {
    List<String> methods = list(values, ALLOW_METHODS);
    for (String method : methods) {
      // An HTTP token; a typo such as "GET;POST" would otherwise allow a method nobody sends.
      if (!method.matches("[A-Za-z]+")) {
        throw new ConfigException(ALLOW_METHODS + "=" + values.get(ALLOW_METHODS)
            + ": '" + method + "' is not an HTTP method; list them separated by commas");
      }
    }
    return new CorsOptions(list(values, ALLOW_ORIGIN), methods, list(values, ALLOW_HEADERS),
        list(values, EXPOSE_HEADERS));
  }

  private static List<String> list(Map<String, String> values, String key) {
    String text = values.get(key);
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
  }
}
