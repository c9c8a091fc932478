package dev.stele.schema;

import java.util.Objects;

/**
 * A reference from one schema to a version of another subject: {@code name} is what the
 * referring schema calls it (an Avro full name, a Protobuf import path, a JSON {@code $ref} URL).
 */
public record SchemaReference(String name, String subject, int version) {
  public SchemaReference {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subject, "subject");
  }
}
