package dev.stele.format.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/**
 * Where a subschema sits, for resolving its {@code $ref}s: its document, the base URI in force
 * (changed by {@code $id}) and the resource a bare {@code #/pointer} is relative to.
 */
record Scope(SchemaDocuments.Doc doc, URI base, JsonNode resourceRoot) {

  Draft draft() {
    return doc.draft();
  }

  /** The scope inside {@code schema}: a new base and resource when it declares an id. */
  Scope enter(JsonNode schema) {
    URI id = SchemaDocuments.declaredId(schema, doc.draft(), base);
    return id == null ? this : new Scope(doc, id, schema);
  }
}
