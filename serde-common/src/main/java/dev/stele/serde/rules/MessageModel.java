package dev.stele.serde.rules;

/**
 * How rules see one format's messages under one schema; each serde supplies its own (Avro,
 * JSON Schema, Protobuf). Executors stay format-blind: they walk fields through
 * {@link #transformFields} and read values through {@link #toPlain}.
 */
public interface MessageModel {
  /** {@code AVRO}, {@code JSON} or {@code PROTOBUF}, as the registry names schema types. */
  String format();

  /**
   * Walks the message's fields depth first and calls {@code transform} on each primitive field
   * the rule selects ({@link RuleContext#field}); for a {@code TRANSFORM} writes the answers back
   * (in place where the format's objects are mutable, converting a plain answer such as
   * {@code Long} or {@code byte[]} to the field's own Java type) and returns the message, for a
   * {@code CONDITION} throws {@link RuleConditionException} at the first {@code false}.
   */
  Object transformFields(RuleContext ctx, FieldTransform transform, Object message) throws RuleException;

  /**
   * The value as plain Java for expression languages and the DLQ: records and objects as
   * {@code Map<String, Object>}, arrays as {@code List}, strings, {@code Long} for every integer,
   * {@code Double} for every float, {@code Boolean}, {@code byte[]}, enum symbols as strings,
   * null. A view may be lazy; it is read, never written.
   */
  Object toPlain(Object value);

  /**
   * A deep copy of {@code message}, for a field transform on write with
   * {@code preserve.source.fields=true}, so the application's object is left as it was.
   * Immutable messages (Protobuf's) are their own copy.
   */
  default Object copy(Object message) {
    return message;
  }

  /**
   * {@link #transformFields} for a {@code TRANSFORM} on write with
   * {@code preserve.source.fields=true}: returns the transformed message and leaves
   * {@code message} as it was. The answer may share with {@code message} whatever the transform
   * did not change, so it must not be written in place afterwards (see
   * {@link FieldRuleExecutor}). By default the {@link #copy} transformed in place; a model whose
   * values are mutable does better by copying only the records on the way to a changed field.
   */
  default Object transformFieldsOfCopy(RuleContext ctx, FieldTransform transform, Object message)
      throws RuleException {
    return transformFields(ctx, transform, copy(message));
  }
}
