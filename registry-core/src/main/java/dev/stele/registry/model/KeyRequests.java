package dev.stele.registry.model;

import dev.stele.kms.DekFormat;
import java.util.Map;

/** The DEK registry's requests, one record per operation (names and fields as Confluent's). */
public final class KeyRequests {
  private KeyRequests() {}

  /** {@code GET /dek-registry/v1/keks}. */
  public record ListKeks(boolean deleted) {}

  public record GetKek(String name, boolean deleted) {}

  /**
   * {@code POST /keks}. Creating a soft-deleted KEK again with the same fields undeletes it (and,
   * as in Confluent, {@code deleted} true on a live one with the same fields soft-deletes it).
   */
  public record CreateKek(String name, String kmsType, String kmsKeyId, Map<String, String> kmsProps,
      String doc, boolean shared, boolean deleted) {}

  /** {@code PUT /keks/{name}}: a null field keeps the stored value. */
  public record UpdateKek(String name, Map<String, String> kmsProps, String doc, Boolean shared) {}

  public record DeleteKek(String name, boolean permanent) {}

  public record UndeleteKek(String name) {}

  /** {@code GET /keks/{name}/deks}: the subjects with a DEK under the KEK. */
  public record ListDekSubjects(String kekName, boolean deleted) {}

  /**
   * One DEK version; {@code version} {@link Versions#LATEST} for the latest, {@code algorithm}
   * null for AES256_GCM.
   */
  public record GetDek(String kekName, String subject, int version, DekFormat algorithm,
      boolean deleted) {}

  public record ListDekVersions(String kekName, String subject, DekFormat algorithm, boolean deleted) {}

  /**
   * {@code POST /keks/{name}/deks}: without {@code encryptedKeyMaterial} the KEK must be shared
   * and the registry generates the key. {@code version} null is 1, {@code algorithm} null
   * AES256_GCM.
   */
  public record CreateDek(String kekName, String subject, Integer version, DekFormat algorithm,
      String encryptedKeyMaterial, boolean deleted) {}

  /** Every version ({@code version} null) or one version of a subject's DEK. */
  public record DeleteDek(String kekName, String subject, Integer version, DekFormat algorithm,
      boolean permanent) {}

  public record UndeleteDek(String kekName, String subject, Integer version, DekFormat algorithm) {}
}
