package dev.stele.format.avro;

import dev.stele.schema.IncompatibilityKind;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * Avro's incompatibility types, each with the Confluent registry's wording.
 *
 * <p>Clients and people read these strings (the 409 message on register, {@code verbose=true} on
 * the compatibility endpoint), so they must match Confluent's byte for byte. The location is
 * Avro's own JSON pointer, shown as it is ({@code {pointer}}); {@code {info}} is Avro's message
 * for the incompatibility (see {@link IncompatibilityKind} for the placeholders).
 */
enum AvroIncompatibilityKind implements IncompatibilityKind {
  NAME_MISMATCH("The name of the schema has changed (path '{pointer}')"),
  FIXED_SIZE_MISMATCH(
      "The size of FIXED type field at path '{pointer}' in the {reader} schema does not match"
          + " with the {writer} schema"),
  MISSING_ENUM_SYMBOLS(
      "The {reader} schema is missing enum symbols '{info}' at path '{pointer}' in the {writer}"
          + " schema"),
  READER_FIELD_MISSING_DEFAULT_VALUE(
      "The field '{info}' at path '{pointer}' in the {reader} schema has no default value and is"
          + " missing in the {writer} schema"),
  TYPE_MISMATCH(
      "The type (path '{pointer}') of a field in the {reader} schema does not match with the"
          + " {writer} schema"),
  MISSING_UNION_BRANCH(
      "The {reader} schema is missing a type inside a union field at path '{pointer}' in the"
          + " {writer} schema");

  private final String template;

  AvroIncompatibilityKind(String description) {
    this.template = "{errorType:'" + name() + "', description:'" + description
        + "', additionalInfo:'{info}'}";
  }

  /** The kind of one of Avro's types (a new Avro type fails the build here until it has words). */
  static AvroIncompatibilityKind of(SchemaIncompatibilityType type) {
    return switch (type) {
      case NAME_MISMATCH -> NAME_MISMATCH;
      case FIXED_SIZE_MISMATCH -> FIXED_SIZE_MISMATCH;
      case MISSING_ENUM_SYMBOLS -> MISSING_ENUM_SYMBOLS;
      case READER_FIELD_MISSING_DEFAULT_VALUE -> READER_FIELD_MISSING_DEFAULT_VALUE;
      case TYPE_MISMATCH -> TYPE_MISMATCH;
      case MISSING_UNION_BRANCH -> MISSING_UNION_BRANCH;
    };
  }

  @Override
  public String template() {
    return template;
  }
}
