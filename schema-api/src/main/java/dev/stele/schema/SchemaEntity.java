package dev.stele.schema;

import java.util.Objects;

/**
 * A place in a schema that tags attach to ({@code POST /subjects/{s}/versions/{v}/tags},
 * {@code schemaTagsToAdd} on a registration): a record, message or object ({@code SR_RECORD}), or
 * one of its fields ({@code SR_FIELD}). The path is spelled as each format's
 * {@link ParsedSchema#withTags} explains, e.g. {@code com.acme.User.name} for an Avro field.
 */
public record SchemaEntity(String path, Type type) {
  public SchemaEntity {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
  }

  /** A field of a record, message or object, e.g. {@code com.acme.User.name}. */
  public static SchemaEntity field(String path) {
    return new SchemaEntity(path, Type.SR_FIELD);
  }

  /** A record, message or object itself. */
  public static SchemaEntity record(String path) {
    return new SchemaEntity(path, Type.SR_RECORD);
  }

  /** The Confluent registry's entity types, written in lower case on the wire. */
  public enum Type { SR_RECORD, SR_FIELD }
}
