package dev.stele.client;

import dev.stele.client.internal.ConfigValues;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TLS for {@code https} registries, under Confluent's {@code schema.registry.ssl.*} keys (Kafka's
 * client SSL keys, prefixed). Null locations mean the JDK's default trust store and no client
 * certificate; null protocol, protocol and cipher lists mean the JDK's defaults.
 *
 * @param endpointIdentification {@code https} checks the server's host name against its
 *     certificate; empty skips the check (Kafka's {@code ssl.endpoint.identification.algorithm})
 * @param truststoreCertificates {@code truststore.certificates}: trusted certificates as PEM text,
 *     instead of a trust store file (type PEM)
 * @param keystoreKey {@code keystore.key}: the client's PKCS#8 private key as PEM text (type PEM)
 * @param keystoreCertificateChain {@code keystore.certificate.chain}: its certificates as PEM text
 */
public record SslSettings(String truststoreLocation, String truststorePassword, String truststoreType,
    String keystoreLocation, String keystorePassword, String keystoreType, String keyPassword,
    String protocol, List<String> enabledProtocols, List<String> cipherSuites, String endpointIdentification,
    String keyManagerAlgorithm, String trustManagerAlgorithm, String secureRandom,
    String truststoreCertificates, String keystoreKey, String keystoreCertificateChain) {
  public static final String PREFIX = "schema.registry.ssl.";
  public static final SslSettings NONE = new SslSettings(null, null, "JKS", null, null, "JKS", null);

  public SslSettings {
    enabledProtocols = enabledProtocols == null ? null : List.copyOf(enabledProtocols);
    cipherSuites = cipherSuites == null ? null : List.copyOf(cipherSuites);
    endpointIdentification = endpointIdentification == null ? "https" : endpointIdentification;
    pemRules(truststoreLocation, truststorePassword, truststoreType, truststoreCertificates, null, "truststore");
    pemRules(keystoreLocation, keystorePassword, keystoreType, keystoreKey, keystoreCertificateChain, "keystore");
  }

  /**
   * Kafka's rules for PEM stores, so that a setting that would be ignored fails instead: inline
   * PEM needs type PEM and no file; a PEM store has no store password (only the key's).
   */
  private static void pemRules(String location, String password, String type, String inline, String chain,
      String store) {
    boolean pem = "PEM".equalsIgnoreCase(type);
    String inlineKey = store.equals("truststore") ? "truststore.certificates" : "keystore.key";
    if ((inline != null || chain != null) && !pem) {
      throw new IllegalArgumentException(PREFIX + inlineKey + " is PEM text: set " + PREFIX + store + ".type=PEM");
    }
    if (inline != null && location != null) {
      throw new IllegalArgumentException("set either " + PREFIX + store + ".location or " + PREFIX + inlineKey
          + ", not both");
    }
    if (store.equals("keystore") && (inline == null) != (chain == null)) {
      throw new IllegalArgumentException(PREFIX + "keystore.key and " + PREFIX
          + "keystore.certificate.chain go together");
    }
    if (pem && password != null) {
      throw new IllegalArgumentException(PREFIX + store + ".password has no meaning for a PEM " + store
          + (store.equals("keystore") ? "; an encrypted key's password is " + PREFIX + "key.password" : ""));
    }
    if (pem && location == null && inline == null) {
      throw new IllegalArgumentException(PREFIX + store + ".type=PEM needs " + PREFIX + store + ".location or "
          + PREFIX + inlineKey);
    }
  }

  /** Stores only, everything else the JDK's defaults, host names checked. */
  public SslSettings(String truststoreLocation, String truststorePassword, String truststoreType,
      String keystoreLocation, String keystorePassword, String keystoreType, String keyPassword) {
    this(truststoreLocation, truststorePassword, truststoreType, keystoreLocation, keystorePassword, keystoreType,
        keyPassword, null, null, null, "https", null, null, null, null, null, null);
  }

  /** Whether the JDK's default TLS setup serves as is. */
  public boolean isDefault() {
    return truststoreLocation == null && keystoreLocation == null && truststoreCertificates == null
        && keystoreKey == null && protocol == null && enabledProtocols == null
        && cipherSuites == null && checksHostName() && keyManagerAlgorithm == null && trustManagerAlgorithm == null
        && secureRandom == null;
  }

  public boolean checksHostName() {
    return !endpointIdentification.isEmpty();
  }

  static SslSettings fromMap(Map<String, ?> configs) {
    String identification = get(configs, "endpoint.identification.algorithm", "https");
    if (identification.equalsIgnoreCase("none")) {
      identification = ""; // Confluent's client also reads "none" as "no check"
    } else if (!identification.isEmpty() && !identification.equalsIgnoreCase("https")) {
      throw new IllegalArgumentException(PREFIX + "endpoint.identification.algorithm must be https, none or empty,"
          + " not '" + identification + "'");
    }
    return new SslSettings(get(configs, "truststore.location", null), get(configs, "truststore.password", null),
        storeType(configs, "truststore.type"), get(configs, "keystore.location", null),
        get(configs, "keystore.password", null), storeType(configs, "keystore.type"),
        get(configs, "key.password", null), get(configs, "protocol", null), list(configs, "enabled.protocols"),
        list(configs, "cipher.suites"), identification.toLowerCase(Locale.ROOT),
        get(configs, "keymanager.algorithm", null), get(configs, "trustmanager.algorithm", null),
        get(configs, "secure.random.implementation", null), get(configs, "truststore.certificates", null),
        get(configs, "keystore.key", null), get(configs, "keystore.certificate.chain", null));
  }

  private static String storeType(Map<String, ?> configs, String key) {
    String type = get(configs, key, "JKS");
    return type.equalsIgnoreCase("PEM") ? "PEM" : type;
  }

  private static List<String> list(Map<String, ?> configs, String key) {
    List<String> items = new ConfigValues(configs).list(PREFIX + key);
    return items.isEmpty() ? null : items;
  }

  private static String get(Map<String, ?> configs, String key, String fallback) {
    Object value = configs.get(PREFIX + key);
    if (value == null) {
      return fallback;
    }
    String text = ConfigValues.text(value).trim();
    return text.isEmpty() && !key.equals("endpoint.identification.algorithm") ? fallback : text;
  }

  @Override
  public String toString() {
    // Never the inline PEM: keystore.key is a private key.
    return "SslSettings[truststore=" + (truststoreCertificates != null ? "(inline PEM)" : truststoreLocation)
        + ", keystore=" + (keystoreKey != null ? "(inline PEM)" : keystoreLocation) + "]";
  }
}
