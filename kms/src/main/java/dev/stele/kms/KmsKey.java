package dev.stele.kms;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A key encryption key as a KMS knows it: the KMS's kind ({@code kmsType}, e.g. {@code local-kms},
 * {@code aws-kms}), the key's id there ({@code kmsKeyId}) and the driver's properties
 * ({@code kmsProps}, e.g. a region or the local driver's secret). The same three fields a KEK of
 * the DEK registry carries.
 */
public record KmsKey(String kmsType, String kmsKeyId, SortedMap<String, String> kmsProps) {
  public KmsKey {
    Objects.requireNonNull(kmsType, "kmsType");
    Objects.requireNonNull(kmsKeyId, "kmsKeyId");
    kmsProps = kmsProps == null ? new TreeMap<>() : new TreeMap<>(kmsProps);
  }

  public static KmsKey of(String kmsType, String kmsKeyId, Map<String, String> kmsProps) {
    return new KmsKey(kmsType, kmsKeyId, kmsProps == null ? null : new TreeMap<>(kmsProps));
  }

  /** The properties, unmodifiable. */
  @Override
  public SortedMap<String, String> kmsProps() {
    return java.util.Collections.unmodifiableSortedMap(kmsProps);
  }

  /** Never the properties: they may hold a secret. */
  @Override
  public String toString() {
    return kmsType + "://" + kmsKeyId;
  }
}
