package dev.stele.schema;

import java.util.List;

/**
 * A reference whose target was found: the referenced schema's canonical text and, in turn, its
 * own resolved references (so a format can load the whole graph, deepest first).
 */
public record ResolvedReference(
    SchemaReference reference, String schemaType, String schema, List<ResolvedReference> references) {
  public ResolvedReference {
    references = List.copyOf(references);
  }
}
