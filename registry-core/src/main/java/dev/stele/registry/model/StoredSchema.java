package dev.stele.registry.model;

import dev.stele.schema.SchemaReference;
import java.util.List;

/**
 * A registered schema: a content with the id it has in its context, shared by every subject
 * version that uses the id. The state holds one instance per id and replaces it on any change,
 * so an instance can key caches of what is derived from it (parsed schemas, rendered answers).
 */
public record StoredSchema(int id, SchemaContent content) {

  /**
   * @param schema the canonical text
   * @param metadata null when absent
   * @param ruleSet null when absent
   */
  public StoredSchema(int id, String schemaType, String schema, List<SchemaReference> references,
      RawJson metadata, RawJson ruleSet) {
    this(id, new SchemaContent(schemaType, schema, references, metadata, ruleSet));
  }

  public String schemaType() {
    return content.schemaType();
  }

  /** The canonical text; inflated on each call, so callers that only compare use {@link #text()}. */
  public String schema() {
    return content.schema();
  }

  public CompactText text() {
    return content.text();
  }

  public List<SchemaReference> references() {
    return content.references();
  }

  /** Null when absent. */
  public RawJson metadata() {
    return content.metadata();
  }

  /** Null when absent. */
  public RawJson ruleSet() {
    return content.ruleSet();
  }
}
