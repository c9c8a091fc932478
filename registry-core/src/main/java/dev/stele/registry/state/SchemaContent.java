package dev.stele.registry.state;

import dev.stele.registry.RawJson;
import dev.stele.registry.StoredSchema;
import dev.stele.schema.SchemaReference;
import java.util.List;

/**
 * What makes two schemas the same schema, and so gives them the same id within a context: the
 * canonical text, its references, metadata and rule set, and (unlike the Confluent registry, whose
 * hash ignores it) the schema type, so that the same text as AVRO and as JSON are two schemas.
 */
public record SchemaContent(
    String schemaType, String schema, List<SchemaReference> references, RawJson metadata,
    RawJson ruleSet) {

  public static SchemaContent of(StoredSchema stored) {
    return new SchemaContent(stored.schemaType(), stored.schema(), stored.references(),
        stored.metadata(), stored.ruleSet());
  }

  public StoredSchema withId(int id) {
    return new StoredSchema(id, schemaType, schema, references, metadata, ruleSet);
  }
}
