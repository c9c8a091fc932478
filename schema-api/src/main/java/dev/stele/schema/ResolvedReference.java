package dev.stele.schema;

import java.util.List;
import java.util.Optional;

/**
 * A reference whose target was found: the referenced schema's canonical text and, in turn, its
 * own resolved references (so a format can load the whole graph, deepest first).
 */
public record ResolvedReference(
    SchemaReference reference, String schemaType, String schema, List<ResolvedReference> references) {
  public ResolvedReference {
    references = List.copyOf(references);
  }

  /**
   * The first reference in the graph (depth first, in request order) whose target is declared
   * as another format than {@code type}: a format refuses it with a clear reason rather than
   * misreading the text. Empty when every target is of {@code type} or undeclared.
   */
  public static Optional<ResolvedReference> firstOfOtherType(
      List<ResolvedReference> references, String type) {
    for (ResolvedReference ref : references) {
      if (ref.schemaType() != null && !type.equals(ref.schemaType())) {
        return Optional.of(ref);
      }
      Optional<ResolvedReference> deeper = firstOfOtherType(ref.references(), type);
      if (deeper.isPresent()) {
        return deeper;
      }
    }
    return Optional.empty();
  }
}
