package dev.stele.serde.rules;

import dev.stele.client.Rule;

/**
 * A {@code CONDITION} rule answered false. Worded as Confluent's: the rule's {@code doc} when it
 * has one, else {@code Expr failed: '<expr>'}, else {@code Condition failed: '<name>'}, so a
 * reader of either registry's serializer errors sees the same text.
 */
public class RuleConditionException extends RuleException {
  public RuleConditionException(Rule rule) {
    super(rule, wording(rule));
  }

  private static String wording(Rule rule) {
    if (rule.doc() != null && !rule.doc().isEmpty()) {
      return rule.doc();
    }
    return rule.expr() != null ? "Expr failed: '" + rule.expr() + "'" : "Condition failed: '" + rule.name() + "'";
  }
}
