package dev.stele.kms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/** The KMS drivers a process has, by {@code kmsType}. Immutable. */
public final class KmsDrivers {
  private static final KmsDrivers NONE = new KmsDrivers(List.of());

  private final Map<String, KmsDriver> byType;

  private KmsDrivers(List<KmsDriver> drivers) {
    Map<String, KmsDriver> map = new LinkedHashMap<>();
    for (KmsDriver driver : drivers) {
      if (map.putIfAbsent(driver.kmsType(), driver) != null) {
        throw new IllegalArgumentException("two KMS drivers for kmsType " + driver.kmsType());
      }
    }
    this.byType = Map.copyOf(map);
  }

  /** No driver: every shared KEK is refused. */
  public static KmsDrivers none() {
    return NONE;
  }

  public static KmsDrivers of(KmsDriver... drivers) {
    return new KmsDrivers(List.of(drivers));
  }

  /** The drivers on the class path ({@code META-INF/services/dev.stele.kms.KmsDriver}). */
  public static KmsDrivers loaded() {
    return new KmsDrivers(ServiceLoader.load(KmsDriver.class).stream()
        .map(ServiceLoader.Provider::get).toList());
  }

  public Optional<KmsDriver> find(String kmsType) {
    return Optional.ofNullable(kmsType == null ? null : byType.get(kmsType));
  }

  /** The kmsTypes served, for error messages. */
  public Set<String> types() {
    return new java.util.TreeSet<>(byType.keySet());
  }
}
