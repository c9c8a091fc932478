package dev.stele.schema;

import java.util.ArrayList;
import java.util.List;

/** The outcome of one compatibility check: compatible when it holds no incompatibility. */
public record CompatibilityResult(List<Incompatibility> incompatibilities) {
  public static final CompatibilityResult COMPATIBLE = new CompatibilityResult(List.of());

  public CompatibilityResult {
    incompatibilities = List.copyOf(incompatibilities);
  }

  public static CompatibilityResult of(Incompatibility... found) {
    return new CompatibilityResult(List.of(found));
  }

  public boolean isCompatible() {
    return incompatibilities.isEmpty();
  }

  /** Both results' incompatibilities, this one's first. */
  public CompatibilityResult merge(CompatibilityResult other) {
    if (other.isCompatible()) {
      return this;
    }
    if (isCompatible()) {
      return other;
    }
    List<Incompatibility> all = new ArrayList<>(incompatibilities);
    all.addAll(other.incompatibilities);
    return new CompatibilityResult(all);
  }
}
