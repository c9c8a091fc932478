package dev.stele.serde.rules;

/**
 * An executor bound to one rule of one schema in one mode ({@link RuleExecutor#prepare}), made once
 * when the serde first meets that schema and mode, and run on each of its records without a
 * {@link RuleContext}: what the executor would otherwise work out from the rule on every record
 * (CEL: the rule's compiled programs) it holds. Used by many threads at once.
 */
@FunctionalInterface
public interface PreparedRule {
  /**
   * As {@link RuleExecutor#transform} for one record of the rule it was prepared for.
   *
   * @param model how the rules see the record's format (the serde's, per record)
   */
  Object transform(MessageModel model, Object message) throws RuleException;
}
