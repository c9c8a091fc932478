package dev.stele.serde.rules;

/**
 * Runs one kind of rule ({@code type}) on a message. For a {@code CONDITION} rule the answer is
 * {@code Boolean.FALSE} when the message fails; for a {@code TRANSFORM} the message to go on with.
 */
public interface RuleExecutor extends RuleBase {
  Object transform(RuleContext ctx, Object message) throws RuleException;
}
