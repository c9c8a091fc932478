package dev.stele.format.protobuf.compat;

import dev.stele.schema.IncompatibilityKind;

/**
 * Every kind of difference the Protobuf diff reports (Confluent's {@code Difference.Type}), whether
 * it is compatible (the same set for every compatibility level: the level only decides which
 * schema is the reader), and how the Confluent registry words the incompatible ones.
 *
 * <p>Placeholders as in {@link IncompatibilityKind}: the location is a JSON pointer
 * ({@code /Message/3}, {@code /Outer/Inner/oneofName/5}) which the messages show as Confluent's
 * path, {@code #/Message/3} (Protobuf names hold no {@code /} or {@code ~}, so the two spell the
 * same segments). Compatible kinds have no description: they are never shown. The double space
 * in REQUIRED_FIELD_ADDED is Confluent's.
 */
public enum ProtobufChange implements IncompatibilityKind {
  PACKAGE_CHANGED(false,
      "The package at '{hashPath}' in the {reader} schema does not match the package in the"
          + " {writer} schema"),
  MESSAGE_ADDED(true, ""),
  MESSAGE_REMOVED(false,
      "The {reader} schema is missing a MESSAGE type at path '{hashPath}' in the {writer} schema"),
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
      "The type of a field at path '{hashPath}' in the {reader} schema does not match the {writer}"
          + " schema"),
  FIELD_SCALAR_KIND_CHANGED(false,
      "The kind of a SCALAR field at path '{hashPath}' in the {reader} schema does not match its"
          + " kind in the {writer} schema"),
  FIELD_NAMED_TYPE_CHANGED(false,
      "The type of a MESSAGE field at path '{hashPath}' in the {reader} schema does not match its"
          + " type in the {writer} schema"),
  FIELD_NUMERIC_LABEL_CHANGED(false,
      "The label for a NUMERIC field at path '{hashPath}' in the {reader} schema does not match its"
          + " label in the {writer} schema"),
  FIELD_STRING_OR_BYTES_LABEL_CHANGED(true, ""),
  REQUIRED_FIELD_ADDED(false,
      "A required field  at path '{hashPath}' in the {reader} schema is missing in the {writer}"
          + " schema"),
  REQUIRED_FIELD_REMOVED(false,
      "The {reader} schema is missing a required field at path: '{hashPath}' in the {writer}"
          + " schema"),
  ONEOF_ADDED(true, ""),
  ONEOF_REMOVED(true, ""),
  ONEOF_FIELD_ADDED(true, ""),
  ONEOF_FIELD_REMOVED(false,
      "The {reader} schema is missing a oneof field at path '{hashPath}' in the {writer} schema"),
  ONEOF_FIELD_MOVED_TO_TOP_LEVEL(true, ""),
  MULTIPLE_FIELDS_MOVED_TO_ONEOF(false,
      "Multiple fields in the oneof at path '{hashPath}' in the {reader} schema are outside a"
          + " oneof in the {writer} schema"),
  FIELD_MOVED_TO_EXISTING_ONEOF(false,
      "A field in the oneof at path '{hashPath}' in the {reader} schema is outside an existing"
          + " oneof in the {writer} schema");

  private final boolean compatible;
  private final String template;

  /** The message is {@code {errorType:"KIND", description:"..."}}, as the registry prints it. */
  ProtobufChange(boolean compatible, String description) {
    this.compatible = compatible;
    this.template = "{errorType:\"" + name() + "\", description:\"" + description + "\"}";
  }

  public boolean compatible() {
    return compatible;
  }

  @Override
  public String template() {
    return template;
  }
}
