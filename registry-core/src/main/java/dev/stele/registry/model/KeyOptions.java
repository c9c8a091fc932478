package dev.stele.registry.model;

import dev.stele.kms.KmsDrivers;
import java.util.Objects;

/**
 * What the DEK registry takes from the server config.
 *
 * @param maxKeys {@code dek.registry.max.keys}: how many KEKs, and how many DEKs, may exist
 * @param drivers the KMS drivers that wrap and unwrap shared KEKs' DEKs
 */
public record KeyOptions(int maxKeys, KmsDrivers drivers) {
  /** Confluent's default of {@code dek.registry.max.keys}. */
  public static final int DEFAULT_MAX_KEYS = 10_000;
  public static final KeyOptions DEFAULTS = new KeyOptions(DEFAULT_MAX_KEYS, KmsDrivers.none());

  public KeyOptions {
    Objects.requireNonNull(drivers, "drivers");
    if (maxKeys < 0) {
      throw new IllegalArgumentException("dek.registry.max.keys must not be negative");
    }
  }
}
