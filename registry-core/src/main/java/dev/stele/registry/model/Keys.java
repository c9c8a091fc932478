package dev.stele.registry.model;

import dev.stele.kms.DekFormat;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** What the DEK registry answers: a KEK and a DEK as Confluent's {@code Kek} and {@code Dek} show them. */
public final class Keys {
  /** The kmsProps that hold a KMS credential, per driver (Confluent's list): never answered. */
  private static final Set<String> SECRET_PROPS = Set.of("token.id", "approle.secret.id",
      "ssl.keystore.password", "secret.access.key", "client.secret", "private.key", "secret");

  private Keys() {}

  /**
   * A key encryption key.
   *
   * @param kmsProps as stored, secrets included: {@link #redacted} before it leaves the server
   * @param ts when its last record was written (epoch millis)
   */
  public record Kek(String name, String kmsType, String kmsKeyId, SortedMap<String, String> kmsProps,
      String doc, boolean shared, long ts, boolean deleted) {
    public Kek {
      Objects.requireNonNull(name, "name");
      kmsProps = Collections.unmodifiableSortedMap(new TreeMap<>(kmsProps));
    }

    /** The same without the properties that carry credentials, for an answer. */
    public Kek redacted() {
      return new Kek(name, kmsType, kmsKeyId, withoutSecrets(kmsProps), doc, shared, ts, deleted);
    }
  }

  /**
   * One version of a data encryption key.
   *
   * @param keyMaterial the raw key (base64), present only when the KEK is shared and the server
   *     unwrapped it for this answer; never stored
   */
  public record Dek(String kekName, String subject, int version, DekFormat algorithm,
      String encryptedKeyMaterial, String keyMaterial, long ts, boolean deleted) {
    public Dek withKeyMaterial(String material) {
      return new Dek(kekName, subject, version, algorithm, encryptedKeyMaterial, material, ts, deleted);
    }
  }

  /** {@code props} without the credentials. */
  public static SortedMap<String, String> withoutSecrets(Map<String, String> props) {
    SortedMap<String, String> copy = new TreeMap<>(props);
    copy.keySet().removeAll(SECRET_PROPS);
    return copy;
  }

  /**
   * An update's kmsProps against the stored ones: a credential the update leaves out (a client
   * sending back what it read, which never shows them) keeps its stored value.
   */
  public static SortedMap<String, String> mergeSecrets(Map<String, String> requested,
      Map<String, String> stored) {
    SortedMap<String, String> merged = new TreeMap<>(requested);
    for (String key : SECRET_PROPS) {
      if (stored.containsKey(key) && !merged.containsKey(key)) {
        merged.put(key, stored.get(key));
      }
    }
    return merged;
  }
}
