package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.ChangeKind.*;

import dev.stele.schema.CompatibilityPolicy;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which change kinds a reader tolerates under each {@link CompatibilityPolicy}: the sets of
 * Confluent's JSON Schema provider. {@link #STRICT} is its default (and its only set up to 7.x);
 * {@link #LENIENT} also lets an open content model gain properties or narrow its additional
 * properties, and a closed or partially open one lose properties, trading guaranteed safety for
 * easier evolution. The diff reports every change; only this set decides which are compatible.
 */
final class CompatibleChanges {
  static final CompatibleChanges STRICT = new CompatibleChanges("STRICT", EnumSet.of(
      ID_CHANGED, DESCRIPTION_CHANGED, TITLE_CHANGED, DEFAULT_CHANGED, SCHEMA_REMOVED,
      TYPE_EXTENDED,
      MAX_LENGTH_INCREASED, MAX_LENGTH_REMOVED, MIN_LENGTH_DECREASED, MIN_LENGTH_REMOVED,
      PATTERN_REMOVED,
      MAXIMUM_INCREASED, MAXIMUM_REMOVED, MINIMUM_DECREASED, MINIMUM_REMOVED,
      EXCLUSIVE_MAXIMUM_INCREASED, EXCLUSIVE_MAXIMUM_REMOVED, EXCLUSIVE_MINIMUM_DECREASED,
      EXCLUSIVE_MINIMUM_REMOVED, MULTIPLE_OF_REDUCED, MULTIPLE_OF_REMOVED,
      REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED, REQUIRED_ATTRIBUTE_REMOVED,
      DEPENDENCY_ARRAY_NARROWED, DEPENDENCY_ARRAY_REMOVED, DEPENDENCY_SCHEMA_REMOVED,
      MAX_PROPERTIES_INCREASED, MAX_PROPERTIES_REMOVED, MIN_PROPERTIES_DECREASED,
      MIN_PROPERTIES_REMOVED, ADDITIONAL_PROPERTIES_ADDED, ADDITIONAL_PROPERTIES_EXTENDED,
      UNEVALUATED_PROPERTIES_ADDED, UNEVALUATED_PROPERTIES_EXTENDED,
      PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL,
      REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL,
      OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL,
      PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL,
      PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL,
      PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
      PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
      MAX_ITEMS_INCREASED, MAX_ITEMS_REMOVED, MIN_ITEMS_DECREASED, MIN_ITEMS_REMOVED,
      MAX_CONTAINS_INCREASED, MAX_CONTAINS_REMOVED, MIN_CONTAINS_DECREASED, MIN_CONTAINS_REMOVED,
      UNIQUE_ITEMS_REMOVED, ADDITIONAL_ITEMS_ADDED, ADDITIONAL_ITEMS_EXTENDED,
      UNEVALUATED_ITEMS_ADDED, UNEVALUATED_ITEMS_EXTENDED,
      ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL, ITEM_ADDED_TO_CLOSED_CONTENT_MODEL,
      ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL, ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL,
      ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
      ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
      ENUM_ARRAY_EXTENDED, COMBINED_TYPE_EXTENDED, PRODUCT_TYPE_NARROWED, SUM_TYPE_EXTENDED,
      NOT_TYPE_NARROWED));

  static final CompatibleChanges LENIENT = STRICT.plus("LENIENT", EnumSet.of(
      ADDITIONAL_PROPERTIES_NARROWED, ADDITIONAL_PROPERTIES_REMOVED,
      UNEVALUATED_PROPERTIES_NARROWED, UNEVALUATED_PROPERTIES_REMOVED,
      REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL,
      OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL,
      PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
      PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL));

  private final String name;
  private final Set<ChangeKind> compatible;

  private CompatibleChanges(String name, EnumSet<ChangeKind> compatible) {
    this.name = name;
    this.compatible = compatible;
  }

  private CompatibleChanges plus(String newName, EnumSet<ChangeKind> more) {
    EnumSet<ChangeKind> all = EnumSet.copyOf(compatible);
    all.addAll(more);
    return new CompatibleChanges(newName, all);
  }

  boolean allows(ChangeKind kind) {
    return compatible.contains(kind);
  }

  /** The set a policy allows. */
  static CompatibleChanges of(CompatibilityPolicy policy) {
    return policy == CompatibilityPolicy.LENIENT ? LENIENT : STRICT;
  }

  @Override
  public String toString() {
    return name;
  }
}
