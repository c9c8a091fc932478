package dev.stele.format.jsonschema;

import dev.stele.format.jsonschema.SchemaNode.Annotations;
import dev.stele.format.jsonschema.SchemaNode.ArraySchema;
import dev.stele.format.jsonschema.SchemaNode.BooleanSchema;
import dev.stele.format.jsonschema.SchemaNode.CombinedSchema;
import dev.stele.format.jsonschema.SchemaNode.ConditionalSchema;
import dev.stele.format.jsonschema.SchemaNode.ConstSchema;
import dev.stele.format.jsonschema.SchemaNode.EmptySchema;
import dev.stele.format.jsonschema.SchemaNode.EnumSchema;
import dev.stele.format.jsonschema.SchemaNode.FalseSchema;
import dev.stele.format.jsonschema.SchemaNode.NotSchema;
import dev.stele.format.jsonschema.SchemaNode.NullSchema;
import dev.stele.format.jsonschema.SchemaNode.NumberSchema;
import dev.stele.format.jsonschema.SchemaNode.ObjectSchema;
import dev.stele.format.jsonschema.SchemaNode.ReferenceSchema;
import dev.stele.format.jsonschema.SchemaNode.StringSchema;

/**
 * Copies a node with the annotations of the schema object it stands for: a node is built before
 * the loader knows whether it is the object's only constraint (and so carries its title, id and
 * default) or one part of a synthetic {@code allOf} (which carries them instead).
 */
final class Annotate {
  private Annotate() {}

  static SchemaNode with(SchemaNode n, Annotations m) {
    if (n instanceof StringSchema s) {
      return new StringSchema(m, s.minLength(), s.maxLength(), s.pattern());
    } else if (n instanceof NumberSchema s) {
      return new NumberSchema(m, s.minimum(), s.maximum(), s.exclusiveMinimum(),
          s.exclusiveMaximum(), s.multipleOf(), s.requiresInteger());
    } else if (n instanceof ObjectSchema s) {
      return new ObjectSchema(m, s.properties(), s.required(), s.minProperties(),
          s.maxProperties(), s.permitsAdditional(), s.additional(), s.patternProperties(),
          s.propertyDependencies(), s.schemaDependencies(), s.unevaluated());
    } else if (n instanceof ArraySchema s) {
      return new ArraySchema(m, s.allItems(), s.itemSchemas(), s.permitsAdditional(),
          s.additional(), s.unevaluated(), s.minItems(), s.maxItems(), s.uniqueItems(),
          s.minContains(), s.maxContains());
    } else if (n instanceof CombinedSchema s) {
      return new CombinedSchema(m, s.criterion(), s.subschemas());
    } else if (n instanceof EnumSchema s) {
      return new EnumSchema(m, s.values());
    } else if (n instanceof ConstSchema s) {
      return new ConstSchema(m, s.value());
    } else if (n instanceof NotSchema s) {
      return new NotSchema(m, s.mustNotMatch());
    } else if (n instanceof ConditionalSchema s) {
      return new ConditionalSchema(m, s.ifSchema(), s.thenSchema(), s.elseSchema());
    } else if (n instanceof BooleanSchema) {
      return new BooleanSchema(m);
    } else if (n instanceof NullSchema) {
      return new NullSchema(m);
    } else if (n instanceof EmptySchema s) {
      return new EmptySchema(m, s.literalTrue());
    } else if (n instanceof FalseSchema) {
      return new FalseSchema(m);
    }
    // A reference keeps its identity (other nodes may already point at it): never copied here.
    return (ReferenceSchema) n;
  }
}
