package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.ChangeKind.*;

import dev.stele.format.jsonschema.SchemaNode.EmptySchema;
import dev.stele.format.jsonschema.SchemaNode.ObjectSchema;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Object schemas. Whether a property may be added or removed depends on the content model: open
 * (anything else allowed), closed ({@code additionalProperties: false}) or partially open (other
 * properties must match a pattern or additional-properties schema). Property names are visited
 * in hash order, as the Confluent registry visits them, so that several differences come out in
 * its order.
 */
final class ObjectDiff {
  private ObjectDiff() {}

  static void compare(DiffContext ctx, ObjectSchema original, ObjectSchema update) {
    ctx.at("required", () -> compareRequired(ctx, original, update));
    ctx.at("properties", () -> compareProperties(ctx, original, update));
    ctx.at("dependencies", () -> compareDependencies(ctx, original, update));
    OpenKeyword.ADDITIONAL_PROPERTIES.compareAdditional(ctx, original.permitsAdditional(),
        original.additional(), update.permitsAdditional(), update.additional());
    OpenKeyword.UNEVALUATED_PROPERTIES.compareUnevaluated(ctx, original.unevaluated(),
        update.unevaluated());
    Limit.MAX_PROPERTIES.compare(ctx, original.maxProperties(), update.maxProperties());
    Limit.MIN_PROPERTIES.compare(ctx, original.minProperties(), update.minProperties());
  }

  private static void compareRequired(DiffContext ctx, ObjectSchema original, ObjectSchema update) {
    for (String name : new HashMap<>(original.properties()).keySet()) {
      if (update.properties().containsKey(name)) {
        boolean before = original.required().contains(name);
        boolean after = update.required().contains(name);
        if (before && !after) {
          ctx.add(name, REQUIRED_ATTRIBUTE_REMOVED);
        } else if (!before && after) {
          ctx.add(name, update.properties().get(name).meta().hasDefault()
              ? REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED : REQUIRED_ATTRIBUTE_ADDED);
        }
      }
    }
  }

  private static void compareProperties(DiffContext ctx, ObjectSchema original,
      ObjectSchema update) {
    for (String name : union(original.properties(), update.properties())) {
      SchemaNode before = original.properties().get(name);
      SchemaNode after = update.properties().get(name);
      ctx.at(name, () -> {
        if (after == null) {
          Removal.PROPERTY.report(ctx, before, isOpen(update), () -> partialSchema(update, name));
        } else if (before == null) {
          added(ctx, name, after, original, update);
        } else {
          SchemaDiff.compare(ctx, before, after);
        }
      });
    }
  }

  /** A property the writer did not name: under an open model the writer may have sent anything. */
  private static void added(DiffContext ctx, String name, SchemaNode after, ObjectSchema original,
      ObjectSchema update) {
    boolean required = update.required().contains(name);
    boolean hasDefault = after.meta().hasDefault();
    if (isOpen(original)) {
      ctx.add(after instanceof EmptySchema
          ? PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
          : !required ? OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL
          : hasDefault ? REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL
          : REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL);
      return;
    }
    SchemaNode partial = partialSchema(original, name);
    if (partial != null) {
      ctx.add(covered(ctx, partial, after)
          ? PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
          : PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
    }
    ctx.add(!required ? OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL
        : hasDefault ? REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL
        : REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL);
  }

  /** Compares a branch and keeps its differences; true if it is compatible. */
  static boolean covered(DiffContext ctx, SchemaNode original, SchemaNode update) {
    DiffContext branch = ctx.sub();
    SchemaDiff.compare(branch, original, update);
    ctx.addAll(branch);
    return branch.isCompatible();
  }

  private static void compareDependencies(DiffContext ctx, ObjectSchema original,
      ObjectSchema update) {
    for (String name : union(original.propertyDependencies(), update.propertyDependencies())) {
      List<String> before = original.propertyDependencies().get(name);
      List<String> after = update.propertyDependencies().get(name);
      if (after == null) {
        ctx.add(name, DEPENDENCY_ARRAY_REMOVED);
      } else if (before == null) {
        ctx.add(name, DEPENDENCY_ARRAY_ADDED);
      } else if (!Set.copyOf(before).equals(Set.copyOf(after))) {
        ctx.add(name, after.containsAll(before) ? DEPENDENCY_ARRAY_EXTENDED
            : before.containsAll(after) ? DEPENDENCY_ARRAY_NARROWED : DEPENDENCY_ARRAY_CHANGED);
      }
    }
    for (String name : union(original.schemaDependencies(), update.schemaDependencies())) {
      SchemaNode before = original.schemaDependencies().get(name);
      SchemaNode after = update.schemaDependencies().get(name);
      if (after == null) {
        ctx.add(name, DEPENDENCY_SCHEMA_REMOVED);
      } else if (before == null) {
        ctx.add(name, DEPENDENCY_SCHEMA_ADDED);
      } else {
        ctx.at(name, () -> SchemaDiff.compare(ctx, before, after));
      }
    }
  }

  /** Anything goes: no patterns, no additional-properties schema, nothing left unevaluated. */
  static boolean isOpen(ObjectSchema schema) {
    return schema.patternProperties().isEmpty() && schema.additional() == null
        && schema.permitsAdditional() && Unevaluated.isOpen(schema.unevaluated());
  }

  /** The schema a property not named in {@code schema} must match there, or null if closed. */
  private static SchemaNode partialSchema(ObjectSchema schema, String name) {
    for (Map.Entry<String, SchemaNode> pattern : schema.patternProperties().entrySet()) {
      if (Patterns.find(pattern.getKey(), name)) {
        return pattern.getValue();
      }
    }
    if (schema.additional() != null || !schema.permitsAdditional()) {
      return schema.additional();
    }
    return Unevaluated.partialSchema(schema.unevaluated());
  }

  private static Set<String> union(Map<String, ?> a, Map<String, ?> b) {
    Set<String> names = new HashSet<>(new HashMap<>(a).keySet());
    names.addAll(b.keySet());
    return names;
  }
}
