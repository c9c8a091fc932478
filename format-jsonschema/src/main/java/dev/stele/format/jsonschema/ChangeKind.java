package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.ChangeKind.Wording.ADDED_TO_OPEN;
import static dev.stele.format.jsonschema.ChangeKind.Wording.ADDED_TO_PARTIAL;
import static dev.stele.format.jsonschema.ChangeKind.Wording.FEWER;
import static dev.stele.format.jsonschema.ChangeKind.Wording.KEYWORD;
import static dev.stele.format.jsonschema.ChangeKind.Wording.LESS;
import static dev.stele.format.jsonschema.ChangeKind.Wording.MORE;
import static dev.stele.format.jsonschema.ChangeKind.Wording.MORE_ELEMENTS;
import static dev.stele.format.jsonschema.ChangeKind.Wording.NONE;
import static dev.stele.format.jsonschema.ChangeKind.Wording.REMOVED_FROM_CLOSED;
import static dev.stele.format.jsonschema.ChangeKind.Wording.REMOVED_FROM_PARTIAL;
import static dev.stele.format.jsonschema.ChangeKind.Wording.REQUIRED_TO_UNOPEN;
import static dev.stele.format.jsonschema.ChangeKind.Wording.RESERVED_CONFLICT;
import static dev.stele.format.jsonschema.ChangeKind.Wording.RESERVED_REMOVED;
import static dev.stele.format.jsonschema.ChangeKind.Wording.TYPE;
import static dev.stele.format.jsonschema.ChangeKind.Wording.VALUE;

import dev.stele.schema.IncompatibilityKind;

/**
 * Every kind of difference the JSON Schema diff reports, named as the Confluent registry names
 * them (clients and people read these names), each with the wording of its message. Which kinds
 * are compatible is not decided here but by a {@link CompatibleChanges}.
 */
enum ChangeKind implements IncompatibilityKind {
  ID_CHANGED(NONE), DESCRIPTION_CHANGED(NONE), TITLE_CHANGED(NONE), DEFAULT_CHANGED(NONE),
  SCHEMA_ADDED(NONE), SCHEMA_REMOVED(NONE),
  TYPE_EXTENDED(NONE), TYPE_NARROWED(TYPE), TYPE_CHANGED(TYPE),

  MAX_LENGTH_ADDED(KEYWORD), MAX_LENGTH_REMOVED(NONE), MAX_LENGTH_INCREASED(NONE),
  MAX_LENGTH_DECREASED(LESS),
  MIN_LENGTH_ADDED(KEYWORD), MIN_LENGTH_REMOVED(NONE), MIN_LENGTH_INCREASED(MORE),
  MIN_LENGTH_DECREASED(NONE),
  PATTERN_ADDED(KEYWORD), PATTERN_REMOVED(NONE), PATTERN_CHANGED(VALUE),

  MAXIMUM_ADDED(KEYWORD), MAXIMUM_REMOVED(NONE), MAXIMUM_INCREASED(NONE), MAXIMUM_DECREASED(LESS),
  MINIMUM_ADDED(KEYWORD), MINIMUM_REMOVED(NONE), MINIMUM_INCREASED(MORE), MINIMUM_DECREASED(NONE),
  EXCLUSIVE_MAXIMUM_ADDED(KEYWORD), EXCLUSIVE_MAXIMUM_REMOVED(NONE),
  EXCLUSIVE_MAXIMUM_INCREASED(NONE), EXCLUSIVE_MAXIMUM_DECREASED(LESS),
  EXCLUSIVE_MINIMUM_ADDED(KEYWORD), EXCLUSIVE_MINIMUM_REMOVED(NONE),
  EXCLUSIVE_MINIMUM_INCREASED(MORE), EXCLUSIVE_MINIMUM_DECREASED(NONE),
  MULTIPLE_OF_ADDED(KEYWORD), MULTIPLE_OF_REMOVED(NONE), MULTIPLE_OF_EXPANDED(MORE),
  MULTIPLE_OF_REDUCED(NONE), MULTIPLE_OF_CHANGED(VALUE),

