package dev.stele.registry;

import dev.stele.schema.SchemaReference;
import java.util.List;

/**
 * A registered schema's content, shared by every subject version that has the same id.
 *
 * @param schema the canonical text
 * @param metadata null when absent
 * @param ruleSet null when absent
 */
public record StoredSchema(
    int id, String schemaType, String schema, List<SchemaReference> references, RawJson metadata,
    RawJson ruleSet) {
  public StoredSchema {
    references = List.copyOf(references);
  }
}
