package dev.stele.serde.rules;

/**
 * What a field rule does to one primitive field: the new value for a {@code TRANSFORM}, or
 * {@code Boolean.FALSE} when a {@code CONDITION} fails.
 */
@FunctionalInterface
public interface FieldTransform {
  Object transform(RuleContext ctx, FieldContext field, Object value) throws RuleException;
}
