package dev.stele.registry.model;

import dev.stele.schema.SchemaReference;
import java.util.List;

/**
 * A schema as a client submits it (register, lookup, compatibility check).
 *
 * @param schemaType AVRO, JSON or PROTOBUF as given by the client (null means AVRO)
 * @param metadata null when absent
 * @param ruleSet null when absent
 */
public record SchemaPayload(
    String schema, String schemaType, List<SchemaReference> references, RawJson metadata,
    RawJson ruleSet) {
  public SchemaPayload {
    references = references == null ? List.of() : List.copyOf(references);
  }

  public static SchemaPayload of(String schema, String schemaType) {
    return new SchemaPayload(schema, schemaType, List.of(), null, null);
  }
}
