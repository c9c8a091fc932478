package dev.stele.format.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaFormat.Roles;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per change kind (and the interesting ways to reach it): the writer's schema, the
 * reader's, every difference the diff reports as {@code KIND@pointer}, and the strict verdict.
 * Schemas are written with ' for ".
 */
class ChangeKindTest {

  static Stream<Arguments> rows() {
    return Stream.of(
        // annotations
        row("{'$id':'http://x/a','type':'string'}", "{'$id':'http://x/b','type':'string'}", "ID_CHANGED@/", true),
        row("{'title':'a'}", "{'title':'b'}", "TITLE_CHANGED@/", true),
        row("{'description':'a'}", "{'description':'b'}", "DESCRIPTION_CHANGED@/", true),
        row("{'type':'string','default':'a'}", "{'type':'string','default':'b'}", "DEFAULT_CHANGED@/", true),
        // schema presence and type
        row("{'type':'array'}", "{'type':'array','items':{'type':'string'}}", "SCHEMA_ADDED@/items", false),
        row("{'type':'array','items':{'type':'string'}}", "{'type':'array'}", "SCHEMA_REMOVED@/items", true),
        row("{'type':'integer'}", "{'type':'number'}", "TYPE_EXTENDED@/", true),
        row("{'type':'number'}", "{'type':'integer'}", "TYPE_NARROWED@/", false),
        row("{'type':'string'}", "{'type':'integer'}", "TYPE_CHANGED@/", false),
        row("{'type':'string'}", "{}", "", true),
        row("{'type':'string'}", "true", "", true),
        row("false", "{'type':'string'}", "", true),
        row("{}", "{'type':'string'}", "TYPE_CHANGED@/", false),
        // strings
        row("{'type':'string'}", "{'type':'string','maxLength':5}", "MAX_LENGTH_ADDED@/maxLength", false),
        row("{'type':'string','maxLength':5}", "{'type':'string'}", "MAX_LENGTH_REMOVED@/maxLength", true),
        row("{'type':'string','maxLength':5}", "{'type':'string','maxLength':6}", "MAX_LENGTH_INCREASED@/maxLength", true),
        row("{'type':'string','maxLength':5}", "{'type':'string','maxLength':4}", "MAX_LENGTH_DECREASED@/maxLength", false),
        row("{'type':'string'}", "{'type':'string','minLength':1}", "MIN_LENGTH_ADDED@/minLength", false),
        row("{'type':'string','minLength':1}", "{'type':'string'}", "MIN_LENGTH_REMOVED@/minLength", true),
        row("{'type':'string','minLength':1}", "{'type':'string','minLength':2}", "MIN_LENGTH_INCREASED@/minLength", false),
        row("{'type':'string','minLength':2}", "{'type':'string','minLength':1}", "MIN_LENGTH_DECREASED@/minLength", true),
        row("{'type':'string'}", "{'type':'string','pattern':'^a'}", "PATTERN_ADDED@/pattern", false),
        row("{'type':'string','pattern':'^a'}", "{'type':'string'}", "PATTERN_REMOVED@/pattern", true),
        row("{'type':'string','pattern':'^a'}", "{'type':'string','pattern':'^b'}", "PATTERN_CHANGED@/pattern", false),
        // numbers
        row("{'type':'number'}", "{'type':'number','maximum':5}", "MAXIMUM_ADDED@/maximum", false),
        row("{'type':'number','maximum':5}", "{'type':'number'}", "MAXIMUM_REMOVED@/maximum", true),
        row("{'type':'number','maximum':5}", "{'type':'number','maximum':5.5}", "MAXIMUM_INCREASED@/maximum", true),
        row("{'type':'number','maximum':5}", "{'type':'number','maximum':4}", "MAXIMUM_DECREASED@/maximum", false),
        row("{'type':'number','maximum':5}", "{'type':'number','maximum':5.0}", "", true),
        row("{'type':'number'}", "{'type':'number','minimum':1}", "MINIMUM_ADDED@/minimum", false),
        row("{'type':'number','minimum':1}", "{'type':'number'}", "MINIMUM_REMOVED@/minimum", true),
        row("{'type':'number','minimum':1}", "{'type':'number','minimum':2}", "MINIMUM_INCREASED@/minimum", false),
        row("{'type':'number','minimum':2}", "{'type':'number','minimum':1}", "MINIMUM_DECREASED@/minimum", true),
        row("{'type':'number'}", "{'type':'number','exclusiveMaximum':5}", "EXCLUSIVE_MAXIMUM_ADDED@/exclusiveMaximum", false),
        row("{'type':'number','exclusiveMaximum':5}", "{'type':'number'}", "EXCLUSIVE_MAXIMUM_REMOVED@/exclusiveMaximum", true),
        row("{'type':'number','exclusiveMaximum':5}", "{'type':'number','exclusiveMaximum':6}", "EXCLUSIVE_MAXIMUM_INCREASED@/exclusiveMaximum", true),
        row("{'type':'number','exclusiveMaximum':5}", "{'type':'number','exclusiveMaximum':4}", "EXCLUSIVE_MAXIMUM_DECREASED@/exclusiveMaximum", false),
        row("{'type':'number'}", "{'type':'number','exclusiveMinimum':1}", "EXCLUSIVE_MINIMUM_ADDED@/exclusiveMinimum", false),
        row("{'type':'number','exclusiveMinimum':1}", "{'type':'number'}", "EXCLUSIVE_MINIMUM_REMOVED@/exclusiveMinimum", true),
        row("{'type':'number','exclusiveMinimum':1}", "{'type':'number','exclusiveMinimum':2}", "EXCLUSIVE_MINIMUM_INCREASED@/exclusiveMinimum", false),
        row("{'type':'number','exclusiveMinimum':2}", "{'type':'number','exclusiveMinimum':1}", "EXCLUSIVE_MINIMUM_DECREASED@/exclusiveMinimum", true),
        row("{'type':'number'}", "{'type':'number','multipleOf':2}", "MULTIPLE_OF_ADDED@/multipleOf", false),
        row("{'type':'number','multipleOf':2}", "{'type':'number'}", "MULTIPLE_OF_REMOVED@/multipleOf", true),
        row("{'type':'number','multipleOf':2}", "{'type':'number','multipleOf':4}", "MULTIPLE_OF_EXPANDED@/multipleOf", false),
        row("{'type':'number','multipleOf':4}", "{'type':'number','multipleOf':2}", "MULTIPLE_OF_REDUCED@/multipleOf", true),
        row("{'type':'number','multipleOf':1}", "{'type':'number','multipleOf':0.5}", "MULTIPLE_OF_REDUCED@/multipleOf", true),
        row("{'type':'number','multipleOf':2}", "{'type':'number','multipleOf':3}", "MULTIPLE_OF_CHANGED@/multipleOf", false),
        // required
        row("{'properties':{'a':{'type':'string'}}}", "{'properties':{'a':{'type':'string'}},'required':['a']}", "REQUIRED_ATTRIBUTE_ADDED@/required/a", false),
        row("{'properties':{'a':{'type':'string'}}}", "{'properties':{'a':{'type':'string','default':'x'}},'required':['a']}", "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED@/required/a, DEFAULT_CHANGED@/properties/a", true),
        row("{'properties':{'a':{'type':'string'}},'required':['a']}", "{'properties':{'a':{'type':'string'}}}", "REQUIRED_ATTRIBUTE_REMOVED@/required/a", true),
        // object counts
        row("{'type':'object'}", "{'type':'object','maxProperties':3}", "MAX_PROPERTIES_ADDED@/maxProperties", false),
        row("{'type':'object','maxProperties':3}", "{'type':'object'}", "MAX_PROPERTIES_REMOVED@/maxProperties", true),
        row("{'type':'object','maxProperties':3}", "{'type':'object','maxProperties':4}", "MAX_PROPERTIES_INCREASED@/maxProperties", true),
        row("{'type':'object','maxProperties':3}", "{'type':'object','maxProperties':2}", "MAX_PROPERTIES_DECREASED@/maxProperties", false),
        row("{'type':'object'}", "{'type':'object','minProperties':1}", "MIN_PROPERTIES_ADDED@/minProperties", false),
        row("{'type':'object','minProperties':1}", "{'type':'object'}", "MIN_PROPERTIES_REMOVED@/minProperties", true),
        row("{'type':'object','minProperties':1}", "{'type':'object','minProperties':2}", "MIN_PROPERTIES_INCREASED@/minProperties", false),
        row("{'type':'object','minProperties':2}", "{'type':'object','minProperties':1}", "MIN_PROPERTIES_DECREASED@/minProperties", true),
        // additional properties
        row("{'type':'object','additionalProperties':false}", "{'type':'object'}", "ADDITIONAL_PROPERTIES_ADDED@/additionalProperties", true),
        row("{'type':'object'}", "{'type':'object','additionalProperties':false}", "ADDITIONAL_PROPERTIES_REMOVED@/additionalProperties", false),
        row("{'type':'object','additionalProperties':{'type':'string'}}", "{'type':'object'}", "ADDITIONAL_PROPERTIES_EXTENDED@/additionalProperties", true),
        row("{'type':'object'}", "{'type':'object','additionalProperties':{'type':'string'}}", "ADDITIONAL_PROPERTIES_NARROWED@/additionalProperties", false),
        row("{'type':'object','additionalProperties':{'type':'string'}}", "{'type':'object','additionalProperties':{'type':'integer'}}", "TYPE_CHANGED@/additionalProperties", false),
        // dependencies
        row("{'type':'object'}", "{'type':'object','dependencies':{'a':['b']}}", "DEPENDENCY_ARRAY_ADDED@/dependencies/a", false),
        row("{'type':'object','dependencies':{'a':['b']}}", "{'type':'object'}", "DEPENDENCY_ARRAY_REMOVED@/dependencies/a", true),
        row("{'type':'object','dependencies':{'a':['b']}}", "{'type':'object','dependencies':{'a':['b','c']}}", "DEPENDENCY_ARRAY_EXTENDED@/dependencies/a", false),
        row("{'type':'object','dependencies':{'a':['b','c']}}", "{'type':'object','dependencies':{'a':['b']}}", "DEPENDENCY_ARRAY_NARROWED@/dependencies/a", true),
        row("{'type':'object','dependencies':{'a':['b']}}", "{'type':'object','dependencies':{'a':['c']}}", "DEPENDENCY_ARRAY_CHANGED@/dependencies/a", false),
        row("{'type':'object'}", "{'type':'object','dependencies':{'a':{'required':['b']}}}", "DEPENDENCY_SCHEMA_ADDED@/dependencies/a", false),
        row("{'type':'object','dependencies':{'a':{'required':['b']}}}", "{'type':'object'}", "DEPENDENCY_SCHEMA_REMOVED@/dependencies/a", true),
        row("{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object'}", "{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object','dependentRequired':{'a':['b']}}", "DEPENDENCY_ARRAY_ADDED@/dependencies/a", false),
        // properties: open content model
        row("{'type':'object'}", "{'type':'object','properties':{'b':{'type':'string'}},'required':['b']}", "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL@/properties/b", false),
        row("{'type':'object'}", "{'type':'object','properties':{'b':{'type':'string','default':'x'}},'required':['b']}", "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL@/properties/b", false),
        row("{'type':'object'}", "{'type':'object','properties':{'b':{'type':'string'}}}", "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL@/properties/b", false),
        row("{'type':'object'}", "{'type':'object','properties':{'b':{}}}", "PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL@/properties/b", true),
        row("{'type':'object','properties':{'a':{'type':'string'}}}", "{'type':'object'}", "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL@/properties/a", true),
        // properties: closed content model
        row(closed("'a':{'type':'string'}"), closed("'a':{'type':'string'},'b':{'type':'string'}", "'b'"), "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL@/properties/b", false),
        row(closed("'a':{'type':'string'}"), closed("'a':{'type':'string'},'b':{'type':'string','default':'x'}", "'b'"), "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL@/properties/b", true),
        row(closed("'a':{'type':'string'}"), closed("'a':{'type':'string'},'b':{'type':'string'}"), "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL@/properties/b", true),
        row(closed("'a':{'type':'string'},'b':{'type':'string'}"), closed("'a':{'type':'string'}"), "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL@/properties/b", false),
        row(closed("'a':{'type':'string'},'b':false"), closed("'a':{'type':'string'}"), "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL@/properties/b", true),
        // properties: partially open content model
        row(partial("'a':{'type':'string'}"), partial(""), "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL@/properties/a", true),
        row(partial("'a':{'type':'integer'}"), partial(""), "TYPE_CHANGED@/properties/a, PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL@/properties/a", false),
        row(partial(""), partial("'a':{'type':'string'}"), "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL@/properties/a, OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL@/properties/a", true),
        row(partial(""), partial("'a':{'type':'integer'}"), "TYPE_CHANGED@/properties/a, PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL@/properties/a, OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL@/properties/a", false),
        row("{'type':'object','patternProperties':{'^x':{'type':'string'}},'additionalProperties':false}", "{'type':'object','properties':{'xa':{'type':'string'}},'patternProperties':{'^x':{'type':'string'}},'additionalProperties':false}", "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL@/properties/xa, OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL@/properties/xa", true),
        row("{'type':'object','patternProperties':{'^x':{'type':'string'}},'additionalProperties':false}", "{'type':'object','properties':{'ya':{'type':'string'}},'patternProperties':{'^x':{'type':'string'}},'additionalProperties':false}", "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL@/properties/ya", true),
        // unevaluated properties (2019-09 on)
        row(d2020("'type':'object','unevaluatedProperties':false"), d2020("'type':'object'"), "UNEVALUATED_PROPERTIES_ADDED@/unevaluatedProperties", true),
        row(d2020("'type':'object'"), d2020("'type':'object','unevaluatedProperties':false"), "UNEVALUATED_PROPERTIES_REMOVED@/unevaluatedProperties", false),
        row(d2020("'type':'object','unevaluatedProperties':{'type':'string'}"), d2020("'type':'object'"), "UNEVALUATED_PROPERTIES_EXTENDED@/unevaluatedProperties", true),
        row(d2020("'type':'object'"), d2020("'type':'object','unevaluatedProperties':{'type':'string'}"), "UNEVALUATED_PROPERTIES_NARROWED@/unevaluatedProperties", false),
        // array counts
        row("{'type':'array'}", "{'type':'array','maxItems':3}", "MAX_ITEMS_ADDED@/maxItems", false),
        row("{'type':'array','maxItems':3}", "{'type':'array'}", "MAX_ITEMS_REMOVED@/maxItems", true),
        row("{'type':'array','maxItems':3}", "{'type':'array','maxItems':4}", "MAX_ITEMS_INCREASED@/maxItems", true),
        row("{'type':'array','maxItems':3}", "{'type':'array','maxItems':2}", "MAX_ITEMS_DECREASED@/maxItems", false),
        row("{'type':'array'}", "{'type':'array','minItems':1}", "MIN_ITEMS_ADDED@/minItems", false),
        row("{'type':'array','minItems':1}", "{'type':'array'}", "MIN_ITEMS_REMOVED@/minItems", true),
        row("{'type':'array','minItems':1}", "{'type':'array','minItems':2}", "MIN_ITEMS_INCREASED@/minItems", false),
        row("{'type':'array','minItems':2}", "{'type':'array','minItems':1}", "MIN_ITEMS_DECREASED@/minItems", true),
        row(d2020("'type':'array'"), d2020("'type':'array','maxContains':3"), "MAX_CONTAINS_ADDED@/maxContains", false),
        row(d2020("'type':'array','maxContains':3"), d2020("'type':'array'"), "MAX_CONTAINS_REMOVED@/maxContains", true),
        row(d2020("'type':'array','maxContains':3"), d2020("'type':'array','maxContains':4"), "MAX_CONTAINS_INCREASED@/maxContains", true),
        row(d2020("'type':'array','maxContains':3"), d2020("'type':'array','maxContains':2"), "MAX_CONTAINS_DECREASED@/maxContains", false),
        row(d2020("'type':'array'"), d2020("'type':'array','minContains':1"), "MIN_CONTAINS_ADDED@/minContains", false),
        row(d2020("'type':'array','minContains':1"), d2020("'type':'array'"), "MIN_CONTAINS_REMOVED@/minContains", true),
        row(d2020("'type':'array','minContains':1"), d2020("'type':'array','minContains':2"), "MIN_CONTAINS_INCREASED@/minContains", false),
        row(d2020("'type':'array','minContains':2"), d2020("'type':'array','minContains':1"), "MIN_CONTAINS_DECREASED@/minContains", true),
        row("{'type':'array'}", "{'type':'array','uniqueItems':true}", "UNIQUE_ITEMS_ADDED@/uniqueItems", false),
        row("{'type':'array','uniqueItems':true}", "{'type':'array'}", "UNIQUE_ITEMS_REMOVED@/uniqueItems", true),
        // additional and unevaluated items
        row(tuple("", ",'additionalItems':false"), tuple("", ""), "ADDITIONAL_ITEMS_ADDED@/additionalItems", true),
        row(tuple("", ""), tuple("", ",'additionalItems':false"), "ADDITIONAL_ITEMS_REMOVED@/additionalItems", false),
        row(tuple("", ",'additionalItems':{'type':'string'}"), tuple("", ""), "ADDITIONAL_ITEMS_EXTENDED@/additionalItems", true),
        row(tuple("", ""), tuple("", ",'additionalItems':{'type':'string'}"), "ADDITIONAL_ITEMS_NARROWED@/additionalItems", false),
        row(d2020("'type':'array','unevaluatedItems':false"), d2020("'type':'array'"), "UNEVALUATED_ITEMS_ADDED@/unevaluatedItems", true),
        row(d2020("'type':'array'"), d2020("'type':'array','unevaluatedItems':false"), "UNEVALUATED_ITEMS_REMOVED@/unevaluatedItems", false),
        row(d2020("'type':'array','unevaluatedItems':{'type':'string'}"), d2020("'type':'array'"), "UNEVALUATED_ITEMS_EXTENDED@/unevaluatedItems", true),
        row(d2020("'type':'array'"), d2020("'type':'array','unevaluatedItems':{'type':'string'}"), "UNEVALUATED_ITEMS_NARROWED@/unevaluatedItems", false),
        // tuple items under each content model
        row(tuple("", ""), tuple(",{'type':'integer'}", ""), "ITEM_ADDED_TO_OPEN_CONTENT_MODEL@/items/1", false),
        row(tuple("", ""), tuple(",{}", ""), "ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL@/items/1", true),
        row(tuple("", ",'additionalItems':false"), tuple(",{'type':'integer'}", ",'additionalItems':false"), "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL@/items/1", true),
        row(tuple(",{'type':'integer'}", ""), tuple("", ""), "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL@/items/1", true),
        row(tuple(",{'type':'integer'}", ",'additionalItems':false"), tuple("", ",'additionalItems':false"), "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL@/items/1", false),
        row(tuple(",false", ",'additionalItems':false"), tuple("", ",'additionalItems':false"), "ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL@/items/1", true),
        row(tuple(",{'type':'string'}", ",'additionalItems':{'type':'string'}"), tuple("", ",'additionalItems':{'type':'string'}"), "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL@/items/1", true),
        row(tuple(",{'type':'integer'}", ",'additionalItems':{'type':'string'}"), tuple("", ",'additionalItems':{'type':'string'}"), "TYPE_CHANGED@/items/1, ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL@/items/1", false),
        row(tuple("", ",'additionalItems':{'type':'string'}"), tuple(",{'type':'string'}", ",'additionalItems':{'type':'string'}"), "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL@/items/1", true),
        row(tuple("", ",'additionalItems':{'type':'string'}"), tuple(",{'type':'integer'}", ",'additionalItems':{'type':'string'}"), "TYPE_CHANGED@/items/1, ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL@/items/1", false),
        row(d2020("'prefixItems':[{'type':'string'}],'items':false"), d2020("'prefixItems':[{'type':'string'},{'type':'integer'}],'items':false"), "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL@/items/1", true),
        // enum and const
        row("{'enum':['a','b']}", "{'enum':['a','b','c']}", "ENUM_ARRAY_EXTENDED@/enum", true),
        row("{'enum':['a','b']}", "{'enum':['a']}", "ENUM_ARRAY_NARROWED@/enum", false),
        row("{'enum':['a','b']}", "{'enum':['a','c']}", "ENUM_ARRAY_CHANGED@/enum", false),
        row("{'const':1}", "{'const':2}", "ENUM_ARRAY_CHANGED@/const", false),
        // combinations
        row("{'oneOf':[{'type':'string'},{'type':'integer'}]}", "{'anyOf':[{'type':'string'},{'type':'integer'}]}", "COMBINED_TYPE_EXTENDED@/", true),
        row("{'anyOf':[{'type':'string'},{'type':'integer'}]}", "{'oneOf':[{'type':'string'},{'type':'integer'}]}", "COMBINED_TYPE_CHANGED@/", false),
        row("{'allOf':[{'type':'string'}]}", "{'oneOf':[{'type':'string'}]}", "COMBINED_TYPE_EXTENDED@/", true),
        row("{'allOf':[{'type':'string'},{'maxLength':3}]}", "{'allOf':[{'type':'string'},{'maxLength':3},{'minLength':1}]}", "PRODUCT_TYPE_EXTENDED@/", false),
        row("{'allOf':[{'type':'string'},{'maxLength':3},{'minLength':1}]}", "{'allOf':[{'type':'string'},{'maxLength':3}]}", "PRODUCT_TYPE_NARROWED@/", true),
        row("{'oneOf':[{'type':'string'},{'type':'integer'}]}", "{'oneOf':[{'type':'string'},{'type':'integer'},{'type':'boolean'}]}", "SUM_TYPE_EXTENDED@/", true),
        row("{'oneOf':[{'type':'string'},{'type':'integer'},{'type':'boolean'}]}", "{'oneOf':[{'type':'string'},{'type':'integer'}]}", "SUM_TYPE_NARROWED@/", false),
        row("{'oneOf':[{'type':'string'},{'type':'integer'}]}", "{'oneOf':[{'type':'string'},{'type':'boolean'}]}", "COMBINED_TYPE_SUBSCHEMAS_CHANGED@/", false),
        row("{'type':'string'}", "{'type':['string','null']}", "SUM_TYPE_EXTENDED@/", true),
        row("{'type':['string','null']}", "{'type':'string'}", "TYPE_CHANGED@/", false),
        row("{'type':'string'}", "{'oneOf':[{'type':'string'}]}", "", true),
        row("{'allOf':[{'type':'string'},{'type':'string','maxLength':3}]}", "{'type':'string'}", "PRODUCT_TYPE_NARROWED@/", true),
        // not
        row("{'not':{'type':'string'}}", "{'not':{'type':['string','integer']}}", "NOT_TYPE_EXTENDED@/not", false),
        row("{'not':{'type':['string','integer']}}", "{'not':{'type':'string'}}", "NOT_TYPE_NARROWED@/not", true),
        // nesting and references
        row("{'type':'object','properties':{'a':{'type':'string'}}}", "{'type':'object','properties':{'a':{'type':'integer'}}}", "TYPE_CHANGED@/properties/a", false),
        row("{'definitions':{'x':{'type':'string'}},'properties':{'a':{'$ref':'#/definitions/x'}}}", "{'properties':{'a':{'type':'string','maxLength':2}}}", "MAX_LENGTH_ADDED@/properties/a/maxLength", false),
        row("{'properties':{'a/b':{'type':'string'}}}", "{'properties':{'a/b':{'type':'integer'}}}", "TYPE_CHANGED@/properties/a~1b", false));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("rows")
  void reportsEachChangeKindAtItsLocation(String original, String update, String expected,
      boolean compatible) {
    JsonSchema writer = Schemas.parse(original);
    JsonSchema reader = Schemas.parse(update);
    List<String> found = SchemaDiff.compare(writer.model(), reader.model(),
        CompatibleChanges.STRICT, SchemaFormat.DEFAULT_MAX_COMPARISONS).stream()
        .map(d -> d.kind() + "@" + d.pointer()).toList();
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected(expected));

    CompatibilityResult result = Schemas.FORMAT.checkCanRead(reader, writer, Roles.NEW_READS_OLD);
    assertThat(result.isCompatible()).as("verdict").isEqualTo(compatible);
  }

