package dev.stele.serde.rules;

import dev.stele.client.Rule;
import org.apache.kafka.common.errors.SerializationException;

/**
 * What the {@code ERROR} and {@code DLQ} actions throw: a Kafka {@link SerializationException}
 * worded as Confluent's ({@code Rule failed: <name>}, the {@link RuleException} as cause), so
 * existing catch blocks work unchanged, and carrying the rule for code that wants it.
 */
public class RuleFailedException extends SerializationException {
  private final transient Rule rule;

  public RuleFailedException(Rule rule, RuleException cause) {
    super("Rule failed: " + rule.name(), cause);
    this.rule = rule;
  }

  public Rule rule() {
    return rule;
  }
}
