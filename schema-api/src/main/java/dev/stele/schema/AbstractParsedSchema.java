package dev.stele.schema;

import java.util.List;
import java.util.Objects;

/**
 * What every format's parsed schema holds alike: its type name, its canonical text and the
 * references it was parsed with, and equality by what the registry stores (canonical text and
 * references). A format extends it with its own model; the {@link ParsedSchema} interface stays
 * the contract, so a format may also implement it directly.
 */
public abstract class AbstractParsedSchema implements ParsedSchema {
  private final String type;
  private final String canonical;
  private final List<ResolvedReference> resolved;

  protected AbstractParsedSchema(String type, String canonical, List<ResolvedReference> resolved) {
    this.type = Objects.requireNonNull(type, "type");
    this.canonical = Objects.requireNonNull(canonical, "canonical");
    this.resolved = List.copyOf(resolved);
  }

  @Override
  public final String type() {
    return type;
  }

  @Override
  public final String canonical() {
    return canonical;
  }

  @Override
  public final List<SchemaReference> references() {
    return resolved.stream().map(ResolvedReference::reference).toList();
  }

  /** The references with their targets, as parsed: what a re-parse (normalizing) needs again. */
  protected final List<ResolvedReference> resolvedReferences() {
    return resolved;
  }

  /** Equal when they read the same to the registry: same class, canonical text and references. */
  @Override
  public final boolean equals(Object other) {
    return other != null && other.getClass() == getClass()
        && canonical.equals(((AbstractParsedSchema) other).canonical)
        && references().equals(((AbstractParsedSchema) other).references());
  }

  @Override
  public final int hashCode() {
    return canonical.hashCode();
  }

  /** The canonical text. */
  @Override
  public final String toString() {
    return canonical;
  }
}
