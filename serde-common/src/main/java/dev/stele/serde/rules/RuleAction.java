package dev.stele.serde.rules;

/**
 * What happens after a rule ran: {@code onSuccess} or {@code onFailure} names one by type
 * ({@code NONE}, {@code ERROR}, {@code DLQ}, or one of the user's).
 */
public interface RuleAction extends RuleBase {
  /**
   * @param failure why the rule failed, or null after a success
   * @throws RuleException logged and otherwise ignored, as in Confluent: an action that must stop
   *     the record throws an unchecked exception (see {@link RuleFailedException})
   */
  void run(RuleContext ctx, Object message, RuleException failure) throws RuleException;
}
