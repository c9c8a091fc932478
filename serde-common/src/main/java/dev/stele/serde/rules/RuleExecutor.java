package dev.stele.serde.rules;

/**
 * Runs one kind of rule ({@code type}) on a message. For a {@code CONDITION} rule the answer is
 * {@code Boolean.FALSE} when the message fails; for a {@code TRANSFORM} the message to go on with.
 */
public interface RuleExecutor extends RuleBase {
  Object transform(RuleContext ctx, Object message) throws RuleException;

  /**
   * This executor bound to {@code ctx}'s rule, once per schema, mode and phase (the serde's rule
   * plan, decision 0029): its records then go to the answer's {@link PreparedRule#transform}
   * instead of {@link #transform}, with no {@link RuleContext} made for them. {@code ctx}'s
   * per-record parts ({@code topic}, {@code headers}, {@code original}) are null, and its
   * {@code model} is the first record's: keep only what the rule and its schema decide. Answer
   * null (the default) when every record needs its own context, or when the rule cannot be
   * prepared (a bad expression): each record then runs {@link #transform} and fails there as the
   * rule's failure. An exception thrown here counts as null.
   */
  default PreparedRule prepare(RuleContext ctx) {
    return null;
  }
}
