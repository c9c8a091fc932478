package dev.stele.client;

import java.util.List;

/**
 * A schema's rules (Confluent's {@code RuleSet}): migration rules run between versions, domain
 * rules on every message a serde writes or reads, encoding rules on the encoded bytes.
 */
public record RuleSet(List<Rule> migrationRules, List<Rule> domainRules, List<Rule> encodingRules) {
  public static final RuleSet EMPTY = new RuleSet(List.of(), List.of(), List.of());

  public RuleSet {
    migrationRules = migrationRules == null ? List.of() : List.copyOf(migrationRules);
    domainRules = domainRules == null ? List.of() : List.copyOf(domainRules);
    encodingRules = encodingRules == null ? List.of() : List.copyOf(encodingRules);
  }

  public static RuleSet domain(List<Rule> rules) {
    return new RuleSet(List.of(), rules, List.of());
  }

  public boolean isEmpty() {
    return migrationRules.isEmpty() && domainRules.isEmpty() && encodingRules.isEmpty();
  }
}
