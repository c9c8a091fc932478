package dev.stele.serde.rules.encryption.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.kms.DekFormat;
import dev.stele.kms.KmsKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** The DEK registry's answers as the executors need them (Confluent's {@code Kek} and {@code Dek} JSON). */
final class Keys {
  private Keys() {}

  /** A key encryption key: where the KMS holds it, and whether the registry wraps DEKs itself. */
  record Kek(String name, String kmsType, String kmsKeyId, Map<String, String> kmsProps, boolean shared) {
    static Kek of(JsonNode node) {
      Map<String, String> props = new LinkedHashMap<>();
      node.path("kmsProps").properties().forEach(e -> props.put(e.getKey(), e.getValue().asText()));
      return new Kek(node.path("name").asText(), node.path("kmsType").asText(null),
          node.path("kmsKeyId").asText(null), Map.copyOf(props), node.path("shared").asBoolean(false));
    }

    Kek withKeyId(String keyId) {
      return keyId.equals(kmsKeyId) ? this : new Kek(name, kmsType, keyId, kmsProps, shared);
    }

    /** The KMS key, with the client's own driver settings (e.g. local-kms's {@code secret}) over the KEK's. */
    KmsKey kmsKey(Map<String, String> clientProps) {
      Map<String, String> props = new LinkedHashMap<>(kmsProps);
      props.putAll(clientProps);
      return KmsKey.of(kmsType, kmsKeyId, props);
    }
  }

  /**
   * One version of a data encryption key, as stored: the material wrapped by the KEK and, when
   * the registry unwrapped it (a shared KEK), the raw material too; {@code ts} is when it was made.
   */
  record Dek(String kekName, String subject, int version, DekFormat algorithm, String encryptedKeyMaterial,
      String keyMaterial, long ts) {
    static Dek of(JsonNode node) {
      DekFormat algorithm = DekFormat.named(node.path("algorithm").asText(""));
      if (algorithm == null) {
        throw new IllegalArgumentException("the DEK registry answered a DEK with algorithm "
            + node.path("algorithm") + ", which this client does not know");
      }
      return new Dek(node.path("kekName").asText(), node.path("subject").asText(), node.path("version").asInt(),
          algorithm, node.path("encryptedKeyMaterial").asText(null), node.path("keyMaterial").asText(null),
          node.path("ts").asLong());
    }

    @Override
    public String toString() {
      return "DEK " + kekName + "/" + subject + " v" + version + " " + algorithm;
    }
  }
}
