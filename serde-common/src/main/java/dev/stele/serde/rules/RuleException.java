package dev.stele.serde.rules;

import dev.stele.client.Rule;

/** A rule could not run, or ran and failed; carries the rule when known. */
public class RuleException extends Exception {
  private final transient Rule rule;

  public RuleException(Rule rule, String message) {
    super(message);
    this.rule = rule;
  }

  public RuleException(Rule rule, String message, Throwable cause) {
    super(message, cause);
    this.rule = rule;
  }

  /** The rule, or null when the failure is not one rule's. */
  public Rule rule() {
    return rule;
  }
}
