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

  /**
   * The answer of every format when one of the schemas is of another format: the Confluent
   * registry does not compare them.
   */
  public static CompatibilityResult differentSchemaTypes(SchemaFormat.Roles roles) {
    return of(new Incompatibility(CommonKind.SCHEMA_TYPE_MISMATCH, JsonPointer.ROOT, roles));
  }

  /**
   * The answer when a checker failed: reported as a finding rather than thrown, so that a
   * registration is refused with the reason instead of failing with a server error.
   */
  public static CompatibilityResult unexpected(SchemaFormat.Roles roles, Throwable failure) {
    return of(new Incompatibility(CommonKind.UNEXPECTED_EXCEPTION, JsonPointer.ROOT, roles,
        String.valueOf(failure.getMessage())));
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