  REQUIRED_ATTRIBUTE_ADDED(KEYWORD), REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED(NONE),
  REQUIRED_ATTRIBUTE_REMOVED(NONE),
  MAX_PROPERTIES_ADDED(KEYWORD), MAX_PROPERTIES_REMOVED(NONE), MAX_PROPERTIES_INCREASED(NONE),
  MAX_PROPERTIES_DECREASED(LESS),
  MIN_PROPERTIES_ADDED(KEYWORD), MIN_PROPERTIES_REMOVED(NONE), MIN_PROPERTIES_INCREASED(MORE),
  MIN_PROPERTIES_DECREASED(NONE),
  ADDITIONAL_PROPERTIES_ADDED(NONE), ADDITIONAL_PROPERTIES_REMOVED(KEYWORD),
  ADDITIONAL_PROPERTIES_EXTENDED(NONE), ADDITIONAL_PROPERTIES_NARROWED(FEWER),
  DEPENDENCY_ARRAY_ADDED(KEYWORD), DEPENDENCY_ARRAY_REMOVED(NONE),
  DEPENDENCY_ARRAY_EXTENDED(MORE_ELEMENTS), DEPENDENCY_ARRAY_NARROWED(NONE),
  DEPENDENCY_ARRAY_CHANGED(VALUE),
  DEPENDENCY_SCHEMA_ADDED(KEYWORD), DEPENDENCY_SCHEMA_REMOVED(NONE),
  /** Reported by older registries for any property added to an open model; kept for its name. */
  @Deprecated
  PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(NONE),
  REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(ADDED_TO_OPEN),
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL(ADDED_TO_OPEN),
  OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(ADDED_TO_OPEN),
  PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(NONE),
  REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(REQUIRED_TO_UNOPEN),
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL(NONE),
  OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(NONE),
  PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL(NONE),
  PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL(NONE),
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL(REMOVED_FROM_CLOSED),
  PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(NONE),
  PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(REMOVED_FROM_PARTIAL),
  PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(NONE),
  PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(ADDED_TO_PARTIAL),
  RESERVED_PROPERTY_REMOVED(RESERVED_REMOVED),
  RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY(RESERVED_CONFLICT),
  UNEVALUATED_PROPERTIES_ADDED(NONE), UNEVALUATED_PROPERTIES_REMOVED(KEYWORD),
  UNEVALUATED_PROPERTIES_EXTENDED(NONE), UNEVALUATED_PROPERTIES_NARROWED(FEWER),

  MAX_ITEMS_ADDED(KEYWORD), MAX_ITEMS_REMOVED(NONE), MAX_ITEMS_INCREASED(NONE),
  MAX_ITEMS_DECREASED(LESS),
  MIN_ITEMS_ADDED(KEYWORD), MIN_ITEMS_REMOVED(NONE), MIN_ITEMS_INCREASED(MORE),
  MIN_ITEMS_DECREASED(NONE),
  MAX_CONTAINS_ADDED(KEYWORD), MAX_CONTAINS_REMOVED(NONE), MAX_CONTAINS_INCREASED(NONE),
  MAX_CONTAINS_DECREASED(LESS),
  MIN_CONTAINS_ADDED(KEYWORD), MIN_CONTAINS_REMOVED(NONE), MIN_CONTAINS_INCREASED(MORE),
  MIN_CONTAINS_DECREASED(NONE),
  UNIQUE_ITEMS_ADDED(KEYWORD), UNIQUE_ITEMS_REMOVED(NONE),
  ADDITIONAL_ITEMS_ADDED(NONE), ADDITIONAL_ITEMS_REMOVED(KEYWORD),
  ADDITIONAL_ITEMS_EXTENDED(NONE), ADDITIONAL_ITEMS_NARROWED(FEWER),
  UNEVALUATED_ITEMS_ADDED(NONE), UNEVALUATED_ITEMS_REMOVED(KEYWORD),
  UNEVALUATED_ITEMS_EXTENDED(NONE), UNEVALUATED_ITEMS_NARROWED(FEWER),
  ITEM_ADDED_TO_OPEN_CONTENT_MODEL(ADDED_TO_OPEN),
  ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(NONE),
  ITEM_ADDED_TO_CLOSED_CONTENT_MODEL(NONE),
  ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL(NONE),
  ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL(NONE),
  ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL(REMOVED_FROM_CLOSED),
  ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(NONE),
  ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(REMOVED_FROM_PARTIAL),
  ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(NONE),
  ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(ADDED_TO_PARTIAL),

