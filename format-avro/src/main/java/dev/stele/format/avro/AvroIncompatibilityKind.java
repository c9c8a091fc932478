package dev.stele.format.avro;

import java.util.Locale;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * The Confluent registry's wording for each of Avro's incompatibility types.
 *
 * <p>Clients and people read these strings (the 409 message on register, {@code verbose=true} on
 * the compatibility endpoint), so they must match Confluent's byte for byte. In each template,
 * {@code {reader}} and {@code {writer}} become "new" or "old" depending on which side of the check
 * is the schema being registered; {@code {path}} is Avro's JSON-pointer location and
 * {@code {info}} Avro's own message for the incompatibility.
 */
enum AvroIncompatibilityKind {
  NAME_MISMATCH("The name of the schema has changed (path '{path}')"),
  FIXED_SIZE_MISMATCH(
      "The size of FIXED type field at path '{path}' in the {reader} schema does not match with"
          + " the {writer} schema"),
  MISSING_ENUM_SYMBOLS(
      "The {reader} schema is missing enum symbols '{info}' at path '{path}' in the {writer} schema"),
  READER_FIELD_MISSING_DEFAULT_VALUE(
      "The field '{info}' at path '{path}' in the {reader} schema has no default value and is"
          + " missing in the {writer} schema"),
  TYPE_MISMATCH(
      "The type (path '{path}') of a field in the {reader} schema does not match with the {writer}"
          + " schema"),
  MISSING_UNION_BRANCH(
      "The {reader} schema is missing a type inside a union field at path '{path}' in the {writer}"
          + " schema");

  private final String template;

  AvroIncompatibilityKind(String template) {
    this.template = template;
  }

  /** The kind for one of Avro's types; empty description for a type a newer Avro may add. */
  static String describe(
      SchemaIncompatibilityType type, String path, String info, String reader, String writer) {
    String description = "";
    for (AvroIncompatibilityKind kind : values()) {
      if (kind.name().equals(type.name())) {
        description = kind.fill(path, info, reader, writer);
      }
    }
    return "{errorType:'" + type.name() + "', description:'" + description
        + "', additionalInfo:'" + info + "'}";
  }

  /** Replaces the placeholders in one pass, so that text inside a value is never re-expanded. */
  private String fill(String path, String info, String reader, String writer) {
    StringBuilder out = new StringBuilder(template.length() + 64);
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      if (open < 0) {
        out.append(template, at, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      out.append(template, at, open);
      String token = template.substring(open + 1, close);
      out.append(switch (token.toLowerCase(Locale.ROOT)) {
        case "path" -> path;
        case "info" -> info;
        case "reader" -> reader;
        case "writer" -> writer;
        default -> throw new IllegalStateException("unknown placeholder " + token);
      });
      at = close + 1;
    }
    return out.toString();
  }
}
