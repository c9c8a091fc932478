package dev.stele.client;

import java.util.Objects;

/** One version of a subject: where it is registered (subject, version, id) and what it is. */
public record RegisteredSchema(String subject, int version, int id, SchemaDefinition schema) {
  public RegisteredSchema {
    Objects.requireNonNull(schema, "schema");
  }
}
