package dev.stele.registry.model;

import dev.stele.schema.SchemaReference;
import java.util.List;

/**
 * What makes two schemas the same schema, and so gives them the same id within a context: the
 * canonical text, its references, metadata and rule set, and (unlike the Confluent registry, whose
 * hash ignores it) the schema type, so that the same text as AVRO and as JSON are two schemas.
 * The text is held compact ({@link CompactText}), so equality and hashing never inflate it.
 *
 * @param metadata null when absent
 * @param ruleSet null when absent
 */
public record SchemaContent(
    String schemaType, CompactText text, List<SchemaReference> references, RawJson metadata,
    RawJson ruleSet) {
  public SchemaContent {
    // Decoded records bring a new String per record for the few type names there are.
    schemaType = schemaType.intern();
    references = List.copyOf(references);
  }

  public SchemaContent(String schemaType, String schema, List<SchemaReference> references,
      RawJson metadata, RawJson ruleSet) {
    this(schemaType, CompactText.of(schema), references, metadata, ruleSet);
  }

  /** The canonical text (inflated on each call when held deflated). */
  public String schema() {
    return text.toString();
  }

  public StoredSchema withId(int id) {
    return new StoredSchema(id, this);
  }
}