  /** Every kind has a row, except those that need what this diff is not given (metadata). */
  @Test
  void everyKindHasARow() {
    Set<String> covered = new HashSet<>();
    rows().forEach(row -> expected((String) row.get()[2])
        .forEach(e -> covered.add(e.substring(0, e.indexOf('@')))));
    Set<String> missing = new TreeSet<>();
    for (ChangeKind kind : ChangeKind.values()) {
      missing.add(kind.name());
    }
    missing.removeAll(covered);
    assertThat(missing).containsExactlyInAnyOrder("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
        "RESERVED_PROPERTY_REMOVED", "RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY");
  }

  private static List<String> expected(String list) {
    return list.isEmpty() ? List.of() : Arrays.stream(list.split(",\\s*")).toList();
  }

  private static Arguments row(String original, String update, String expected, boolean ok) {
    return Arguments.of(original, update, expected, ok);
  }

  private static String closed(String properties, String... required) {
    return "{'type':'object','properties':{" + properties + "},'additionalProperties':false"
        + (required.length == 0 ? "" : ",'required':[" + String.join(",", required) + "]") + "}";
  }

  private static String partial(String properties) {
    return "{'type':'object','properties':{" + properties + "},'additionalProperties':{'type':'string'}}";
  }

  private static String tuple(String more, String rest) {
    return "{'type':'array','items':[{'type':'string'}" + more + "]" + rest + "}";
  }

  private static String d2020(String body) {
    return "{'$schema':'https://json-schema.org/draft/2020-12/schema'," + body + "}";
  }
}
