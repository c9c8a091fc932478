package dev.stele.server;

import dev.stele.http.TlsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Confluent's {@code ssl.*} keys (../shared/API.md §6) for {@code https://} listeners. They are
 * read only when a listener is {@code https://}; otherwise they are reported as not acted on.
 */
final class TlsSettings {
  static final String KEYSTORE = "ssl.keystore.location";
  static final String KEYSTORE_PASSWORD = "ssl.keystore.password";
  static final String KEYSTORE_TYPE = "ssl.keystore.type";
  static final String KEY_PASSWORD = "ssl.key.password";
  static final String TRUSTSTORE = "ssl.truststore.location";
  static final String TRUSTSTORE_PASSWORD = "ssl.truststore.password";
  static final String TRUSTSTORE_TYPE = "ssl.truststore.type";
  static final String CLIENT_AUTHENTICATION = "ssl.client.authentication";
  /** The older boolean form: true is REQUIRED. */
  static final String CLIENT_AUTH_OLD = "ssl.client.auth";
  static final String PROTOCOLS = "ssl.enabled.protocols";
  static final String CIPHER_SUITES = "ssl.cipher.suites";
  static final Set<String> KEYS = Set.of(KEYSTORE, KEYSTORE_PASSWORD, KEYSTORE_TYPE, KEY_PASSWORD,
      TRUSTSTORE, TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE, CLIENT_AUTHENTICATION, CLIENT_AUTH_OLD,
      PROTOCOLS, CIPHER_SUITES);

  private TlsSettings() {}

  /** The TLS options when {@code listeners} has an https:// entry; null otherwise. */
  static TlsOptions parse(Map<String, String> values, Path baseDir) throws ConfigException {
    String listeners = values.getOrDefault(ConfigKeys.LISTENERS, "").toLowerCase(Locale.ROOT);
    if (!listeners.contains("https://")) {
      return null;
    }
    String keystore = text(values, KEYSTORE);
    if (keystore == null) {
      throw new ConfigException("listeners: an https:// listener needs " + KEYSTORE
          + " (and " + KEYSTORE_PASSWORD + ")");
    }
    String truststore = text(values, TRUSTSTORE);
    String clientAuth = text(values, CLIENT_AUTHENTICATION);
    if (clientAuth == null) {
      clientAuth = "true".equalsIgnoreCase(text(values, CLIENT_AUTH_OLD)) ? "REQUIRED" : "NONE";
    }
    try {
      return new TlsOptions(
          new TlsOptions.Store(file(KEYSTORE, keystore, baseDir), text(values, KEYSTORE_PASSWORD),
              text(values, KEYSTORE_TYPE)),
          text(values, KEY_PASSWORD),
          truststore == null ? null : new TlsOptions.Store(file(TRUSTSTORE, truststore, baseDir),
              text(values, TRUSTSTORE_PASSWORD), text(values, TRUSTSTORE_TYPE)),
          clientAuth, list(values, PROTOCOLS), list(values, CIPHER_SUITES));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  private static String file(String key, String text, Path baseDir) throws ConfigException {
    Path path = Path.of(text);
    if (!path.isAbsolute() && baseDir != null) {
      path = baseDir.resolve(path);
    }
    if (!Files.isReadable(path)) {
      throw new ConfigException(key + "=" + text + ": no readable file at " + path);
    }
    return path.toString();
  }

  private static List<String> list(Map<String, String> values, String key) {
    String text = text(values, key);
    return text == null ? List.of()
        : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String text(Map<String, String> values, String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
