package dev.stele.format.protobuf.compat;

/**
 * Every kind of difference the Protobuf diff reports (Confluent's {@code Difference.Type}), whether
 * it is compatible (the same set for every compatibility level: the level only decides which
 * schema is the reader), and how the Confluent registry words the incompatible ones.
 *
 * <p>In each template, {@code {path}} is the location ({@code #/Message/3}), {@code {reader}} and
 * {@code {writer}} become "new" or "old". Compatible kinds have no description: they are never
 * shown. The double space in REQUIRED_FIELD_ADDED is Confluent's.
 */
public enum ProtobufChange {
  PACKAGE_CHANGED(false,
      "The package at '{path}' in the {reader} schema does not match the package in the {writer}"
          + " schema"),
  MESSAGE_ADDED(true, ""),
  MESSAGE_REMOVED(false,
      "The {reader} schema is missing a MESSAGE type at path '{path}' in the {writer} schema"),
  MESSAGE_MOVED(true, ""),
  ENUM_ADDED(true, ""),
  ENUM_REMOVED(true, ""),
  ENUM_CONST_ADDED(true, ""),
  ENUM_CONST_CHANGED(true, ""),
  ENUM_CONST_REMOVED(true, ""),
  FIELD_ADDED(true, ""),
  FIELD_REMOVED(true, ""),
  FIELD_NAME_CHANGED(true, ""),
  FIELD_KIND_CHANGED(false,
      "The type of a field at path '{path}' in the {reader} schema does not match the {writer}"
          + " schema"),
  FIELD_SCALAR_KIND_CHANGED(false,
      "The kind of a SCALAR field at path '{path}' in the {reader} schema does not match its kind"
          + " in the {writer} schema"),
  FIELD_NAMED_TYPE_CHANGED(false,
      "The type of a MESSAGE field at path '{path}' in the {reader} schema does not match its type"
          + " in the {writer} schema"),
  FIELD_NUMERIC_LABEL_CHANGED(false,
      "The label for a NUMERIC field at path '{path}' in the {reader} schema does not match its"
          + " label in the {writer} schema"),
  FIELD_STRING_OR_BYTES_LABEL_CHANGED(true, ""),
  REQUIRED_FIELD_ADDED(false,
      "A required field  at path '{path}' in the {reader} schema is missing in the {writer}"
          + " schema"),
  REQUIRED_FIELD_REMOVED(false,
      "The {reader} schema is missing a required field at path: '{path}' in the {writer} schema"),
  ONEOF_ADDED(true, ""),
  ONEOF_REMOVED(true, ""),
  ONEOF_FIELD_ADDED(true, ""),
  ONEOF_FIELD_REMOVED(false,
      "The {reader} schema is missing a oneof field at path '{path}' in the {writer} schema"),
  ONEOF_FIELD_MOVED_TO_TOP_LEVEL(true, ""),
  MULTIPLE_FIELDS_MOVED_TO_ONEOF(false,
      "Multiple fields in the oneof at path '{path}' in the {reader} schema are outside a oneof in"
          + " the {writer} schema"),
  FIELD_MOVED_TO_EXISTING_ONEOF(false,
      "A field in the oneof at path '{path}' in the {reader} schema is outside an existing oneof"
          + " in the {writer} schema");

  private final boolean compatible;
  private final String template;

  ProtobufChange(boolean compatible, String template) {
    this.compatible = compatible;
    this.template = template;
  }

  public boolean compatible() {
    return compatible;
  }

  /**
   * The registry's message for a difference at {@code path}:
   * {@code {errorType:"KIND", description:"..."}}. Placeholders are replaced in one pass, so a
   * path containing braces is never expanded again.
   */
  public String message(String path, String reader, String writer) {
    StringBuilder description = new StringBuilder(template.length() + 32);
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      if (open < 0) {
        description.append(template, at, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      description.append(template, at, open);
      description.append(switch (template.substring(open + 1, close)) {
        case "path" -> path;
        case "reader" -> reader;
        case "writer" -> writer;
        default -> throw new IllegalStateException("placeholder in " + name());
      });
      at = close + 1;
    }
    return "{errorType:\"" + name() + "\", description:\"" + description + "\"}";
  }
}