  ENUM_ARRAY_EXTENDED(NONE), ENUM_ARRAY_NARROWED(FEWER), ENUM_ARRAY_CHANGED(TYPE),

  COMBINED_TYPE_EXTENDED(NONE), COMBINED_TYPE_CHANGED(TYPE),
  PRODUCT_TYPE_EXTENDED(MORE_ELEMENTS), PRODUCT_TYPE_NARROWED(NONE),
  SUM_TYPE_EXTENDED(MORE_ELEMENTS), SUM_TYPE_NARROWED(FEWER),
  COMBINED_TYPE_SUBSCHEMAS_CHANGED(TYPE),
  NOT_TYPE_EXTENDED(MORE_ELEMENTS), NOT_TYPE_NARROWED(NONE);

  /**
   * The Confluent registry's sentence for each family of kinds (placeholders as in
   * {@link IncompatibilityKind}: the path shows as {@code #/properties/a}). Kinds without a
   * sentence (mostly compatible ones) get an empty description, as there.
   */
  enum Wording {
    NONE(""),
    KEYWORD("The keyword at path '{hashPath}' in the {reader} schema is not present in the"
        + " {writer} schema"),
    MORE("The value at path '{hashPath}' in the {reader} schema is more than its value in the"
        + " {writer} schema"),
    LESS("The value at path '{hashPath}' in the {reader} schema is less than its value in the"
        + " {writer} schema"),
    VALUE("The value at path '{hashPath}' is different between the {reader} and {writer} schema"),
    FEWER("An array or combined type at path '{hashPath}' has fewer elements in the {reader}"
        + " schema than the {writer} schema"),
    MORE_ELEMENTS("An array or combined type at path '{hashPath}' has more elements in the"
        + " {reader} schema than the {writer} schema"),
    TYPE("A type at path '{hashPath}' is different between the {reader} schema and the {writer}"
        + " schema"),
    ADDED_TO_OPEN("The {reader} schema has an open content model and has a property or item at"
        + " path '{hashPath}' which is missing in the {writer} schema"),
    REQUIRED_TO_UNOPEN("The {reader} schema has an unopen content model and has a required"
        + " property at path '{hashPath}' which is missing in the {writer} schema"),
    REMOVED_FROM_CLOSED("The {reader} schema has a closed content model and is missing a property"
        + " or item present at path '{hashPath}' in the {writer} schema"),
    REMOVED_FROM_PARTIAL("A property or item is missing in the {reader} schema but present at"
        + " path '{hashPath}' in the {writer} schema and is not covered by its partially open"
        + " content model"),
    ADDED_TO_PARTIAL("The {reader} schema has a property or item at path '{hashPath}' which is"
        + " missing in the {writer} schema and is not covered by its partially open content"
        + " model"),
    RESERVED_REMOVED("The {reader} schema has reserved property '{hashPath}' removed from its"
        + " metadata which is present in the {writer} schema."),
    RESERVED_CONFLICT("The {reader} schema has property at path '{hashPath}' that conflicts with"
        + " the reserved properties which is missing in the {writer} schema.");

    private final String template;

    Wording(String template) {
      this.template = template;
    }
  }

  private final String template;

  /**
   * The message as the Confluent registry (7.9) prints it, including its unbalanced closing
   * quote: clients compare these strings.
   */
  ChangeKind(Wording wording) {
    this.template = "{errorType:\"" + name() + "\", description:\"" + wording.template + "'}";
  }

  @Override
  public String template() {
    return template;
  }
}
